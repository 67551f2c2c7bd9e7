/**
 * What a template shows that a single definition cannot: a service and the task definition it
 * names with `!Ref`. CreateService refuses these, so the stack fails at deploy time:
 * - a load balancer's ContainerName / ContainerPort that the task definition does not have
 *   (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html: "the container
 *   name as it appears in a container definition", "the port on the container");
 * - an awsvpc task without NetworkConfiguration, or NetworkConfiguration for another mode
 *   (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html, networkConfiguration);
 * - launch type FARGATE for a task definition that cannot run there (not awsvpc, or no task size) and
 *   whose RequiresCompatibilities leaves FARGATE out (https://docs.aws.amazon.com/AmazonECS/latest/userguide/fargate-task-defs.html).
 */
import { type Node, items, num, objects, prop, propNode, str } from '../document';
import { hasPlaceholder } from '../placeholders';
import type { ApiView } from './apiView';
import { refTarget } from './intrinsics';
import type { ParsedTemplate, TemplateResource } from './parse';
import type { TemplateSink } from './sink';

export interface CheckedResource {
  resource: TemplateResource;
  view: ApiView;
  sink: TemplateSink;
}

export function crossResourceRules(template: ParsedTemplate, checked: CheckedResource[]): void {
  const tasks = new Map(checked.filter((c) => c.resource.kind === 'task').map((c) => [c.resource.logicalId, c]));
  for (const svc of checked) {
    if (svc.resource.kind !== 'service') continue;
    const tdNode = prop(svc.view.root, 'taskDefinition');
    const cfnTd = tdNode && svc.view.cfnNodeOf.get(tdNode);
    const target = refTarget(cfnTd && template.intrinsics.get(cfnTd));
    const task = target ? tasks.get(target) : undefined;
    if (!task || !tdNode) continue;
    loadBalancers(svc, task, target!);
    network(svc, task, target!, tdNode);
    fargate(svc, task, target!);
  }
}

/** A string that is known (not an intrinsic or a placeholder). */
function known(n: Node | undefined): string | undefined {
  const s = str(n);
  return s !== undefined && !hasPlaceholder(s) ? s : undefined;
}

function loadBalancers(svc: CheckedResource, task: CheckedResource, taskId: string): void {
  const containersNode = prop(task.view.root, 'containerDefinitions');
  if (containersNode?.type !== 'array') return;
  const containers = objects(containersNode);
  const names = containers.map((c) => known(prop(c, 'name')));
  // A container written with an intrinsic (or an intrinsic in the list) could be any name.
  if (names.some((n) => n === undefined) || items(containersNode).length !== containers.length) return;
  for (const lb of objects(prop(svc.view.root, 'loadBalancers'))) {
    const nameNode = prop(lb, 'containerName');
    const name = known(nameNode);
    if (!nameNode || name === undefined) continue;
    const index = names.indexOf(name);
    if (index < 0) {
      svc.sink.error(nameNode, 'service-task-container', `Task definition ${taskId} has no container named "${name}" (its containers: ${names.map((n) => `"${n}"`).join(', ')}): CreateService refuses the load balancer.`);
      continue;
    }
    const portNode = prop(lb, 'containerPort');
    const port = num(portNode);
    if (!portNode || port === undefined) continue;
    const mappings = prop(containers[index], 'portMappings');
    if (mappings && mappings.type !== 'array') continue;
    const ports = objects(mappings).map((m) => prop(m, 'containerPort'));
    if (ports.some((p) => p !== undefined && p.type !== 'number') || items(mappings).length !== ports.length) continue;
    const numbers = ports.map((p) => num(p)).filter((p): p is number => p !== undefined);
    if (!numbers.includes(port))
      svc.sink.error(portNode, 'service-task-port', `Container "${name}" of task definition ${taskId} maps no container port ${port}${numbers.length ? ` (its ports: ${numbers.join(', ')})` : ' (it has no PortMappings)'}: add the port mapping, or use one of its ports.`);
  }
}

/** The mode a task runs with, when the template says it: awsvpc on Fargate, bridge when absent on EC2. */
function networkModeOf(task: Node): string | undefined {
  const written = prop(task, 'networkMode');
  if (written) return known(written);
  const compat = prop(task, 'requiresCompatibilities');
  if (compat && compat.type !== 'array') return undefined;
  const list = items(compat).map((c) => known(c));
  if (list.some((c) => c === undefined)) return undefined;
  return list.includes('FARGATE') ? 'awsvpc' : 'bridge';
}

function network(svc: CheckedResource, task: CheckedResource, taskId: string, tdNode: Node): void {
  const mode = networkModeOf(task.view.root);
  if (mode === undefined) return;
  const config = propNode(svc.view.root, 'networkConfiguration');
  const hasConfig = !!prop(svc.view.root, 'networkConfiguration');
  if (mode === 'awsvpc' && !hasConfig)
    svc.sink.error(tdNode, 'service-task-network', `Task definition ${taskId} uses the awsvpc network mode: the service needs "NetworkConfiguration" (AwsvpcConfiguration with its Subnets).`);
  else if (mode !== 'awsvpc' && hasConfig)
    svc.sink.error(config!, 'service-task-network', `"NetworkConfiguration" is only for awsvpc tasks, and task definition ${taskId} uses the ${mode} network mode: remove it, or set NetworkMode: awsvpc on the task definition.`);
}

function fargate(svc: CheckedResource, task: CheckedResource, taskId: string): void {
  const launchType = prop(svc.view.root, 'launchType');
  const providers = objects(prop(svc.view.root, 'capacityProviderStrategy')).map((c) => known(prop(c, 'capacityProvider')));
  const onFargate = known(launchType) === 'FARGATE' || (providers.length > 0 && providers.every((p) => p === 'FARGATE' || p === 'FARGATE_SPOT'));
  if (!onFargate) return;
  const def = task.view.root;
  const compat = prop(def, 'requiresCompatibilities');
  if (compat && compat.type !== 'array') return;
  const list = items(compat).map((c) => known(c));
  if (list.some((c) => c === undefined) || list.includes('FARGATE')) return;
  // Without FARGATE in RequiresCompatibilities, ECS still finds an awsvpc task with a task-level size
  // compatible with Fargate: only a task that cannot be is reported (cfn-lint's E3054 draws the same line).
  const mode = networkModeOf(def);
  const why = mode !== undefined && mode !== 'awsvpc' ? `uses the ${mode} network mode` : !prop(def, 'cpu') || !prop(def, 'memory') ? 'has no task-level Cpu and Memory' : undefined;
  if (!why) return;
  const anchor = launchType ?? prop(svc.view.root, 'capacityProviderStrategy')!;
  svc.sink.error(anchor, 'service-task-compatibility', `Task definition ${taskId} cannot run on Fargate: it ${why} and does not list FARGATE in "RequiresCompatibilities". Add RequiresCompatibilities: [FARGATE], NetworkMode: awsvpc and a task-level Cpu and Memory.`);
}
