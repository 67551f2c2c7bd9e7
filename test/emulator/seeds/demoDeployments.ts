/**
 * The demo seed's services in `demo-fargate` that deploy by shifting traffic (issue 13), behind the
 * demo ALB's port-80 listener, each with a production and a test listener rule over its two target
 * groups (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html):
 * `checkout` (BLUE_GREEN, bake 2 min), `payments` (BLUE_GREEN, bake 1 min, a PAUSE hook at
 * POST_TEST_TRAFFIC_SHIFT), `search` (CANARY 10 %, canary bake 3 min, bake 1 min), `catalog` (LINEAR
 * 25 % steps, step bake 1 min, bake 1 min). Each runs revision 2 of its family after a finished
 * deployment from revision 1 (two days ago); revision 3 is a `-fail` image (its tasks exit 1: the
 * circuit breaker rolls back). Names and timings are listed in README.md.
 */
import type * as ecs from '../generated/ecs';
import { globalArn } from '../kit/arn';
import type { Region } from '../kit/world';
import { ecsSim } from '../services/ecs/sim/index';
import { ecsState, taskId, type ClusterRecord } from '../services/ecs/state';
import { seedListenerRule, seedTargetGroup } from '../services/elbv2/index';
import { elbState, type TargetGroupRecord } from '../services/elbv2/state';
import { logsState } from '../services/logs/state';
import { ago, ecrImage, event, fargateTaskDef, MIN, runningTasks, steadyService, SUBNETS } from './helpers';

const DAY = 24 * 60;

interface ShiftingService {
  name: string;
  priority: number;
  port: number;
  deploymentConfiguration: ecs.DeploymentConfiguration;
  /** How long its seeded deployment took, in minutes. */
  took: number;
}

export const SHIFTING_SERVICES: ShiftingService[] = [
  { name: 'checkout', priority: 10, port: 8080, took: 4, deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 2 } },
  {
    name: 'payments', priority: 20, port: 8080, took: 9, deploymentConfiguration: {
      strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1,
      lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'], timeoutConfiguration: { timeoutInMinutes: 60, action: 'ROLLBACK' } }],
    },
  },
  { name: 'search', priority: 30, port: 8080, took: 6, deploymentConfiguration: { strategy: 'CANARY', bakeTimeInMinutes: 1, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 3 } } },
  { name: 'catalog', priority: 40, port: 8080, took: 7, deploymentConfiguration: { strategy: 'LINEAR', bakeTimeInMinutes: 1, linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 1 } } },
];

/** Seeds the four services on the load balancer of `apiTargetGroup` (demo-alb). */
export function seedShiftingServices(region: Region, fargate: ClusterRecord, apiTargetGroup: TargetGroupRecord): void {
  const elb = elbState(region);
  const listener = elb.listeners.find((l) => l.LoadBalancerArn === apiTargetGroup.LoadBalancerArns[0])!;
  const ecsRole = globalArn('iam', region.name, 'role/ecsInfrastructureRoleForLoadBalancers');
  for (const s of SHIFTING_SERVICES) {
    logsState(region).createGroup(`/ecs/demo-${s.name}`, ago(region, 30 * DAY));
    const image = (tag: string) => ecrImage(region, `demo/${s.name}`, tag);
    const v1 = fargateTaskDef(region, `demo-${s.name}`, s.name, image('1.0.0'), { port: s.port });
    const v2 = fargateTaskDef(region, `demo-${s.name}`, s.name, image('1.1.0'), { port: s.port });
    fargateTaskDef(region, `demo-${s.name}`, s.name, image('1.2-fail'), { port: s.port });
    // Quicker health checks than the defaults (10 s x 2: healthy 20 s after registration) and a 30 s drain.
    const fast = { ...apiTargetGroup, Port: s.port, HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 };
    const blue = seedTargetGroup(region, fast, `demo-${s.name}-blue-tg`);
    const green = seedTargetGroup(region, fast, `demo-${s.name}-green-tg`);
    for (const tg of [blue, green]) {
      elb.attributes.set(tg.TargetGroupArn, new Map([['deregistration_delay.timeout_seconds', '30']]));
    }
    const production = seedListenerRule(region, listener, s.priority, `/${s.name}/*`, [blue.TargetGroupArn, green.TargetGroupArn]);
    const test = seedListenerRule(region, listener, s.priority + 1, `/${s.name}/*`, [blue.TargetGroupArn, green.TargetGroupArn], true);
    const svc = steadyService(region, fargate, s.name, v1, 2, 3 * DAY, {
      launchType: 'FARGATE', networkConfiguration: SUBNETS, healthCheckGracePeriodSeconds: 30,
      loadBalancers: [{
        targetGroupArn: blue.TargetGroupArn, containerName: s.name, containerPort: s.port,
        advancedConfiguration: { alternateTargetGroupArn: green.TargetGroupArn, productionListenerRule: production.RuleArn, testListenerRule: test.RuleArn, roleArn: ecsRole },
      }],
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true }, maximumPercent: 200, minimumHealthyPercent: 100, ...s.deploymentConfiguration },
    });
    state(region, svc.serviceName, fargate).record.lifecycleStage = 'CLEAN_UP';
    finishedShift(region, fargate, svc.serviceName, v2.taskDefinitionArn, 2 * DAY, s.took);
  }
}

function state(region: Region, name: string, cluster: ClusterRecord) {
  const svc = ecsState(region).servicesOf(cluster.clusterName).get(name)!;
  return ecsState(region).serviceExtras.of(svc).serviceDeployments[0];
}

/** A deployment to `taskDefinitionArn` that started `minutesAgo` and finished `took` minutes later: green took all traffic, blue's tasks are gone. */
function finishedShift(region: Region, cluster: ClusterRecord, name: string, taskDefinitionArn: string, minutesAgo: number, took: number): void {
  const sim = ecsSim(region);
  const state = ecsState(region);
  const svc = state.servicesOf(cluster.clusterName).get(name)!;
  const x = state.serviceExtras.of(svc);
  const blueTasks = [...x.tasks];
  const started = ago(region, minutesAgo);
  const finished = new Date(started.getTime() + took * MIN);
  svc.taskDefinition = taskDefinitionArn;
  const dep = sim.deployments.start(svc, taskDefinitionArn);
  const entry = x.serviceDeployments[0];
  const run = entry.run!;
  run.stageIndex = run.stages.length - 1;
  run.step = run.percents.length - 1;
  Object.assign(entry.record, { status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP', createdAt: started, startedAt: started, updatedAt: finished, finishedAt: finished });
  Object.assign(dep, { createdAt: started, updatedAt: finished, rolloutState: 'COMPLETED', rolloutStateReason: `ECS deployment ${dep.id} completed.` });
  svc.deployments = [dep];
  for (const t of blueTasks) {
    x.tasks.delete(t);
    state.tasksOf(cluster.clusterName).delete(taskId(t));
  }
  const td = state.findTaskDef(taskDefinitionArn)!;
  const tasks = runningTasks(region, cluster, svc, td, svc.desiredCount, new Date(started.getTime() + MIN));
  x.productionTargetGroups = run.greenTargetGroups;
  x.lastCompleted = { id: dep.id, taskDefinition: taskDefinitionArn, revisionArn: entry.record.targetServiceRevision.arn };
  Object.assign(entry.record.targetServiceRevision, { requestedTaskCount: svc.desiredCount, runningTaskCount: svc.desiredCount, pendingTaskCount: 0 });
  (svc.loadBalancers ?? []).forEach((lb, i) => {
    const rule = lb.advancedConfiguration?.productionListenerRule;
    if (rule) {
      elbState(region).setWeights(rule, [[run.blueTargetGroups[i], 0], [run.greenTargetGroups[i], 100]]);
    }
  });
  event(region, svc, new Date(started.getTime() + 20_000), `has started ${tasks.length} tasks: ${tasks.map((t) => `(task ${taskId(t)})`).join(' ')}.`);
  event(region, svc, finished, `(deployment ${dep.id}) deployment completed.`);
  event(region, svc, new Date(finished.getTime() + 1000), 'has reached a steady state.');
  sim.scheduler.refreshCounts(svc);
}
