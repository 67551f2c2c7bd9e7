/**
 * The AWS resources ECS creates for an Express Mode service, in their ECS shapes
 * (ECSManagedResources, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ECSManagedResources.html):
 * an Application Load Balancer with its security group, an HTTPS listener and a rule routing the
 * service's host name to its target group, the service's security group, an Application Auto
 * Scaling scalable target and target-tracking policy, CloudWatch alarms and a log group
 * ("Resources created by Amazon ECS Express Mode services",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-resources.html).
 * Each starts PROVISIONING and turns ACTIVE after `EXPRESS_TIMING.provisioning` of the emulator's
 * clock; DeleteExpressGatewayService moves them DEPROVISIONING, then DELETED.
 */
import type * as ecs from '../../generated/ecs';
import { ACCOUNT, arn } from '../../kit/arn';
import type { Region } from '../../kit/world';

export const EXPRESS_TIMING = { provisioning: 20_000, deprovisioning: 10_000 };

/** AWS's `ecs:service:DesiredCount` target-tracking metrics for the Express scaling metrics (API_ExpressGatewayScalingTarget.html). */
const METRIC: Record<ecs.ExpressGatewayServiceScalingMetric, string> = {
  AVERAGE_CPU: 'ECSServiceAverageCPUUtilization',
  AVERAGE_MEMORY: 'ECSServiceAverageMemoryUtilization',
  REQUEST_COUNT_PER_TARGET: 'ALBRequestCountPerTarget',
};

export interface ExpressPlan {
  cluster: string;
  serviceName: string;
  endpoint: string;
  containerPort: number;
  healthCheckPath: string;
  scaling: Required<ecs.ExpressGatewayScalingTarget>;
  subnets: string[];
  securityGroups: string[];
  logGroupName: string;
}

type Status = { status: ecs.ManagedResourceStatus; updatedAt: Date; arn?: string };

export function managedResources(region: Region, plan: ExpressPlan): ecs.ECSManagedResources {
  const rnd = region.core.rnd;
  const now = region.now();
  const at = <T extends object>(o: T): T & Status => ({ status: 'PROVISIONING', updatedAt: now, ...o });
  const elb = (resource: string): string => arn('elasticloadbalancing', region.name, resource);
  const sg = (): string => arn('ec2', region.name, `security-group/sg-${rnd.hex(17)}`);
  // One shared ALB per VPC carries up to 25 Express services (express-service-resources.html);
  // the emulator gives each service its own, named after the cluster.
  const lbName = `ecs-express-gateway-alb-${rnd.hex(8)}`;
  const lbId = rnd.hex(16);
  const listenerId = rnd.hex(16);
  const tgName = `ecs-gateway-tg-${rnd.hex(12)}`;
  const resourceId = `service/${plan.cluster}/${plan.serviceName}`;
  const policyName = `${plan.serviceName}-target-tracking`;
  const lbSg = sg();
  return {
    ingressPaths: [{
      accessType: 'PUBLIC',
      endpoint: plan.endpoint,
      loadBalancer: at({ arn: elb(`loadbalancer/app/${lbName}/${lbId}`), scheme: 'internet-facing', subnetIds: plan.subnets, securityGroupIds: [lbSg.slice(lbSg.lastIndexOf('/') + 1)] }),
      loadBalancerSecurityGroups: [at({ arn: lbSg })],
      certificate: at({ arn: arn('acm', region.name, `certificate/${rnd.uuid()}`), domainName: `*.ecs.${region.name}.on.aws` }),
      listener: at({ arn: elb(`listener/app/${lbName}/${lbId}/${listenerId}`) }),
      rule: at({ arn: elb(`listener-rule/app/${lbName}/${lbId}/${listenerId}/${rnd.hex(16)}`) }),
      targetGroups: [at({ arn: elb(`targetgroup/${tgName}/${rnd.hex(16)}`), healthCheckPath: plan.healthCheckPath, healthCheckPort: plan.containerPort, port: plan.containerPort })],
    }],
    autoScaling: {
      scalableTarget: at({ arn: arn('application-autoscaling', region.name, `scalable-target/0e${rnd.hex(30)}`), minCapacity: plan.scaling.minTaskCount, maxCapacity: plan.scaling.maxTaskCount }),
      applicationAutoScalingPolicies: [at({
        arn: arn('autoscaling', region.name, `scalingPolicy:${rnd.uuid()}:resource/ecs/${resourceId}:policyName/${policyName}`),
        policyType: 'TargetTrackingScaling', targetValue: plan.scaling.autoScalingTargetValue, metric: METRIC[plan.scaling.autoScalingMetric],
      })],
    },
    metricAlarms: ['AlarmHigh', 'AlarmLow'].map((suffix) => at({ arn: arn('cloudwatch', region.name, `alarm:TargetTracking-${resourceId}-${suffix}-${rnd.uuid()}`) })),
    serviceSecurityGroups: plan.securityGroups.length ? [] : [at({ arn: sg() })],
    logGroups: [at({ arn: arn('logs', region.name, `log-group:${plan.logGroupName}`, ACCOUNT), logGroupName: plan.logGroupName })],
  };
}

/** Every managed resource of `r`, to move them together. */
export function eachResource(r: ecs.ECSManagedResources): Status[] {
  const out: Status[] = [];
  for (const p of r.ingressPaths ?? []) {
    out.push(...[p.loadBalancer, p.certificate, p.listener, p.rule].filter((x): x is NonNullable<typeof x> => !!x), ...(p.loadBalancerSecurityGroups ?? []), ...(p.targetGroups ?? []));
  }
  if (r.autoScaling?.scalableTarget) {
    out.push(r.autoScaling.scalableTarget);
  }
  out.push(...(r.autoScaling?.applicationAutoScalingPolicies ?? []), ...(r.metricAlarms ?? []), ...(r.serviceSecurityGroups ?? []), ...(r.logGroups ?? []));
  return out;
}

/** Moves every resource from `from` to `to` after `ms` of the emulator's clock, then runs `then`. */
export function transition(region: Region, r: ecs.ECSManagedResources, from: ecs.ManagedResourceStatus, to: ecs.ManagedResourceStatus, ms: number, then?: () => void): void {
  region.core.sched.after(ms, () => {
    const now = region.now();
    for (const x of eachResource(r)) {
      if (x.status === from) {
        x.status = to;
        x.updatedAt = now;
      }
    }
    then?.();
  });
}
