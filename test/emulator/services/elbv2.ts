/** Elastic Load Balancing v2 (placeholder). */
import type { Handlers } from '../world';
import type { Obj } from './ecs-state';

export class ElbState {
  readonly loadBalancers: Obj[] = [];
}

export const elbHandlers: Handlers = {};
