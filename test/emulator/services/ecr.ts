/** Amazon ECR (placeholder until the ECR part lands). */
import type { Handlers, RegionState } from '../world';
import type { Obj } from './ecs-state';

export class EcrState {
  readonly repos = new Map<string, Obj>();
  constructor(readonly region: RegionState) {}
}

export const ecrHandlers: Handlers = {};

export function seedEcr(_region: RegionState, _seed: 'demo' | 'scale', _at: Date): void {
  // ECR seeding lands with the ECR part.
}
