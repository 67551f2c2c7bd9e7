/**
 * `AWS/ApplicationELB` request metrics for the target groups of ECS services on an Application Load
 * Balancer (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html):
 * - `RequestCount` (Count, Sum): requests the load balancer served, dimensions `LoadBalancer` and
 *   `LoadBalancer` + `TargetGroup`;
 * - `RequestCountPerTarget` (Count; "the only valid statistic is Sum", and it is the average per
 *   target), dimensions `TargetGroup` and `TargetGroup` + `LoadBalancer`: what a target-tracking
 *   ALBRequestCountPerTarget policy follows.
 * Dimension values are the ARNs' last parts, `app/<name>/<id>` and `targetgroup/<name>/<id>`. The
 * targets of a minute are the service's running tasks; the requests offered are the service's own
 * (load.ts), shared between them, so more tasks means fewer requests per target.
 */
import type * as cw from '../../../generated/cloudwatch';
import type { Region } from '../../../kit/world';
import { elbState } from '../../elbv2/state';
import { serviceHistory, spanOf, type TaskSpan } from '../../ecs/sim/history';
import { ecsState, type ServiceRecord } from '../../ecs/state';
import { MINUTE, type Sample, type Series } from './catalogue';
import { requestsPerMinute } from './load';

const NAMESPACE = 'AWS/ApplicationELB';

/** `app/my-alb/50dc6c495c0c9188` of a load balancer ARN, `targetgroup/my-tg/73e2d6bc24d8a067` of a target group's. */
export const elbDimensionValue = (arn: string): string => arn.slice(arn.lastIndexOf(':') + 1).replace(/^loadbalancer\//, '');

interface Served {
  svc: ServiceRecord;
  spans: TaskSpan[];
}

function servedOf(region: Region, svc: ServiceRecord): Served {
  const live = [...ecsState(region).serviceExtras.of(svc).tasks].map(spanOf).filter((s): s is TaskSpan => !!s);
  return { svc, spans: [...serviceHistory(region).forgottenSpans(svc), ...live] };
}

const runningAt = (spans: TaskSpan[], t: number): number => spans.filter((s) => s.start <= t && (s.end === undefined || t < s.end)).length;

function series(now: number, name: string, dims: cw.Dimension[], served: Served[], value: (offered: number, targets: number) => number): Series {
  const samples = (from: number, to: number): Sample[] => {
    const out: Sample[] = [];
    for (let t = Math.ceil(from / MINUTE) * MINUTE; t < Math.min(to, now + 1); t += MINUTE) {
      let offered = 0;
      let targets = 0;
      for (const s of served) {
        const running = runningAt(s.spans, t);
        if (running) offered += requestsPerMinute(s.svc.serviceArn, s.spans, t);
        targets += running;
      }
      if (targets) out.push({ t, values: [value(offered, targets)] });
    }
    return out;
  };
  return { namespace: NAMESPACE, name, dims, unit: 'Count', activeIn: (from, to) => samples(from, to).length > 0, samples };
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/** The region's ALB request series: per target group of a service, and per load balancer. */
export function albSeries(region: Region, now: number): Series[] {
  const elb = elbState(region);
  const byGroup = new Map<string, Served[]>();
  for (const cluster of ecsState(region).clusters.values()) {
    for (const svc of ecsState(region).servicesOf(cluster.clusterName).values()) {
      for (const lb of svc.loadBalancers ?? []) {
        if (!lb.targetGroupArn || !elb.targetGroup(lb.targetGroupArn)) continue;
        byGroup.set(lb.targetGroupArn, [...(byGroup.get(lb.targetGroupArn) ?? []), servedOf(region, svc)]);
      }
    }
  }
  const out: Series[] = [];
  const byBalancer = new Map<string, Served[]>();
  for (const [tgArn, served] of byGroup) {
    const tg = elb.targetGroup(tgArn)!;
    const group = { Name: 'TargetGroup', Value: elbDimensionValue(tgArn) };
    const albs = tg.LoadBalancerArns.filter((arn) => elb.loadBalancers.find((l) => l.LoadBalancerArn === arn)?.Type === 'application');
    for (const lbArn of albs) {
      const balancer = { Name: 'LoadBalancer', Value: elbDimensionValue(lbArn) };
      byBalancer.set(lbArn, [...(byBalancer.get(lbArn) ?? []), ...served]);
      out.push(series(now, 'RequestCount', [balancer, group], served, (offered) => offered));
      out.push(series(now, 'RequestCountPerTarget', [group, balancer], served, (offered, targets) => round2(offered / targets)));
    }
    if (albs.length) out.push(series(now, 'RequestCountPerTarget', [group], served, (offered, targets) => round2(offered / targets)));
  }
  for (const [lbArn, served] of byBalancer) out.push(series(now, 'RequestCount', [{ Name: 'LoadBalancer', Value: elbDimensionValue(lbArn) }], served, (offered) => offered));
  return out;
}
