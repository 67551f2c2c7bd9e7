/**
 * ELBv2 state per region: load balancers, target groups with their attributes, listeners. It imports
 * nothing of ECS, so the ECS simulation can read a target group's settings (targets.ts).
 */
import type * as elb from '../../generated/elbv2';
import { perRegion } from '../../kit/world';

export type LoadBalancerRecord = elb.LoadBalancer & { LoadBalancerArn: string; LoadBalancerName: string };
export type TargetGroupRecord = elb.TargetGroup & { TargetGroupArn: string; TargetGroupName: string; LoadBalancerArns: string[] };
export type ListenerRecord = elb.Listener & { ListenerArn: string; LoadBalancerArn: string };

/**
 * The attributes of an Application Load Balancer's instance or IP target group and their documented
 * defaults (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetGroupAttribute.html),
 * in the order of AWS's DescribeTargetGroupAttributes example first.
 */
export const ALB_TARGET_GROUP_ATTRIBUTES: Record<string, string> = {
  'stickiness.enabled': 'false',
  'deregistration_delay.timeout_seconds': '300',
  'stickiness.type': 'lb_cookie',
  'stickiness.lb_cookie.duration_seconds': '86400',
  'stickiness.app_cookie.cookie_name': '',
  'stickiness.app_cookie.duration_seconds': '86400',
  'slow_start.duration_seconds': '0',
  'load_balancing.algorithm.type': 'round_robin',
  'load_balancing.algorithm.anomaly_mitigation': 'off',
  'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration',
  'target_group_health.dns_failover.minimum_healthy_targets.count': '1',
  'target_group_health.dns_failover.minimum_healthy_targets.percentage': 'off',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count': '1',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': 'off',
};

export class ElbState {
  readonly loadBalancers: LoadBalancerRecord[] = [];
  readonly targetGroups: TargetGroupRecord[] = [];
  readonly listeners: ListenerRecord[] = [];
  /** Target group ARN -> the attributes set with ModifyTargetGroupAttributes (the others keep their defaults). */
  readonly attributes = new Map<string, Map<string, string>>();

  targetGroup(arn: string): TargetGroupRecord | undefined {
    return this.targetGroups.find((t) => t.TargetGroupArn === arn);
  }

  attributesOf(tg: TargetGroupRecord): elb.TargetGroupAttribute[] {
    const set = this.attributes.get(tg.TargetGroupArn);
    return Object.entries(ALB_TARGET_GROUP_ATTRIBUTES).map(([Key, def]) => ({ Key, Value: set?.get(Key) ?? def }));
  }

  /** deregistration_delay.timeout_seconds, in ms: how long a deregistering target drains. */
  deregistrationDelayMs(tg: TargetGroupRecord): number {
    const set = this.attributes.get(tg.TargetGroupArn)?.get('deregistration_delay.timeout_seconds');
    return Number(set ?? ALB_TARGET_GROUP_ATTRIBUTES['deregistration_delay.timeout_seconds']) * 1000;
  }
}

export const elbState = perRegion('elbv2', () => new ElbState());

/**
 * How long after registration a passing target is reported healthy: HealthCheckIntervalSeconds ×
 * HealthyThresholdCount, "two minutes and 30 seconds (30 seconds * 5 = 150 seconds)" with the
 * defaults (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-healthcheck.html).
 */
export function healthyAfterMs(tg: TargetGroupRecord): number {
  return (tg.HealthCheckIntervalSeconds ?? 30) * (tg.HealthyThresholdCount ?? 5) * 1000;
}

/** How long after registration a failing target is reported unhealthy: HealthCheckIntervalSeconds × UnhealthyThresholdCount. */
export function unhealthyAfterMs(tg: TargetGroupRecord): number {
  return (tg.HealthCheckIntervalSeconds ?? 30) * (tg.UnhealthyThresholdCount ?? 2) * 1000;
}
