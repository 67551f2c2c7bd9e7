/**
 * Elastic Load Balancing v2: load balancers, target groups (their attributes and health check
 * settings can be changed), listeners, and the health of the targets ECS registers for its
 * services' tasks (targets.ts).
 */
import type * as elb from '../../generated/elbv2';
import { arn, dnsSuffix } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import { defineService } from '../../kit/service';
import { Region } from '../../kit/world';
import { ALB_TARGET_GROUP_ATTRIBUTES, elbState, type ListenerRecord, type RuleRecord, type TargetGroupRecord } from './state';
import { targetsOf } from './targets';
import { createRule, createTargetGroup, deleteRule, deleteTargetGroup, deregisterTargets, modifyRule, registerTargets } from './writes';

export { elbState } from './state';

const PAGE = { def: 400, max: 400, error: 'ValidationError', sizeName: 'PageSize' };

function byArnsOrNames<T>(all: T[], wanted: string[] | undefined, matches: (o: T, w: string) => boolean, error: [string, string]): T[] {
  return !wanted ? all : wanted.map((w) => {
    const found = all.find((o) => matches(o, w));
    if (!found) {
      throw new AwsError(error[0], error[1]);
    }
    return found;
  });
}

/** The health of the targets asked for; one the group does not have is "unused", Target.NotRegistered (API_TargetHealth.html). */
function asked(all: elb.TargetHealthDescription[], targets: elb.TargetDescription[] | undefined): elb.TargetHealthDescription[] {
  if (!targets) {
    return all;
  }
  return targets.flatMap((want) => {
    const found = all.filter((d) => d.Target?.Id === want.Id && (want.Port === undefined || d.Target?.Port === want.Port));
    return found.length ? found : [{ Target: want, TargetHealth: { State: 'unused', Reason: 'Target.NotRegistered', Description: 'Target is not registered to the target group' } }];
  });
}

function targetGroup(region: Region, tgArn: string): TargetGroupRecord {
  const tg = elbState(region).targetGroup(tgArn);
  if (!tg) {
    throw new AwsError('TargetGroupNotFoundException', 'One or more target groups not found');
  }
  return tg;
}

/** Integer attributes with the range API_TargetGroupAttribute.html gives them (ELB's wording of the refusal is not documented). */
const RANGES: Record<string, [number, number]> = {
  'deregistration_delay.timeout_seconds': [0, 3600],
  'stickiness.lb_cookie.duration_seconds': [1, 604800],
  'stickiness.app_cookie.duration_seconds': [1, 604800],
};

function checkAttribute(a: elb.TargetGroupAttribute): [string, string] {
  const key = a.Key ?? '';
  const value = a.Value ?? '';
  if (!(key in ALB_TARGET_GROUP_ATTRIBUTES)) {
    // AWS's wording for an unknown key.
    throw new AwsError('ValidationError', `Target group attribute key '${key}' is not recognized`);
  }
  const range = RANGES[key];
  if (range && !(/^\d+$/.test(value) && Number(value) >= range[0] && Number(value) <= range[1])) {
    throw new AwsError('ValidationError', `Target group attribute '${key}' must be an integer from ${range[0]} to ${range[1]}, not '${value}'`);
  }
  return [key, value];
}

export const elbService = defineService<elb.Operations>({
  model: 'elbv2',
  iamPrefix: 'elasticloadbalancing',
  // ELBv2 models no token error: a front-end ValidationError (wording not documented).
  pageTokens: { error: 'ValidationError', message: 'Invalid Marker.' },
  handlers: {
    DescribeLoadBalancers: (input, { region }) => {
      const lbs = byArnsOrNames(elbState(region).loadBalancers, input.LoadBalancerArns ?? input.Names, (o, w) => o.LoadBalancerArn === w || o.LoadBalancerName === w,
        ['LoadBalancerNotFoundException', 'One or more load balancers not found']);
      const p = page(lbs, input.PageSize, input.Marker, PAGE);
      return { LoadBalancers: p.items, NextMarker: p.next };
    },

    DescribeTargetGroups: (input, { region }) => {
      const state = elbState(region);
      let tgs = byArnsOrNames(state.targetGroups, input.TargetGroupArns ?? input.Names, (o, w) => o.TargetGroupArn === w || o.TargetGroupName === w,
        ['TargetGroupNotFoundException', 'One or more target groups not found']);
      if (input.LoadBalancerArn) {
        if (!state.loadBalancers.some((lb) => lb.LoadBalancerArn === input.LoadBalancerArn)) {
          throw new AwsError('LoadBalancerNotFoundException', 'One or more load balancers not found');
        }
        tgs = tgs.filter((tg) => tg.LoadBalancerArns.includes(input.LoadBalancerArn!));
      }
      const p = page(tgs, input.PageSize, input.Marker, PAGE);
      return { TargetGroups: p.items, NextMarker: p.next };
    },

    DescribeListeners: (input, { region }) => {
      if (!input.LoadBalancerArn && !input.ListenerArns) {
        throw new AwsError('ValidationError', 'You must specify either listener ARNs or a load balancer ARN');
      }
      const listeners = elbState(region).listeners.filter((l) => (!input.LoadBalancerArn || l.LoadBalancerArn === input.LoadBalancerArn) && (!input.ListenerArns || input.ListenerArns.includes(l.ListenerArn)));
      if (input.ListenerArns && listeners.length < input.ListenerArns.length) {
        throw new AwsError('ListenerNotFoundException', 'One or more listeners not found');
      }
      const p = page(listeners, input.PageSize, input.Marker, PAGE);
      return { Listeners: p.items, NextMarker: p.next };
    },

    DescribeRules: (input, { region }) => {
      const state = elbState(region);
      if (!input.ListenerArn && !input.RuleArns) {
        // AWS's words for neither (not documented).
        throw new AwsError('ValidationError', 'You must specify either listener ARN or rule ARNs');
      }
      let rules: elb.Rule[];
      if (input.ListenerArn) {
        const listener = state.listeners.find((l) => l.ListenerArn === input.ListenerArn);
        if (!listener) {
          throw new AwsError('ListenerNotFoundException', 'One or more listeners not found');
        }
        rules = state.rulesOf(listener).filter((r) => !input.RuleArns || input.RuleArns.includes(r.RuleArn!));
      } else {
        const all = state.listeners.flatMap((l) => state.rulesOf(l));
        rules = input.RuleArns!.map((a) => {
          const found = all.find((r) => r.RuleArn === a);
          if (!found) {
            throw new AwsError('RuleNotFoundException', 'One or more rules not found');
          }
          return found;
        });
      }
      const p = page(rules, input.PageSize, input.Marker, PAGE);
      return { Rules: p.items, NextMarker: p.next };
    },

    DescribeTargetHealth: (input, { region }) => ({ TargetHealthDescriptions: asked(targetsOf(region, targetGroup(region, input.TargetGroupArn)), input.Targets) }),

    DescribeTargetGroupAttributes: (input, { region }) => ({ Attributes: elbState(region).attributesOf(targetGroup(region, input.TargetGroupArn)) }),

    // Every attribute is checked before any is set: a refused call changes nothing.
    ModifyTargetGroupAttributes: (input, { region }) => {
      const state = elbState(region);
      const tg = targetGroup(region, input.TargetGroupArn);
      const changes = input.Attributes.map(checkAttribute);
      const set = state.attributes.get(tg.TargetGroupArn) ?? new Map<string, string>();
      changes.forEach(([k, v]) => set.set(k, v));
      state.attributes.set(tg.TargetGroupArn, set);
      return { Attributes: state.attributesOf(tg) };
    },

    // Health check settings: ECS sees a changed interval or threshold at its next look at the target (ecs/sim/loadBalancers.ts).
    ModifyTargetGroup: (input, { region }) => {
      const { TargetGroupArn, ...changes } = input;
      const tg = targetGroup(region, TargetGroupArn);
      Object.assign(tg, changes);
      return { TargetGroups: [tg] };
    },

    CreateTargetGroup: (input, { region }) => ({ TargetGroups: [createTargetGroup(region, input)] }),
    CreateRule: (input, { region }) => ({ Rules: [createRule(region, input)] }),
    ModifyRule: (input, { region }) => ({ Rules: [modifyRule(region, input)] }),
    DeleteRule: (input, { region }) => {
      deleteRule(region, input.RuleArn);
      return {};
    },
    DeleteTargetGroup: (input, { region }) => {
      deleteTargetGroup(region, input.TargetGroupArn);
      return {};
    },
    RegisterTargets: (input, { region }) => {
      registerTargets(region, targetGroup(region, input.TargetGroupArn), input.Targets);
      return {};
    },
    DeregisterTargets: (input, { region }) => {
      deregisterTargets(region, targetGroup(region, input.TargetGroupArn), input.Targets);
      return {};
    },
  },
});

/**
 * Seeds: a target group on an existing load balancer, and a listener rule forwarding `pathPattern`
 * to it (an HTTP header `X-Test: true` condition too for a test listener rule, see
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html).
 */
export function seedTargetGroup(region: Region, like: TargetGroupRecord, name: string, ids: { tg?: string } = {}): TargetGroupRecord {
  const tg: TargetGroupRecord = { ...like, TargetGroupName: name, TargetGroupArn: arn('elasticloadbalancing', region.name, `targetgroup/${name}/${ids.tg ?? region.core.rnd.hex(16)}`), LoadBalancerArns: [...like.LoadBalancerArns] };
  elbState(region).targetGroups.push(tg);
  return tg;
}

export function seedListenerRule(region: Region, listener: ListenerRecord, priority: number, pathPattern: string, targetGroups: string[], testHeader = false): RuleRecord {
  const conditions: elb.RuleCondition[] = [{ Field: 'path-pattern', Values: [pathPattern], PathPatternConfig: { Values: [pathPattern] } }];
  if (testHeader) {
    conditions.push({ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Test', Values: ['true'] } });
  }
  const rule: RuleRecord = {
    RuleArn: `${listener.ListenerArn.replace(':listener/', ':listener-rule/')}/${region.core.rnd.hex(16)}`, ListenerArn: listener.ListenerArn, Priority: String(priority), IsDefault: false,
    Conditions: conditions, Actions: [{ Type: 'forward', Order: 1 }],
  };
  elbState(region).rules.push(rule);
  elbState(region).setWeights(rule.RuleArn, targetGroups.map((t, i) => [t, i === 0 ? 100 : 0]));
  return rule;
}

/** An internet-facing ALB with one HTTP listener forwarding to one IP target group (seeds). */
export function seedLoadBalancer(region: Region, name: string, tgName: string, port: number, at: Date, ids: { lb?: string; tg?: string; listener?: string; targetType?: elb.TargetTypeEnum } = {}): TargetGroupRecord {
  const state = elbState(region);
  const rnd = region.core.rnd;
  const id = ids.lb ?? rnd.hex(16);
  const lbArn = arn('elasticloadbalancing', region.name, `loadbalancer/app/${name}/${id}`);
  state.loadBalancers.push({
    LoadBalancerArn: lbArn, DNSName: `${name}-${parseInt(id.slice(0, 8), 16)}.${region.name}.elb.${dnsSuffix(region.name)}`, CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
    CreatedTime: at, LoadBalancerName: name, Scheme: 'internet-facing', VpcId: 'vpc-0a1b2c3d4e5f67890', State: { Code: 'active' }, Type: 'application',
    AvailabilityZones: [{ ZoneName: `${region.name}a`, SubnetId: 'subnet-0a1b2c3d4e5f60001' }, { ZoneName: `${region.name}b`, SubnetId: 'subnet-0a1b2c3d4e5f60002' }],
    SecurityGroups: ['sg-0123456789abcdef0'], IpAddressType: 'ipv4',
  });
  const tgArn = arn('elasticloadbalancing', region.name, `targetgroup/${tgName}/${ids.tg ?? rnd.hex(16)}`);
  const tg: TargetGroupRecord = {
    TargetGroupArn: tgArn, TargetGroupName: tgName, Protocol: 'HTTP', Port: port, VpcId: 'vpc-0a1b2c3d4e5f67890',
    HealthCheckProtocol: 'HTTP', HealthCheckPort: 'traffic-port', HealthCheckEnabled: true, HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: 5, HealthyThresholdCount: 5, UnhealthyThresholdCount: 2, HealthCheckPath: '/health',
    Matcher: { HttpCode: '200' }, LoadBalancerArns: [lbArn], TargetType: ids.targetType ?? 'ip', ProtocolVersion: 'HTTP1', IpAddressType: 'ipv4',
  };
  state.targetGroups.push(tg);
  state.listeners.push({
    ListenerArn: arn('elasticloadbalancing', region.name, `listener/app/${name}/${id}/${ids.listener ?? rnd.hex(16)}`),
    LoadBalancerArn: lbArn, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
  });
  return tg;
}
