/**
 * Seeds: `demo` (a small, lively account), `scale` (benchmark volumes), `empty`.
 * Resource names are listed in test/emulator/README.md; tests may rely on them.
 */
import type { Core } from '../kit/world';
import { seedDemo, seedDemoEu } from './demo';
import { seedScale } from './scale';

export type SeedName = 'demo' | 'scale' | 'empty';

export function applySeed(core: Core, seed: SeedName): void {
  if (seed === 'demo') {
    seedDemo(core.region('us-east-1'));
    seedDemoEu(core.region('eu-west-1'));
  } else if (seed === 'scale') {
    seedScale(core.region('us-east-1'));
  }
}
