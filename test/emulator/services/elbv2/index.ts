/**
 * Elastic Load Balancing v2, read-only: load balancers, target groups, listeners, and target health
 * computed from the running tasks of the ECS services attached to a target group.
 */
import type * as elb from '../../generated/elbv2';
import { arn } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import { defineService } from '../../kit/service';
import { perRegion, Region } from '../../kit/world';
import { ecsSim } from '../ecs/sim/index';
import { ecsState } from '../ecs/state';

type LoadBalancerRecord = elb.LoadBalancer & { LoadBalancerArn: string; LoadBalancerName: string };
type TargetGroupRecord = elb.TargetGroup & { TargetGroupArn: string; TargetGroupName: string; LoadBalancerArns: string[] };
type ListenerRecord = elb.Listener & { ListenerArn: string; LoadBalancerArn: string };

export class ElbState {
  readonly loadBalancers: LoadBalancerRecord[] = [];
  readonly targetGroups: TargetGroupRecord[] = [];
  readonly listeners: ListenerRecord[] = [];
}

export const elbState = perRegion('elbv2', () => new ElbState());

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

/** Targets of a group: the IPs of the tasks of ECS services whose loadBalancers name it. */
function targetsOf(region: Region, tg: TargetGroupRecord): elb.TargetHealthDescription[] {
  const out: elb.TargetHealthDescription[] = [];
  const sim = ecsSim(region);
  for (const services of ecsState(region).services.values()) {
    for (const svc of services.values()) {
      const lb = svc.loadBalancers?.find((l) => l.targetGroupArn === tg.TargetGroupArn);
      if (!lb || svc.status === 'INACTIVE') {
        continue;
      }
      for (const t of sim.scheduler.serviceTasks(svc)) {
        const ip = t.attachments[0]?.details?.find((d) => d.name === 'privateIPv4Address')?.value;
        if (!ip || t.lastStatus === 'STOPPED') {
          continue;
        }
        const health: elb.TargetHealth = t.desiredStatus === 'STOPPED'
          ? { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' }
          : sim.scheduler.healthy(t) ? { State: 'healthy' } : { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' };
        out.push({ Target: { Id: ip, Port: lb.containerPort, AvailabilityZone: t.availabilityZone }, HealthCheckPort: String(lb.containerPort), TargetHealth: health });
      }
    }
  }
  return out;
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

    DescribeTargetHealth: (input, { region }) => {
      const tg = elbState(region).targetGroups.find((t) => t.TargetGroupArn === input.TargetGroupArn);
      if (!tg) {
        throw new AwsError('TargetGroupNotFoundException', 'One or more target groups not found');
      }
      return { TargetHealthDescriptions: targetsOf(region, tg) };
    },
  },
});

/** An internet-facing ALB with one HTTP listener forwarding to one IP target group (seeds). */
export function seedLoadBalancer(region: Region, name: string, tgName: string, port: number, at: Date): TargetGroupRecord {
  const state = elbState(region);
  const rnd = region.core.rnd;
  const id = rnd.hex(16);
  const lbArn = arn('elasticloadbalancing', region.name, `loadbalancer/app/${name}/${id}`);
  state.loadBalancers.push({
    LoadBalancerArn: lbArn, DNSName: `${name}-${parseInt(id.slice(0, 8), 16)}.${region.name}.elb.amazonaws.com`, CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
    CreatedTime: at, LoadBalancerName: name, Scheme: 'internet-facing', VpcId: 'vpc-0a1b2c3d4e5f67890', State: { Code: 'active' }, Type: 'application',
    AvailabilityZones: [{ ZoneName: `${region.name}a`, SubnetId: 'subnet-0a1b2c3d4e5f60001' }, { ZoneName: `${region.name}b`, SubnetId: 'subnet-0a1b2c3d4e5f60002' }],
    SecurityGroups: ['sg-0123456789abcdef0'], IpAddressType: 'ipv4',
  });
  const tgArn = arn('elasticloadbalancing', region.name, `targetgroup/${tgName}/${rnd.hex(16)}`);
  const tg: TargetGroupRecord = {
    TargetGroupArn: tgArn, TargetGroupName: tgName, Protocol: 'HTTP', Port: port, VpcId: 'vpc-0a1b2c3d4e5f67890',
    HealthCheckProtocol: 'HTTP', HealthCheckPort: 'traffic-port', HealthCheckEnabled: true, HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: 5, HealthyThresholdCount: 5, UnhealthyThresholdCount: 2, HealthCheckPath: '/health',
    Matcher: { HttpCode: '200' }, LoadBalancerArns: [lbArn], TargetType: 'ip', ProtocolVersion: 'HTTP1', IpAddressType: 'ipv4',
  };
  state.targetGroups.push(tg);
  state.listeners.push({
    ListenerArn: arn('elasticloadbalancing', region.name, `listener/app/${name}/${id}/${rnd.hex(16)}`),
    LoadBalancerArn: lbArn, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
  });
  return tg;
}
