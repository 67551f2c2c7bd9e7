/**
 * Task sets of services whose deployments an outside controller drives (CODE_DEPLOY): "When a
 * service using the blue/green deployment type is initially created, an Amazon ECS task set is
 * created", and a CodeDeploy deployment adds a replacement task set beside the original one, moves
 * traffic to it, makes it primary and deletes the original after the termination wait time
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html,
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-steps-ecs.html).
 *
 * The emulator runs each task set as one of the service's deployments (the scheduler scales the
 * newest up); what this adds is who holds a task set: a held one is not scaled down by the
 * scheduler, and the primary one is the one CodeDeploy made primary, not the newest.
 */
import { perRegion } from '../../../kit/world';
import type { ServiceRecord } from '../state';

export interface TaskSetControl {
  /** Deployment (task set) ids the controller keeps running whatever the scheduler thinks. */
  held: Set<string>;
  /** The task set serving production traffic (UpdateServicePrimaryTaskSet). */
  primary?: string;
}

export const taskSetControl = perRegion('ecs-task-sets', () => new Map<ServiceRecord, TaskSetControl>());

export function controlOf(map: Map<ServiceRecord, TaskSetControl>, svc: ServiceRecord): TaskSetControl {
  let c = map.get(svc);
  if (!c) {
    c = { held: new Set() };
    map.set(svc, c);
  }
  return c;
}
