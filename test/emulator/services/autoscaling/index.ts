/** Application Auto Scaling for `ecs:service:DesiredCount`. */
import type * as aas from '../../generated/autoscaling';
import { defineService, seedContext } from '../../kit/service';
import type { Region } from '../../kit/world';
import { scalingHandlers } from './handlers';

export const scalingService = defineService<aas.Operations>({
  model: 'autoscaling',
  iamPrefix: 'application-autoscaling',
  // The error its model lists for Describe*, worded as the model documents it.
  pageTokens: { error: 'InvalidNextTokenException', message: 'The next token supplied was invalid.' },
  handlers: scalingHandlers,
});

/** Registers a scalable target with a target-tracking policy (seeds). */
export function seedScaling(region: Region, resourceId: string, min: number, max: number): void {
  const ctx = seedContext(region);
  const base = { ServiceNamespace: 'ecs', ResourceId: resourceId, ScalableDimension: 'ecs:service:DesiredCount' } as const;
  scalingHandlers.RegisterScalableTarget({ ...base, MinCapacity: min, MaxCapacity: max }, ctx);
  scalingHandlers.PutScalingPolicy({
    ...base,
    PolicyName: 'cpu-target-tracking',
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, ScaleInCooldown: 300, ScaleOutCooldown: 60 },
  }, ctx);
}
