/**
 * What CreateService / UpdateService require of `deploymentConfiguration.strategy` and what goes with
 * it, checked before anything changes. The rules are AWS's documented ones; ECS's exact wording of
 * each refusal is not published, so the messages are the emulator's own, naming the parameter:
 * - BLUE_GREEN, LINEAR and CANARY are for the ECS deployment controller and need a load balancer whose
 *   `advancedConfiguration` names the alternate target group, the production listener rule and the
 *   role ECS uses for ELB, or Service Connect
 *   (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html,
 *   https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AdvancedConfiguration.html);
 * - `bakeTimeInMinutes` 0-1440, "You must provide this parameter when you use the BLUE_GREEN
 *   deployment strategy" (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html);
 * - linear `stepPercent` multiples of 0.1 from 3.0 to 100.0 (default 10), `stepBakeTimeInMinutes`
 *   0-1440 (default 6) (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinearConfiguration.html);
 *   canary `canaryPercent` multiples of 0.1 from 0.1 to 100.0 (default 5), `canaryBakeTimeInMinutes`
 *   0-1440 (default 10) (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CanaryConfiguration.html);
 * - lifecycle hooks: `lifecycleStages` required; AWS_LAMBDA (the default target type) needs
 *   `hookTargetArn` and `roleArn`; "PAUSE hooks cannot be configured at TEST_TRAFFIC_SHIFT or
 *   PRODUCTION_TRAFFIC_SHIFT stages"; timeout 1-1440 minutes, default 1440, action ROLLBACK by default
 *   (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentLifecycleHook.html,
 *   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-lifecycle-hooks.html).
 */
import type * as ecs from '../../generated/ecs';
import type { Region } from '../../kit/world';
import { elbState } from '../elbv2/state';
import { bad } from './common';

export type TrafficStrategy = 'BLUE_GREEN' | 'LINEAR' | 'CANARY';

export function shiftsTraffic(strategy: ecs.DeploymentStrategy | undefined): strategy is TrafficStrategy {
  return strategy === 'BLUE_GREEN' || strategy === 'LINEAR' || strategy === 'CANARY';
}

const PAUSE_REFUSED = new Set(['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT']);

function minutes(value: number | undefined, name: string): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= 1440)) {
    throw bad(`${name} must be an integer from 0 to 1440.`);
  }
}

function percent(value: number | undefined, name: string, min: number): void {
  if (value !== undefined && !(value >= min && value <= 100 && Math.abs(value * 10 - Math.round(value * 10)) < 1e-9)) {
    throw bad(`${name} must be a multiple of 0.1 from ${min.toFixed(1)} to 100.0.`);
  }
}

function checkHooks(hooks: ecs.DeploymentLifecycleHook[]): void {
  for (const h of hooks) {
    const type = h.targetType ?? 'AWS_LAMBDA';
    if (!h.lifecycleStages?.length) {
      throw bad('lifecycleStages must be specified for a deployment lifecycle hook.');
    }
    if (type === 'AWS_LAMBDA' && (!h.hookTargetArn || !h.roleArn)) {
      throw bad('hookTargetArn and roleArn must be specified for an AWS_LAMBDA lifecycle hook.');
    }
    const refused = h.lifecycleStages.find((s) => PAUSE_REFUSED.has(s));
    if (type === 'PAUSE' && refused) {
      throw bad(`PAUSE lifecycle hooks cannot be configured at the ${refused} stage.`);
    }
    const t = h.timeoutConfiguration?.timeoutInMinutes;
    if (t !== undefined && !(Number.isInteger(t) && t >= 1 && t <= 1440)) {
      throw bad('timeoutConfiguration.timeoutInMinutes must be an integer from 1 to 1440.');
    }
  }
}

function checkLoadBalancers(region: Region, lbs: ecs.LoadBalancer[], serviceConnect: boolean, strategy: TrafficStrategy): void {
  if (!lbs.length && !serviceConnect) {
    throw bad(`The ${strategy} deployment strategy requires a load balancer with an advanced configuration or Service Connect.`);
  }
  const elb = elbState(region);
  for (const lb of lbs) {
    const a = lb.advancedConfiguration;
    if (!a) {
      throw bad(`The ${strategy} deployment strategy requires advancedConfiguration for each load balancer.`);
    }
    if (!a.alternateTargetGroupArn || !a.productionListenerRule || !a.roleArn) {
      throw bad('advancedConfiguration requires alternateTargetGroupArn, productionListenerRule and roleArn.');
    }
    if (a.alternateTargetGroupArn === lb.targetGroupArn) {
      throw bad('The alternate target group must be different from the target group of the load balancer.');
    }
    if (!elb.targetGroup(a.alternateTargetGroupArn)) {
      throw bad(`Target group ${a.alternateTargetGroupArn} not found.`);
    }
    for (const rule of [a.productionListenerRule, a.testListenerRule]) {
      if (rule && !elb.forwardOf(rule)) {
        throw bad(`Listener rule ${rule} not found or does not forward to a target group.`);
      }
    }
  }
}

/** The deployment configuration and load balancers a service would have: refused as AWS refuses them. */
export function checkStrategy(region: Region, dc: ecs.DeploymentConfiguration, controller: ecs.DeploymentControllerType, lbs: ecs.LoadBalancer[], serviceConnect: boolean): void {
  const strategy = dc.strategy ?? 'ROLLING';
  minutes(dc.bakeTimeInMinutes, 'bakeTimeInMinutes');
  minutes(dc.linearConfiguration?.stepBakeTimeInMinutes, 'linearConfiguration.stepBakeTimeInMinutes');
  minutes(dc.canaryConfiguration?.canaryBakeTimeInMinutes, 'canaryConfiguration.canaryBakeTimeInMinutes');
  percent(dc.linearConfiguration?.stepPercent, 'linearConfiguration.stepPercent', 3);
  percent(dc.canaryConfiguration?.canaryPercent, 'canaryConfiguration.canaryPercent', 0.1);
  if (dc.linearConfiguration && strategy !== 'LINEAR') {
    throw bad('linearConfiguration is only valid with the LINEAR deployment strategy.');
  }
  if (dc.canaryConfiguration && strategy !== 'CANARY') {
    throw bad('canaryConfiguration is only valid with the CANARY deployment strategy.');
  }
  if (!shiftsTraffic(strategy)) {
    if (dc.lifecycleHooks?.length) {
      throw bad('lifecycleHooks are only valid with the BLUE_GREEN, LINEAR and CANARY deployment strategies.');
    }
    return;
  }
  if (controller !== 'ECS') {
    throw bad(`The ${strategy} deployment strategy requires the ECS deployment controller.`);
  }
  if (strategy === 'BLUE_GREEN' && dc.bakeTimeInMinutes === undefined) {
    throw bad('bakeTimeInMinutes must be specified for the BLUE_GREEN deployment strategy.');
  }
  checkHooks(dc.lifecycleHooks ?? []);
  checkLoadBalancers(region, lbs, serviceConnect, strategy);
}

/** The traffic shares of production traffic a strategy moves through, in percent: [100] all at once, canary [p, 100], linear p, 2p, ... 100. */
export function trafficSteps(dc: ecs.DeploymentConfiguration): { percents: number[]; stepBakeMs: number } {
  if (dc.strategy === 'CANARY') {
    const p = dc.canaryConfiguration?.canaryPercent ?? 5;
    return { percents: p >= 100 ? [100] : [p, 100], stepBakeMs: (dc.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10) * 60_000 };
  }
  if (dc.strategy === 'LINEAR') {
    const p = dc.linearConfiguration?.stepPercent ?? 10;
    const percents: number[] = [];
    for (let i = 1; Math.round(i * p * 10) / 10 < 100; i++) {
      percents.push(Math.round(i * p * 10) / 10);
    }
    return { percents: [...percents, 100], stepBakeMs: (dc.linearConfiguration?.stepBakeTimeInMinutes ?? 6) * 60_000 };
  }
  return { percents: [100], stepBakeMs: 0 };
}
