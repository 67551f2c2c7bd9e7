/**
 * ELBv2 writes: CreateTargetGroup, CreateRule, ModifyRule, DeleteRule, DeleteTargetGroup,
 * RegisterTargets, DeregisterTargets. The targets ECS registers for a service's tasks are not
 * stored here: they follow from the tasks (targets.ts). RegisterTargets adds targets by hand; nothing in the emulator answers their health
 * checks, so they time out (unhealthy, Target.Timeout) once the unhealthy threshold is reached.
 */
import type * as elb from '../../generated/elbv2';
import { arn } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import type { Region } from '../../kit/world';
import { ec2State } from '../ec2/state';
import { defaultRuleArn, elbState, type RuleRecord, type TargetGroupRecord } from './state';

/**
 * "This name must be unique per region per account, can have a maximum of 32 characters, must contain
 * only alphanumeric characters or hyphens, and must not begin or end with a hyphen"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html);
 * ELB's wording of each refusal is not documented.
 */
export function checkTargetGroupName(name: string): void {
  if (name.length > 32) {
    throw new AwsError('ValidationError', `Target group name '${name}' cannot be longer than '32' characters`);
  }
  if (!/^[A-Za-z0-9-]+$/.test(name) || name.startsWith('-') || name.endsWith('-')) {
    throw new AwsError('ValidationError', `Target group name '${name}' can only contain characters that are alphanumeric characters or hyphens(-), and must not begin or end with a hyphen`);
  }
}

/**
 * A new target group with the defaults CreateTargetGroup documents for an HTTP/HTTPS group (health
 * check HTTP on the traffic port, path `/`, every 30 s, timeout 5 s, healthy 5, unhealthy 2, matcher
 * 200, protocol version HTTP1; target type `instance`). The same name with the same settings
 * answers the existing group ("If you attempt to create multiple target groups with the same
 * settings, each call succeeds"); with other settings DuplicateTargetGroupName.
 */
export function createTargetGroup(region: Region, input: elb.CreateTargetGroupInput): TargetGroupRecord {
  checkTargetGroupName(input.Name);
  const targetType = input.TargetType ?? 'instance';
  if (targetType !== 'lambda' && (!input.Protocol || input.Port === undefined || !input.VpcId)) {
    throw new AwsError('ValidationError', 'A protocol, port, and VPC ID must be specified for target groups with a target type other than lambda');
  }
  if (input.VpcId && !ec2State(region).vpcs.some((v) => v.VpcId === input.VpcId)) {
    throw new AwsError('ValidationError', `The VPC ID '${input.VpcId}' is not found`);
  }
  const http = input.Protocol === 'HTTP' || input.Protocol === 'HTTPS';
  const interval = input.HealthCheckIntervalSeconds ?? 30;
  const timeout = input.HealthCheckTimeoutSeconds ?? (http ? 5 : 10);
  if (timeout >= interval) {
    throw new AwsError('ValidationError', 'Health check timeout must be smaller than the interval');
  }
  const settings: Omit<TargetGroupRecord, 'TargetGroupArn' | 'LoadBalancerArns'> = {
    TargetGroupName: input.Name, Protocol: input.Protocol, Port: input.Port, VpcId: input.VpcId,
    HealthCheckProtocol: input.HealthCheckProtocol ?? (http ? 'HTTP' : input.Protocol), HealthCheckPort: input.HealthCheckPort ?? 'traffic-port',
    HealthCheckEnabled: input.HealthCheckEnabled ?? true, HealthCheckIntervalSeconds: interval, HealthCheckTimeoutSeconds: timeout,
    HealthyThresholdCount: input.HealthyThresholdCount ?? 5, UnhealthyThresholdCount: input.UnhealthyThresholdCount ?? 2,
    ...(http ? { HealthCheckPath: input.HealthCheckPath ?? '/', Matcher: input.Matcher ?? { HttpCode: '200' }, ProtocolVersion: input.ProtocolVersion ?? 'HTTP1' } : {}),
    TargetType: targetType, IpAddressType: input.IpAddressType ?? 'ipv4',
  };
  const state = elbState(region);
  const same = state.targetGroups.find((t) => t.TargetGroupName === input.Name);
  if (same) {
    const differs = (Object.keys(settings) as (keyof typeof settings)[]).some((k) => JSON.stringify(same[k]) !== JSON.stringify(settings[k]));
    if (differs) {
      throw new AwsError('DuplicateTargetGroupNameException', `A target group with the same name '${input.Name}' exists, but with different settings`);
    }
    return same;
  }
  const tg: TargetGroupRecord = { ...settings, TargetGroupArn: arn('elasticloadbalancing', region.name, `targetgroup/${input.Name}/${region.core.rnd.hex(16)}`), LoadBalancerArns: [] };
  state.targetGroups.push(tg);
  return tg;
}

/** The target groups an action list forwards to. */
function forwardedGroups(actions: elb.Action[]): string[] {
  return actions.filter((a) => a.Type === 'forward').flatMap((a) => [a.TargetGroupArn, ...(a.ForwardConfig?.TargetGroups ?? []).map((t) => t.TargetGroupArn)]).filter((a): a is string => !!a);
}

const FIELDS = ['path-pattern', 'host-header', 'http-header', 'http-request-method', 'query-string', 'source-ip'];

/**
 * The conditions and actions of a rule, checked before anything changes: known condition fields,
 * a forward action to groups that exist, and no group already used by another load balancer ("a target
 * group can be associated with only one load balancer" for Application Load Balancers,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html).
 * Returns the groups to associate with `lbArn`.
 */
function checkRule(region: Region, lbArn: string, conditions: elb.RuleCondition[] | undefined, actions: elb.Action[] | undefined): TargetGroupRecord[] {
  for (const c of conditions ?? []) {
    if (!c.Field || !FIELDS.includes(c.Field)) {
      throw new AwsError('ValidationError', `Condition field '${c.Field ?? ''}' must be one of '[${FIELDS.join(', ')}]'`);
    }
  }
  for (const a of actions ?? []) {
    if (a.Type === 'forward' && !a.TargetGroupArn && !a.ForwardConfig?.TargetGroups?.length) {
      throw new AwsError('ValidationError', 'A target group ARN must be specified for a forward action');
    }
  }
  const state = elbState(region);
  const groups = forwardedGroups(actions ?? []).map((tgArn) => {
    const tg = state.targetGroup(tgArn);
    if (!tg) {
      throw new AwsError('TargetGroupNotFoundException', 'One or more target groups not found');
    }
    return tg;
  });
  const taken = groups.filter((tg) => tg.LoadBalancerArns.some((l) => l !== lbArn));
  if (taken.length) {
    throw new AwsError('TargetGroupAssociationLimitException', `The following target groups cannot be associated with more than one load balancer: ${taken.map((t) => t.TargetGroupArn).join(', ')}`);
  }
  const lb = state.loadBalancers.find((l) => l.LoadBalancerArn === lbArn);
  const otherVpc = groups.find((tg) => lb?.VpcId && tg.VpcId && tg.VpcId !== lb.VpcId);
  if (otherVpc) {
    throw new AwsError('ValidationError', `The target group '${otherVpc.TargetGroupArn}' is not in the same VPC as the load balancer`);
  }
  return groups;
}

function associate(lbArn: string, groups: TargetGroupRecord[]): void {
  groups.filter((tg) => !tg.LoadBalancerArns.includes(lbArn)).forEach((tg) => tg.LoadBalancerArns.push(lbArn));
}

function view(rule: RuleRecord): elb.Rule {
  const { ListenerArn: _l, ...out } = rule;
  return out;
}

export function createRule(region: Region, input: elb.CreateRuleInput): elb.Rule {
  const state = elbState(region);
  const listener = state.listeners.find((l) => l.ListenerArn === input.ListenerArn);
  if (!listener) {
    throw new AwsError('ListenerNotFoundException', 'One or more listeners not found');
  }
  if (state.rules.some((r) => r.ListenerArn === listener.ListenerArn && Number(r.Priority) === input.Priority)) {
    throw new AwsError('PriorityInUseException', `Priority '${input.Priority}' is currently in use`);
  }
  if (!input.Conditions?.length) {
    throw new AwsError('ValidationError', 'A rule must have at least one condition');
  }
  const groups = checkRule(region, listener.LoadBalancerArn, input.Conditions, input.Actions);
  const rule: RuleRecord = {
    RuleArn: `${listener.ListenerArn.replace(':listener/', ':listener-rule/')}/${region.core.rnd.hex(16)}`, ListenerArn: listener.ListenerArn,
    Priority: String(input.Priority), IsDefault: false, Conditions: input.Conditions, Actions: input.Actions.map((a, i) => ({ ...a, Order: a.Order ?? i + 1 })),
  };
  associate(listener.LoadBalancerArn, groups);
  state.rules.push(rule);
  return view(rule);
}

export function modifyRule(region: Region, input: elb.ModifyRuleInput): elb.Rule {
  const state = elbState(region);
  const rule = state.rules.find((r) => r.RuleArn === input.RuleArn);
  if (!rule) {
    throw new AwsError('RuleNotFoundException', 'One or more rules not found');
  }
  const lbArn = state.listeners.find((l) => l.ListenerArn === rule.ListenerArn)?.LoadBalancerArn ?? '';
  const groups = checkRule(region, lbArn, input.Conditions, input.Actions);
  if (input.Conditions) {
    rule.Conditions = input.Conditions;
  }
  if (input.Actions) {
    rule.Actions = input.Actions.map((a, i) => ({ ...a, Order: a.Order ?? i + 1 }));
  }
  associate(lbArn, groups);
  return view(rule);
}

/** Hand-registered targets: `ip` ids are IPv4 addresses, `instance` ids `i-…` (API_TargetDescription.html). */
export function registerTargets(region: Region, tg: TargetGroupRecord, targets: elb.TargetDescription[]): void {
  const bad = targets.find((t) => (tg.TargetType === 'ip' ? !/^\d{1,3}(\.\d{1,3}){3}$/.test(t.Id) : tg.TargetType === 'instance' ? !/^i-[0-9a-f]+$/.test(t.Id) : false));
  if (bad) {
    throw new AwsError('InvalidTargetException', `The following targets are not valid for target type '${tg.TargetType}': ${bad.Id}`);
  }
  const state = elbState(region);
  const list = state.manualTargets.get(tg.TargetGroupArn) ?? [];
  for (const t of targets) {
    const target = { ...t, Port: t.Port ?? tg.Port };
    const existing = list.find((m) => m.target.Id === target.Id && m.target.Port === target.Port);
    if (existing) {
      existing.deregisteredAt = undefined;
    } else {
      list.push({ target, registeredAt: region.now() });
    }
  }
  state.manualTargets.set(tg.TargetGroupArn, list);
}

/** Deregistering a target that is not registered is InvalidTarget, as for an unknown id (API_DeregisterTargets.html). */
export function deregisterTargets(region: Region, tg: TargetGroupRecord, targets: elb.TargetDescription[]): void {
  const list = elbState(region).manualTargets.get(tg.TargetGroupArn) ?? [];
  const found = targets.map((t) => {
    const m = list.find((x) => x.target.Id === t.Id && (t.Port === undefined || x.target.Port === t.Port) && !x.deregisteredAt);
    if (!m) {
      throw new AwsError('InvalidTargetException', `The following targets are not registered in target group '${tg.TargetGroupArn}': ${t.Id}`);
    }
    return m;
  });
  found.forEach((m) => (m.deregisteredAt = region.now()));
}

/** The target groups forwarded to by the listeners `lbArn` names (every listener without it) and their rules. */
function forwardedByListeners(region: Region, lbArn?: string): Set<string> {
  const state = elbState(region);
  const listeners = state.listeners.filter((l) => lbArn === undefined || l.LoadBalancerArn === lbArn);
  const arns = listeners.map((l) => l.ListenerArn);
  return new Set([
    ...listeners.flatMap((l) => forwardedGroups(l.DefaultActions ?? [])),
    ...state.rules.filter((r) => arns.includes(r.ListenerArn)).flatMap((r) => forwardedGroups(r.Actions ?? [])),
  ]);
}

/** A group no action of `lbArn`'s listeners forwards to any more is no longer associated with it. */
function dissociateUnused(region: Region, lbArn: string, groups: string[]): void {
  const used = forwardedByListeners(region, lbArn);
  for (const arn of groups.filter((g) => !used.has(g))) {
    const tg = elbState(region).targetGroup(arn);
    if (tg) {
      tg.LoadBalancerArns = tg.LoadBalancerArns.filter((l) => l !== lbArn);
    }
  }
}

/** "You can't delete the default rule" (API_DeleteRule.html); ELB's wording of the refusal is not documented. */
export function deleteRule(region: Region, ruleArn: string): void {
  const state = elbState(region);
  if (state.listeners.some((l) => defaultRuleArn(l.ListenerArn) === ruleArn)) {
    throw new AwsError('OperationNotPermittedException', 'Default rules cannot be deleted');
  }
  const rule = state.rules.find((r) => r.RuleArn === ruleArn);
  if (!rule) {
    throw new AwsError('RuleNotFoundException', 'One or more rules not found');
  }
  const groups = forwardedGroups(rule.Actions ?? []);
  state.rules.splice(state.rules.indexOf(rule), 1);
  const lbArn = state.listeners.find((l) => l.ListenerArn === rule.ListenerArn)?.LoadBalancerArn;
  if (lbArn) {
    dissociateUnused(region, lbArn, groups);
  }
}

/**
 * "You can delete a target group if it is not referenced by any actions" (API_DeleteTargetGroup.html):
 * ResourceInUse while a listener or rule forwards to it. The model lists no not-found error: deleting
 * a group that is gone succeeds.
 */
export function deleteTargetGroup(region: Region, tgArn: string): void {
  const state = elbState(region);
  const tg = state.targetGroup(tgArn);
  if (!tg) {
    return;
  }
  if (forwardedByListeners(region).has(tgArn)) {
    throw new AwsError('ResourceInUseException', `Target group '${tgArn}' is currently in use by a listener or a rule`);
  }
  state.targetGroups.splice(state.targetGroups.indexOf(tg), 1);
  state.attributes.delete(tgArn);
  state.manualTargets.delete(tgArn);
}
