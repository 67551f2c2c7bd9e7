/**
 * ECS attributes of container instances: PutAttributes, DeleteAttributes, ListAttributes
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutAttributes.html). Custom
 * attributes sit beside the agent's in the instance's `attributes`, where memberOf constraints
 * and spread strategies read them. The model's rules: a name of 1-128 letters, digits, hyphens,
 * underscores, slashes, back slashes or periods; a value of 1-128 of those, at signs, colons or
 * spaces, not starting or ending with a space; "up to 10 custom attributes for each resource" and 10
 * a call; a short target id needs its target type. Refusals without published wording name the
 * parameter in the emulator's own words.
 */
import type * as ecs from '../../generated/ecs';
import { AwsError } from '../../kit/errors';
import type { Region } from '../../kit/world';
import { bad, EcsHandlers, limit, listPage } from './common';
import { findInstance } from './container-instances';
import { ecsState, type ClusterRecord, type InstanceRecord } from './state';

const NAME = /^[A-Za-z0-9_./\\-]{1,128}$/;
const VALUE = /^(?! )[A-Za-z0-9_./\\@: -]{1,128}(?<! )$/;
const MAX_CUSTOM = 10;

/** Names ECS and its agent register (ecs.*, com.amazonaws.ecs.*): not custom, not deletable. */
function builtIn(name: string): boolean {
  return name.startsWith('ecs.') || name.startsWith('com.amazonaws.ecs.');
}

function target(region: Region, cluster: ClusterRecord, a: ecs.Attribute): InstanceRecord {
  if (!a.targetId) throw bad(`Attribute ${a.name}: targetId is required.`);
  // A resource path (`…:container-instance/<id>`) is the long form; AWS's own DeleteAttributes
  // example sends one without its `arn:` prefix.
  const long = a.targetId.includes('container-instance/');
  if (!long && !a.targetType) throw bad(`Attribute ${a.name}: targetType is required with a short targetId.`);
  const inst = findInstance(region, cluster, long ? a.targetId.slice(a.targetId.lastIndexOf('/') + 1) : a.targetId);
  if (!inst) throw new AwsError('TargetNotFoundException', `The specified target wasn't found: ${a.targetId}`);
  return inst;
}

export const attributeHandlers: EcsHandlers<'PutAttributes' | 'DeleteAttributes' | 'ListAttributes'> = {
  PutAttributes: (input, { region }) => {
    limit(input.attributes, 10, 'attributes');
    const cluster = ecsState(region).cluster(input.cluster);
    const targets = input.attributes.map((a) => {
      if (!NAME.test(a.name)) throw bad(`Invalid attribute name: ${a.name}`);
      if (a.value !== undefined && !VALUE.test(a.value)) throw bad(`Invalid attribute value for ${a.name}: ${a.value}`);
      return target(region, cluster, a);
    });
    // All checked before any change: a refused call leaves every instance as it was.
    for (const inst of new Set(targets)) {
      const names = new Set((inst.attributes ?? []).filter((x) => !builtIn(x.name)).map((x) => x.name));
      input.attributes.forEach((a, i) => targets[i] === inst && names.add(a.name));
      if (names.size > MAX_CUSTOM) throw new AwsError('AttributeLimitExceededException', `You can apply up to ${MAX_CUSTOM} custom attributes for each resource.`);
    }
    input.attributes.forEach((a, i) => {
      const inst = targets[i];
      inst.attributes = [...(inst.attributes ?? []).filter((x) => x.name !== a.name), { name: a.name, value: a.value }];
      inst.version += 1;
    });
    return { attributes: input.attributes };
  },

  DeleteAttributes: (input, { region }) => {
    limit(input.attributes, 10, 'attributes');
    const cluster = ecsState(region).cluster(input.cluster);
    const targets = input.attributes.map((a) => {
      if (builtIn(a.name)) throw bad(`Attribute ${a.name} is not a custom attribute: only custom attributes can be deleted.`);
      return target(region, cluster, a);
    });
    // The reply names each deleted attribute with the value it had (API_DeleteAttributes.html's example).
    const deleted = input.attributes.map((a, i) => {
      const inst = targets[i];
      const had = (inst.attributes ?? []).find((x) => x.name === a.name);
      inst.attributes = (inst.attributes ?? []).filter((x) => x.name !== a.name);
      inst.version += 1;
      return { ...a, value: had?.value ?? a.value };
    });
    return { attributes: deleted };
  },

  ListAttributes: (input, { region }) => {
    const cluster = ecsState(region).cluster(input.cluster);
    if (input.attributeValue !== undefined && input.attributeName === undefined) throw bad('attributeValue requires attributeName.');
    const items: ecs.Attribute[] = [];
    for (const inst of ecsState(region).instancesOf(cluster.clusterName).values()) {
      for (const a of inst.attributes ?? []) {
        if ((input.attributeName === undefined || a.name === input.attributeName) && (input.attributeValue === undefined || a.value === input.attributeValue)) {
          items.push({ name: a.name, value: a.value, targetType: 'container-instance', targetId: inst.containerInstanceArn });
        }
      }
    }
    const p = listPage(items, input);
    return { attributes: p.items, nextToken: p.next };
  },
};
