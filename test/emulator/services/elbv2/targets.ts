/**
 * The targets ECS registers for the tasks of services with `loadBalancers`, and their health: what
 * DescribeTargetHealth reports and what the ECS scheduler waits for. ECS registers a task during
 * ACTIVATING and deregisters it during DEACTIVATING
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle-explanation.html); the
 * target is `initial` until it passed the health checks (or `unhealthy` once it failed them: images
 * named `*elbfail*` answer 503), `draining` for the group's
 * deregistration_delay.timeout_seconds after deregistration, then gone
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-target-group-attributes.html#deregistration-delay).
 */
import type * as ecs from '../../generated/ecs';
import type * as elb from '../../generated/elbv2';
import { lastPart } from '../../kit/arn';
import type { Region } from '../../kit/world';
import { ecsState, lastClusterName, type ServiceRecord, type TaskRecord } from '../ecs/state';
import { imageFailsElbHealthChecks } from '../ecs/sim/timing';
import { elbState, healthyAfterMs, unhealthyAfterMs, type TargetGroupRecord } from './state';

/**
 * A service's target groups (those that exist) with the container and port each one targets: for
 * the tasks of `deploymentId`, the groups that deployment registers in (a blue/green deployment's
 * green tasks go to the group production traffic is not on,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-how-it-works.html).
 */
export function serviceTargetGroups(region: Region, svc: ServiceRecord | undefined, deploymentId?: string): { tg: TargetGroupRecord; lb: ecs.LoadBalancer }[] {
  const state = elbState(region);
  const chosen = svc && deploymentId ? ecsState(region).serviceExtras.get(svc)?.deploymentTargetGroups.get(deploymentId) : undefined;
  return (svc?.loadBalancers ?? []).flatMap((lb, i) => {
    const arn = chosen?.[i] ?? lb.targetGroupArn;
    const tg = arn ? state.targetGroup(arn) : undefined;
    return tg ? [{ tg, lb }] : [];
  });
}

/** Emulated ms since `since`: the clock's time scale speeds up ELB's delays as it does ECS's. */
export function emulatedMsSince(region: Region, since: Date): number {
  return (region.now().getTime() - since.getTime()) * region.core.sched.timeScale;
}

/** An `ip` target: the task's ENI address and the container port. */
function ipTarget(t: TaskRecord, lb: ecs.LoadBalancer): { target: elb.TargetDescription; zone?: string } | undefined {
  const ip = t.attachments[0]?.details?.find((d) => d.name === 'privateIPv4Address')?.value;
  return ip ? { target: { Id: ip, Port: lb.containerPort, AvailabilityZone: t.availabilityZone } } : undefined;
}

/** An `instance` target: the EC2 instance of the task's container instance and the host port bound to the container port, with the instance's zone. */
function instanceTarget(region: Region, t: TaskRecord, lb: ecs.LoadBalancer): { target: elb.TargetDescription; zone?: string } | undefined {
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

/** What the health checks say of a registered target in use: `initial` until it passed (or failed) enough of them in a row. */
function checked(region: Region, tg: TargetGroupRecord, task: TaskRecord, registeredAt: Date): elb.TargetHealth {
  const since = emulatedMsSince(region, registeredAt);
  if (task.containers.some((c) => imageFailsElbHealthChecks(c.image))) {
    // The wording of a failing HTTP check (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html#target-health-reason-codes).
    return since >= unhealthyAfterMs(tg)
      ? { State: 'unhealthy', Reason: 'Target.ResponseCodeMismatch', Description: 'Health checks failed with these codes: [503]' }
      : INITIAL;
  }
  return since >= healthyAfterMs(tg) ? { State: 'healthy' } : INITIAL;
}

const INITIAL: elb.TargetHealth = { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' };

/** The target of `task` in `tg` and its health, or undefined while it is not registered there. */
export function taskTarget(region: Region, tg: TargetGroupRecord, lb: ecs.LoadBalancer, task: TaskRecord): elb.TargetHealthDescription | undefined {
  const x = ecsState(region).taskExtras.get(task);
  const found = x?.registeredAt && task.lastStatus !== 'STOPPED' ? (tg.TargetType === 'instance' ? instanceTarget(region, task, lb) : ipTarget(task, lb)) : undefined;
  if (!x?.registeredAt || !found) {
    return undefined;
  }
  let health: elb.TargetHealth;
  if (x.deregisteredAt) {
    if (emulatedMsSince(region, x.deregisteredAt) >= elbState(region).deregistrationDelayMs(tg)) {
      return undefined;
    }
    health = { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' };
  } else {
    health = notInUse(region, tg, found.zone) ?? checked(region, tg, task, x.registeredAt);
  }
  return { Target: found.target, HealthCheckPort: String(found.target.Port), TargetHealth: health };
}

/**
 * Targets registered by hand: nothing in the emulator answers their checks, so they are `initial`
 * until the unhealthy threshold, then `unhealthy`, Target.Timeout (target-group-health-checks.html,
 * "Health check reason codes"); deregistered, `draining` for the group's delay, then gone.
 */
function manualTargets(region: Region, tg: TargetGroupRecord): elb.TargetHealthDescription[] {
  const state = elbState(region);
  return (state.manualTargets.get(tg.TargetGroupArn) ?? []).flatMap((m) => {
    let health: elb.TargetHealth;
    if (m.deregisteredAt) {
      if (emulatedMsSince(region, m.deregisteredAt) >= state.deregistrationDelayMs(tg)) {
        return [];
      }
      health = { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' };
    } else {
      health = notInUse(region, tg, undefined)
        ?? (emulatedMsSince(region, m.registeredAt) >= unhealthyAfterMs(tg) ? { State: 'unhealthy', Reason: 'Target.Timeout', Description: 'Request timed out' } : INITIAL);
    }
    return [{ Target: m.target, HealthCheckPort: String(m.target.Port), TargetHealth: health }];
  });
}

/** The registered targets of a group: those of the tasks of the ECS services whose loadBalancers name it, then those registered by hand. */
export function targetsOf(region: Region, tg: TargetGroupRecord): elb.TargetHealthDescription[] {
  const state = ecsState(region);
  const out: elb.TargetHealthDescription[] = [];
  for (const services of state.services.values()) {
    for (const svc of services.values()) {
      if (svc.status === 'INACTIVE' || !svc.loadBalancers?.some((l) => l.targetGroupArn === tg.TargetGroupArn || l.advancedConfiguration?.alternateTargetGroupArn === tg.TargetGroupArn)) {
        continue;
      }
      for (const t of state.serviceExtras.of(svc).tasks) {
        const lb = serviceTargetGroups(region, svc, state.taskExtras.get(t)?.deploymentId).find((g) => g.tg === tg)?.lb;
        const d = lb && taskTarget(region, tg, lb, t);
        if (d) {
          out.push(d);
        }
      }
    }
  }
  return [...out, ...manualTargets(region, tg)];
}
