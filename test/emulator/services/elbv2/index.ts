/**
 * Elastic Load Balancing v2, read-only: load balancers, target groups, listeners, and target health
 * computed from the running tasks of the ECS services attached to a target group.
 */
import type * as elb from '../../generated/elbv2';
import { arn, dnsSuffix, lastPart } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import { defineService } from '../../kit/service';
import { perRegion, Region } from '../../kit/world';
import { ecsSim } from '../ecs/sim/index';
import { ecsState, lastClusterName, type TaskRecord } from '../ecs/state';

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

type LbRef = { containerName?: string; containerPort?: number };

/** An `ip` target: the task's ENI address and the container port. */
function ipTarget(t: TaskRecord, lb: LbRef): elb.TargetDescription | undefined {
  const ip = t.attachments[0]?.details?.find((d) => d.name === 'privateIPv4Address')?.value;
  return ip ? { Id: ip, Port: lb.containerPort, AvailabilityZone: t.availabilityZone } : undefined;
}

/** An `instance` target: the EC2 instance of the task's container instance and the host port bound to the container port, with the instance's zone. */
function instanceTarget(region: Region, t: TaskRecord, lb: LbRef): { target: elb.TargetDescription; zone?: string } | undefined {
  const inst = t.containerInstanceArn ? ecsState(region).instancesOf(lastClusterName(t.containerInstanceArn)).get(lastPart(t.containerInstanceArn)) : undefined;
  const port = t.containers.find((c) => c.name === lb.containerName)?.networkBindings?.find((b) => b.containerPort === lb.containerPort)?.hostPort;
  const zone = inst?.attributes?.find((a) => a.name === 'ecs.availability-zone')?.value;
  return inst?.ec2InstanceId && port ? { target: { Id: inst.ec2InstanceId, Port: port }, zone } : undefined;
}

/**
 * Target.NotInUse: "The target group is not used by any load balancer or the target is in an
 * Availability Zone that is not enabled for its load balancer"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html). The
 * zone is checked for instance targets only: an emulated task's own zone is drawn, not its subnet's.
 */
function notInUse(region: Region, tg: TargetGroupRecord, zone: string | undefined): elb.TargetHealth | undefined {
  if (!tg.LoadBalancerArns.length) {
    // The wording of AWS's DescribeTargetHealth example.
    return { State: 'unused', Reason: 'Target.NotInUse', Description: 'Given target group is not configured to receive traffic from ELB' };
  }
  const zones = elbState(region).loadBalancers.filter((lb) => tg.LoadBalancerArns.includes(lb.LoadBalancerArn)).flatMap((lb) => (lb.AvailabilityZones ?? []).map((z) => z.ZoneName));
  return zone && !zones.includes(zone)
    ? { State: 'unused', Reason: 'Target.NotInUse', Description: 'Target is in an Availability Zone that is not enabled for the load balancer' }
    : undefined;
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

/** Targets of a group: the tasks of ECS services whose loadBalancers name it (their IPs, or their instances and host ports). */
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
        const found = tg.TargetType === 'instance' ? instanceTarget(region, t, lb) : { target: ipTarget(t, lb), zone: undefined };
        const target = found?.target;
        if (!target || t.lastStatus === 'STOPPED') {
          continue;
        }
        const health: elb.TargetHealth = t.desiredStatus === 'STOPPED'
          ? { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' }
          : notInUse(region, tg, found.zone)
            ?? (sim.scheduler.healthy(t) ? { State: 'healthy' } : { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' });
        out.push({ Target: target, HealthCheckPort: String(target.Port), TargetHealth: health });
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
      return { TargetHealthDescriptions: asked(targetsOf(region, tg), input.Targets) };
    },
  },
});

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
