/** Tags on ECS resources (clusters, services, tasks, container instances, task definitions, capacity providers). */
import { arnResource, isArnOf } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import type { Region } from '../../kit/world';
import { bad, EcsHandlers } from './common';
import { ecsState } from './state';

function resourceExists(region: Region, resourceArn: string): boolean {
  const state = ecsState(region);
  const [kind, ...rest] = arnResource(resourceArn).split('/');
  switch (kind) {
    case 'cluster':
      return state.clusters.get(rest[0])?.status === 'ACTIVE';
    case 'service':
      return state.servicesOf(rest[0]).has(rest[1]);
    case 'task':
      return state.tasksOf(rest[0]).has(rest[1]);
    case 'container-instance':
      return state.instancesOf(rest[0]).has(rest[1]);
    case 'task-definition':
      return state.findTaskDef(rest.join('/')) !== undefined;
    case 'capacity-provider':
      return state.capacityProviders.has(rest[0]);
    default:
      return false;
  }
}

function checkTaggable(region: Region, resourceArn: string): void {
  if (!isArnOf(resourceArn, 'ecs')) {
    throw bad('The ARN provided is invalid.');
  }
  if (!resourceExists(region, resourceArn)) {
    if (resourceArn.includes(':cluster/')) {
      throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
    }
    throw bad('The specified resource could not be found.');
  }
}

/**
 * The ARN tags are kept under: the resource's own ARN, whatever region and account the request's
 * ARN spells (the emulator has one account; resources are found by their resource part, so tags
 * set through one spelling show on DescribeClusters/Services/Tasks with include TAGS).
 */
function tagKey(region: Region, resourceArn: string): string {
  return ecsState(region).arn(arnResource(resourceArn));
}

export const tagHandlers: EcsHandlers<'TagResource' | 'UntagResource' | 'ListTagsForResource'> = {
  TagResource: (input, { region }) => {
    checkTaggable(region, input.resourceArn);
    ecsState(region).setTags(tagKey(region, input.resourceArn), input.tags);
    return {};
  },

  UntagResource: (input, { region }) => {
    checkTaggable(region, input.resourceArn);
    const keys = new Set(input.tagKeys);
    const state = ecsState(region);
    const key = tagKey(region, input.resourceArn);
    state.tags.set(key, state.tagsOf(key).filter((t) => !keys.has(t.key ?? '')));
    return {};
  },

  ListTagsForResource: (input, { region }) => {
    checkTaggable(region, input.resourceArn);
    return { tags: ecsState(region).tagsOf(tagKey(region, input.resourceArn)) };
  },
};
