/**
 * Elastic Load Balancing v2, read-only: load balancers, target groups, listeners, and target health
 * computed from the running tasks of the ECS services attached to a target group.
 */
import { AwsError } from '../errors';
import { arn, page, Input } from '../util';
import type { Handlers, RegionState } from '../world';
import type { Obj } from './ecs-state';

export class ElbState {
  readonly loadBalancers: Obj[] = [];
  readonly targetGroups: Obj[] = [];
  readonly listeners: Obj[] = [];
}

const PAGE = { def: 400, max: 400, error: 'ValidationError', sizeName: 'PageSize' };

function paged(items: Obj[], input: Input, key: string): Obj {
  const p = page(items, input.PageSize, input.Marker, PAGE);
  return { [key]: p.items, NextMarker: p.next };
}

function byArnsOrNames(all: Obj[], arns: string[] | undefined, names: string[] | undefined, arnKey: string, nameKey: string, error: [string, string]): Obj[] {
  if (!arns && !names) {
    return all;
  }
  const wanted = arns ?? names!;
  return wanted.map((w) => {
    const found = all.find((o) => o[arnKey] === w || o[nameKey] === w);
    if (!found) {
      throw new AwsError(error[0], error[1]);
    }
    return found;
  });
}

export const elbHandlers: Handlers = {
  DescribeLoadBalancers: (input, { region }) => {
    const lbs = byArnsOrNames(region.elb.loadBalancers, input.LoadBalancerArns, input.Names, 'LoadBalancerArn', 'LoadBalancerName',
      ['LoadBalancerNotFoundException', 'One or more load balancers not found']);
    return paged(lbs, input, 'LoadBalancers');
  },

  DescribeTargetGroups: (input, { region }) => {
    let tgs = byArnsOrNames(region.elb.targetGroups, input.TargetGroupArns, input.Names, 'TargetGroupArn', 'TargetGroupName',
      ['TargetGroupNotFoundException', 'One or more target groups not found']);
    if (input.LoadBalancerArn) {
      if (!region.elb.loadBalancers.some((lb) => lb.LoadBalancerArn === input.LoadBalancerArn)) {
        throw new AwsError('LoadBalancerNotFoundException', 'One or more load balancers not found');
      }
      tgs = tgs.filter((tg) => tg.LoadBalancerArns.includes(input.LoadBalancerArn));
    }
    return paged(tgs, input, 'TargetGroups');
  },

  DescribeListeners: (input, { region }) => {
    if (!input.LoadBalancerArn && !input.ListenerArns) {
      throw new AwsError('ValidationError', 'You must specify either listener ARNs or a load balancer ARN');
    }
    const listeners = region.elb.listeners.filter((l) => (!input.LoadBalancerArn || l.LoadBalancerArn === input.LoadBalancerArn) && (!input.ListenerArns || input.ListenerArns.includes(l.ListenerArn)));
    if (input.ListenerArns && listeners.length < input.ListenerArns.length) {
      throw new AwsError('ListenerNotFoundException', 'One or more listeners not found');
    }
    return paged(listeners, input, 'Listeners');
  },

  DescribeTargetHealth: (input, { region }) => {
    const tg = region.elb.targetGroups.find((t) => t.TargetGroupArn === input.TargetGroupArn);
    if (!tg) {
      throw new AwsError('TargetGroupNotFoundException', 'One or more target groups not found');
    }
    return { TargetHealthDescriptions: targetsOf(region, tg) };
  },
};

/** Targets of a group: the IPs of the tasks of ECS services whose loadBalancers name it. */
function targetsOf(region: RegionState, tg: Obj): Obj[] {
  const out: Obj[] = [];
  for (const services of region.ecs.services.values()) {
    for (const svc of services.values()) {
      const lb = (svc.loadBalancers as Obj[] | undefined)?.find((l) => l.targetGroupArn === tg.TargetGroupArn);
      if (!lb || svc.status === 'INACTIVE') {
        continue;
      }
      for (const t of region.sim.serviceTasks(svc)) {
        const ip = (t.attachments as Obj[])[0]?.details?.find((d: Obj) => d.name === 'privateIPv4Address')?.value;
        if (!ip || t.lastStatus === 'STOPPED') {
          continue;
        }
        const healthy = region.sim.healthy(t);
        const draining = t.desiredStatus === 'STOPPED';
        out.push({
          Target: { Id: ip, Port: lb.containerPort, AvailabilityZone: t.availabilityZone },
          HealthCheckPort: String(lb.containerPort),
          TargetHealth: draining
            ? { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' }
            : healthy ? { State: 'healthy' } : { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' },
        });
      }
    }
  }
  return out;
}

/** An internet-facing ALB with one HTTP listener forwarding to one IP target group (seeds). */
export function seedLoadBalancer(region: RegionState, name: string, tgName: string, port: number, at: Date): Obj {
  const id = region.core.rnd.hex(16);
  const lbArn = arn('elasticloadbalancing', region.name, `loadbalancer/app/${name}/${id}`);
  region.elb.loadBalancers.push({
    LoadBalancerArn: lbArn,
    DNSName: `${name}-${parseInt(id.slice(0, 8), 16)}.${region.name}.elb.amazonaws.com`,
    CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
    CreatedTime: at,
    LoadBalancerName: name,
    Scheme: 'internet-facing',
    VpcId: 'vpc-0a1b2c3d4e5f67890',
    State: { Code: 'active' },
    Type: 'application',
    AvailabilityZones: [{ ZoneName: `${region.name}a`, SubnetId: 'subnet-0a1b2c3d4e5f60001' }, { ZoneName: `${region.name}b`, SubnetId: 'subnet-0a1b2c3d4e5f60002' }],
    SecurityGroups: ['sg-0123456789abcdef0'],
    IpAddressType: 'ipv4',
  });
  const tgArn = arn('elasticloadbalancing', region.name, `targetgroup/${tgName}/${region.core.rnd.hex(16)}`);
  const tg = {
    TargetGroupArn: tgArn, TargetGroupName: tgName, Protocol: 'HTTP', Port: port, VpcId: 'vpc-0a1b2c3d4e5f67890',
    HealthCheckProtocol: 'HTTP', HealthCheckPort: 'traffic-port', HealthCheckEnabled: true, HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: 5, HealthyThresholdCount: 5, UnhealthyThresholdCount: 2, HealthCheckPath: '/health',
    Matcher: { HttpCode: '200' }, LoadBalancerArns: [lbArn], TargetType: 'ip', ProtocolVersion: 'HTTP1', IpAddressType: 'ipv4',
  };
  region.elb.targetGroups.push(tg);
  region.elb.listeners.push({
    ListenerArn: arn('elasticloadbalancing', region.name, `listener/app/${name}/${id}/${region.core.rnd.hex(16)}`),
    LoadBalancerArn: lbArn, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
  });
  return tg;
}
