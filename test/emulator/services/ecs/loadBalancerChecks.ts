/**
 * What CreateService checks of `loadBalancers` against Elastic Load Balancing and the task
 * definition, before it creates anything:
 * - containerName "as it appears in a container definition" and containerPort, which "must correspond
 *   to a containerPort in the task definition the tasks in the service are using"
 *   (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html);
 * - the target group exists and is associated with a load balancer, and "if your service's task
 *   definition uses the awsvpc network mode, you must choose ip as the target type, not instance"
 *   (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html, "Application Load Balancer
 *   considerations"; API_CreateService.html, loadBalancers).
 * ECS's wording of each refusal is not documented; these are the messages ECS answers with.
 * Run by the CreateService operation only: seeds and fixtures create services in-process.
 */
import type * as ecs from '../../generated/ecs';
import type { Region } from '../../kit/world';
import { elbState } from '../elbv2/state';
import { bad } from './common';
import type { TaskDefinitionRecord } from './state';

export function checkLoadBalancers(region: Region, td: TaskDefinitionRecord | undefined, loadBalancers: ecs.LoadBalancer[] | undefined): void {
  for (const lb of loadBalancers ?? []) {
    if (td && lb.containerName !== undefined) {
      const container = td.containerDefinitions.find((c) => c.name === lb.containerName);
      if (!container) {
        throw bad(`The container ${lb.containerName} does not exist in the task definition.`);
      }
      if (!(container.portMappings ?? []).some((p) => p.containerPort === lb.containerPort)) {
        throw bad(`The container ${lb.containerName} did not have a container port ${lb.containerPort} defined.`);
      }
    }
    if (!lb.targetGroupArn) {
      continue;
    }
    const tg = elbState(region).targetGroup(lb.targetGroupArn);
    if (!tg) {
      throw bad(`Unable to find the target group ${lb.targetGroupArn}.`);
    }
    if (!tg.LoadBalancerArns.length) {
      throw bad(`The target group with targetGroupArn ${tg.TargetGroupArn} does not have an associated load balancer.`);
    }
    if (td?.networkMode === 'awsvpc' && tg.TargetType !== 'ip') {
      throw bad(`The provided target group ${tg.TargetGroupArn} has target type ${tg.TargetType}, which is incompatible with the awsvpc network mode specified in the task definition.`);
    }
  }
}
