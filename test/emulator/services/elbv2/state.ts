/**
 * ELBv2 state per region: load balancers, target groups with their attributes, listeners. It imports
 * nothing of ECS, so the ECS simulation can read a target group's settings (targets.ts).
 */
import type * as elb from '../../generated/elbv2';
import { perRegion } from '../../kit/world';

export type LoadBalancerRecord = elb.LoadBalancer & { LoadBalancerArn: string; LoadBalancerName: string };
export type TargetGroupRecord = elb.TargetGroup & { TargetGroupArn: string; TargetGroupName: string; LoadBalancerArns: string[] };
export type ListenerRecord = elb.Listener & { ListenerArn: string; LoadBalancerArn: string };
export type RuleRecord = elb.Rule & { RuleArn: string; ListenerArn: string; Actions: elb.Action[] };

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

/** A target registered with RegisterTargets, and when it was deregistered (it drains for the group's delay). */
export interface ManualTarget {
  target: elb.TargetDescription;
  registeredAt: Date;
  deregisteredAt?: Date;
}

export class ElbState {
  readonly loadBalancers: LoadBalancerRecord[] = [];
  readonly targetGroups: TargetGroupRecord[] = [];
  readonly listeners: ListenerRecord[] = [];
  /** Listener rules other than the default one (a listener's default rule is derived from its DefaultActions). */
  readonly rules: RuleRecord[] = [];
  /** Target group ARN -> the targets registered by hand (RegisterTargets), not those of ECS services' tasks. */
  readonly manualTargets = new Map<string, ManualTarget[]>();
  /** Target group ARN -> the attributes set with ModifyTargetGroupAttributes (the others keep their defaults). */
  readonly attributes = new Map<string, Map<string, string>>();

  targetGroup(arn: string): TargetGroupRecord | undefined {
    return this.targetGroups.find((t) => t.TargetGroupArn === arn);
  }

  attributesOf(tg: TargetGroupRecord): elb.TargetGroupAttribute[] {
    const set = this.attributes.get(tg.TargetGroupArn);
    return Object.entries(ALB_TARGET_GROUP_ATTRIBUTES).map(([Key, def]) => ({ Key, Value: set?.get(Key) ?? def }));
  }

  /** The rules of a listener as DescribeRules lists them: by priority, the default rule last. */
  rulesOf(listener: ListenerRecord): elb.Rule[] {
    const own = this.rules.filter((r) => r.ListenerArn === listener.ListenerArn).sort((a, b) => Number(a.Priority) - Number(b.Priority));
    const def: elb.Rule = { RuleArn: defaultRuleArn(listener.ListenerArn), Priority: 'default', Conditions: [], Actions: listener.DefaultActions ?? [], IsDefault: true };
    return [...own.map(({ ListenerArn: _l, ...rule }) => rule), def];
  }

  /** The forward action of a rule (or, for a listener ARN, of its default action): where ECS shifts traffic. */
  forwardOf(ruleOrListenerArn: string): elb.Action | undefined {
    const rule = this.rules.find((r) => r.RuleArn === ruleOrListenerArn);
    const actions = rule ? rule.Actions : this.listeners.find((l) => l.ListenerArn === ruleOrListenerArn || defaultRuleArn(l.ListenerArn) === ruleOrListenerArn)?.DefaultActions;
    return actions?.find((a) => a.Type === 'forward');
  }

  /**
   * Sets a forward action's weights, as ECS does through ModifyRule / ModifyListener while it shifts
   * traffic: a weighted ForwardConfig over the groups, and TargetGroupArn only while one group takes it all
   * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#forward-actions).
   */
  setWeights(ruleOrListenerArn: string, weights: [string, number][]): void {
    const forward = this.forwardOf(ruleOrListenerArn);
    if (!forward) {
      return;
    }
    forward.ForwardConfig = { ...forward.ForwardConfig, TargetGroups: weights.map(([TargetGroupArn, Weight]) => ({ TargetGroupArn, Weight })) };
    const sole = weights.filter(([, w]) => w > 0);
    if (sole.length === 1 && weights.length === 1) {
      forward.TargetGroupArn = sole[0][0];
    } else {
      delete forward.TargetGroupArn;
    }
  }

  /** A rule's weight per target group (a forward to one group gives it 100). */
  weightsOf(ruleOrListenerArn: string): Map<string, number> {
    const forward = this.forwardOf(ruleOrListenerArn);
    const tuples = forward?.ForwardConfig?.TargetGroups ?? (forward?.TargetGroupArn ? [{ TargetGroupArn: forward.TargetGroupArn, Weight: 100 }] : []);
    return new Map(tuples.map((t) => [t.TargetGroupArn ?? '', t.Weight ?? 0]));
  }

  /** deregistration_delay.timeout_seconds, in ms: how long a deregistering target drains. */
  deregistrationDelayMs(tg: TargetGroupRecord): number {
    const set = this.attributes.get(tg.TargetGroupArn)?.get('deregistration_delay.timeout_seconds');
    return Number(set ?? ALB_TARGET_GROUP_ATTRIBUTES['deregistration_delay.timeout_seconds']) * 1000;
  }
}

/** The ARN AWS gives a listener's default rule: `listener-rule/` in place of `listener/`, and a rule id. */
export function defaultRuleArn(listenerArn: string): string {
  return `${listenerArn.replace(':listener/', ':listener-rule/')}/0000000000000000`;
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
