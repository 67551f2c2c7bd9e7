/** Application Auto Scaling (placeholder). */
import type { Handlers } from '../world';
import type { Obj } from './ecs-state';

export class ScalingState {
  readonly targets: Obj[] = [];
}

export const scalingHandlers: Handlers = {};
