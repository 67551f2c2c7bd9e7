/** The `demo` seed: a small, lively account (resource names are listed in README.md; tests rely on them). */
import { ACCOUNT, dnsSuffix } from '../kit/arn';
import { seedContext } from '../kit/service';
import type { Region } from '../kit/world';
import { scalingService, seedScaling } from '../services/autoscaling/index';
import { seedAutoScalingGroup } from '../services/ec2autoscaling/index';
import { createCluster } from '../services/ecs/clusters';
import { registerContainerInstance } from '../services/ecs/container-instances';
import { ecsSim } from '../services/ecs/sim/index';
import { RUN_TASK_DEFAULT_STRATEGY } from '../services/ecs/sim/placement';
import { crashLines, startupLines } from '../services/ecs/sim/taskLogs';
import { ecsState, taskId } from '../services/ecs/state';
import { seedLoadBalancer } from '../services/elbv2/index';
import { seedKms } from '../services/kms/index';
import { logsState } from '../services/logs/state';
import { secretsState } from '../services/secretsmanager/index';
import { parametersState } from '../services/ssm/index';
import { seedShiftingServices } from './demoDeployments';
import { seedCodeDeploy } from './demoCodeDeploy';
import { STOPPED_FAMILIES, seedStoppedTasks } from './demoStopped';
import { seedEcr } from './ecr';
import { ago, ec2TaskDef, ecrImage, event, fargateTaskDef, runningTasks, steadyService, stoppedTask, SUBNETS } from './helpers';

const DAY = 24 * 60;

function taskDefinitions(region: Region) {
  const api1 = fargateTaskDef(region, 'demo-api', 'api', ecrImage(region, 'demo/api', '1.0.0'), { port: 8080, taskRole: 'demo-api-task-role' });
  fargateTaskDef(region, 'demo-api', 'api', ecrImage(region, 'demo/api', '1.1.0'), { port: 8080, taskRole: 'demo-api-task-role' });
  const api3 = fargateTaskDef(region, 'demo-api', 'api', ecrImage(region, 'demo/api', '1.2.0'), {
    port: 8080, cpu: '512', memory: '1024', taskRole: 'demo-api-task-role', env: [{ name: 'LOG_LEVEL', value: 'info' }],
  });
  Object.assign(api1, { status: 'INACTIVE', deregisteredAt: ago(region, DAY) });
  return {
    api3,
    web1: fargateTaskDef(region, 'demo-web', 'web', ecrImage(region, 'demo/web', '2.0.0'), { port: 80 }),
    web2: fargateTaskDef(region, 'demo-web', 'web', ecrImage(region, 'demo/web', '2.1.0'), { port: 80 }),
    worker1: fargateTaskDef(region, 'demo-worker', 'worker', ecrImage(region, 'demo/worker', '0.9.0'), { taskRole: 'demo-worker-task-role' }),
    worker2: fargateTaskDef(region, 'demo-worker', 'worker', ecrImage(region, 'demo/worker', '1.0.0-fail'), { taskRole: 'demo-worker-task-role' }),
    cache: ec2TaskDef(region, 'demo-cache', 'redis', 'public.ecr.aws/docker/library/redis:7.2', 512),
    batch: ec2TaskDef(region, 'demo-batch', 'batch', ecrImage(region, 'demo/batch', 'latest'), 256),
  };
}

function seedSecrets(region: Region, at: Date): void {
  const s = secretsState(region);
  s.create({ Name: 'demo/api/db-password', Description: 'Database password of the demo API', SecretString: JSON.stringify({ username: 'api', password: 'not-a-real-password' }) }, at);
  s.create({ Name: 'demo/worker/api-key', SecretString: 'demo-worker-key-123' }, at);
  const p = parametersState(region);
  p.put({ Name: '/demo/api/LOG_LEVEL', Type: 'String', Value: 'info', Description: 'Log level of the demo API' }, at);
  p.put({ Name: '/demo/api/DATABASE_URL', Type: 'SecureString', Value: 'postgres://api@db.internal:5432/demo' }, at);
  p.put({ Name: '/demo/worker/QUEUE_URL', Type: 'String', Value: `https://sqs.${region.name}.${dnsSuffix(region.name)}/${ACCOUNT}/demo-jobs` }, at);
}

export function seedDemo(region: Region): void {
  const sim = ecsSim(region);
  for (const g of ['/ecs/demo-api', '/ecs/demo-web', '/ecs/demo-worker', '/ecs/demo-cache', '/ecs/demo-batch', '/ecs/legacy-bg', ...STOPPED_FAMILIES.map((f) => `/ecs/${f}`)]) {
    logsState(region).createGroup(g, ago(region, 30 * DAY));
  }
  logsState(region).groups.get('/ecs/demo-api')!.group.retentionInDays = 30;
  const td = taskDefinitions(region);

  const fargate = createCluster(region, {
    clusterName: 'demo-fargate',
    capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
    defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }],
    settings: [{ name: 'containerInsights', value: 'enabled' }],
    tags: [{ key: 'env', value: 'demo' }],
  });
  const ec2 = createCluster(region, { clusterName: 'demo-ec2', tags: [{ key: 'env', value: 'demo' }] });
  // One instance in each of three zones, as an Auto Scaling group across three subnets places them.
  for (let i = 0; i < 3; i++) {
    registerContainerInstance(region, ec2, { at: ago(region, 7 * DAY), availabilityZone: `${region.name}${'abc'[i]}`, subnetId: `subnet-0a1b2c3d4e5f6000${i + 1}` });
  }

  const fargateSvc = { launchType: 'FARGATE' as const, networkConfiguration: SUBNETS };
  // api: steady, circuit breaker with rollback, behind an ALB, auto scaled, ECS Exec on (web's tasks have it off).
  const tg = seedLoadBalancer(region, 'demo-alb', 'demo-api-tg', 8080, ago(region, 90 * DAY));
  steadyService(region, fargate, 'api', td.api3, 3, 120, {
    ...fargateSvc,
    loadBalancers: [{ targetGroupArn: tg.TargetGroupArn, containerName: 'api', containerPort: 8080 }],
    healthCheckGracePeriodSeconds: 30,
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true }, maximumPercent: 200, minimumHealthyPercent: 100 },
    tags: [{ key: 'team', value: 'platform' }],
    enableExecuteCommand: true,
  });
  seedScaling(region, 'service/demo-fargate/api', 2, 10);
  scalingService.handlers.PutScheduledAction({
    ServiceNamespace: 'ecs', ResourceId: 'service/demo-fargate/api', ScalableDimension: 'ecs:service:DesiredCount',
    ScheduledActionName: 'weekday-morning', Schedule: 'cron(0 7 ? * MON-FRI *)', Timezone: 'Europe/Paris', ScalableTargetAction: { MinCapacity: 4, MaxCapacity: 10 },
  }, seedContext(region));
  // web: mid-deployment from demo-web:1 to demo-web:2 (one new task already running).
  const web = steadyService(region, fargate, 'web', td.web1, 2, 240, fargateSvc);
  web.taskDefinition = td.web2.taskDefinitionArn;
  const webDeployment = sim.deployments.start(web, td.web2.taskDefinitionArn);
  Object.assign(webDeployment, { createdAt: ago(region, 2), updatedAt: ago(region, 2) });
  const [first] = runningTasks(region, fargate, web, td.web2, 1, ago(region, 1));
  event(region, web, ago(region, 2), `has started 1 tasks: (task ${taskId(first)}).`);
  // worker: deploying an image that fails (no circuit breaker): tasks keep exiting 1.
  const worker = steadyService(region, fargate, 'worker', td.worker1, 2, 600, fargateSvc);
  worker.taskDefinition = td.worker2.taskDefinitionArn;
  const failing = sim.deployments.start(worker, td.worker2.taskDefinitionArn);
  Object.assign(failing, { createdAt: ago(region, 20), updatedAt: ago(region, 20) });
  for (let i = 0; i < 4; i++) {
    const [t] = runningTasks(region, fargate, worker, td.worker2, 1, ago(region, 18 - i * 4), false);
    sim.tasks.writeLogs(t, td.worker2, (c) => [...startupLines(c), ...crashLines(c)]);
    stoppedTask(region, t, 18 - i * 4 - 0.05, 18 - i * 4 - 0.5, 1);
    event(region, worker, ago(region, 18.5 - i * 4), `has started 1 tasks: (task ${taskId(t)}).`);
  }
  failing.failedTasks = 4;
  ecsState(region).serviceExtras.of(worker).consecutiveFailures = 4;
  event(region, worker, ago(region, 6), 'is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.');
  // checkout, payments (BLUE_GREEN), search (CANARY), catalog (LINEAR) on the same ALB, listed after the others.
  seedShiftingServices(region, fargate, tg);

  // EC2 cluster: a cache service and standalone batch tasks.
  steadyService(region, ec2, 'cache', td.cache, 1, 3 * DAY, { launchType: 'EC2' });
  for (let i = 0; i < 2; i++) {
    const t = sim.tasks.launch({ cluster: ec2, taskDef: td.batch, launchType: 'EC2', startedBy: 'nightly-job', instance: sim.placement.place({ cluster: ec2, taskDef: td.batch, group: 'family:demo-batch', strategies: RUN_TASK_DEFAULT_STRATEGY }).instance, runningSince: ago(region, 15 + i) });
    sim.tasks.writeLogs(t, td.batch, () => ['batch: processing partition ' + i]);
  }
  const done = sim.tasks.launch({ cluster: ec2, taskDef: td.batch, launchType: 'EC2', startedBy: 'nightly-job', instance: sim.placement.place({ cluster: ec2, taskDef: td.batch, group: 'family:demo-batch', strategies: RUN_TASK_DEFAULT_STRATEGY }).instance, runningSince: ago(region, 45) });
  stoppedTask(region, done, 40, 39, 0);
  // A standalone Fargate task (a migration) in the Fargate cluster.
  const migrate = sim.tasks.launch({ cluster: fargate, taskDef: td.api3, launchType: 'FARGATE', startedBy: 'migrate', networkConfiguration: SUBNETS, runningSince: ago(region, 5), overrides: { containerOverrides: [{ name: 'api', command: ['npm', 'run', 'migrate'] }] } });
  sim.tasks.writeLogs(migrate, td.api3, () => ['Running migrations', 'Migration 0042_add_orders applied']);
  // One-off tasks that stopped for other reasons: out of memory, image pull, secrets.
  seedStoppedTasks(region, fargate);
  seedCodeDeploy(region, fargate, tg);

  seedEcr(region, 'demo', region.now());
  seedSecrets(region, ago(region, 30 * DAY));
  seedKms(region, ago(region, 30 * DAY));
  // An Auto Scaling group no capacity provider uses yet (Create Cluster's EC2 capacity); it protects new instances from scale-in, as managed termination protection needs.
  const spare = seedAutoScalingGroup(region, 'demo-spare-asg', ['a', 'b', 'c'].map((z) => `${region.name}${z}`), { min: 0, max: 4, desired: 0 }, ago(region, 30 * DAY));
  spare.NewInstancesProtectedFromScaleIn = true;
}

export function seedDemoEu(region: Region): void {
  logsState(region).createGroup('/ecs/eu-api');
  const td = fargateTaskDef(region, 'eu-api', 'api', ecrImage(region, 'demo/api', '1.2.0'), { port: 8080 });
  const cluster = createCluster(region, { clusterName: 'demo-eu' });
  steadyService(region, cluster, 'api-eu', td, 1, 60, { launchType: 'FARGATE', networkConfiguration: SUBNETS });
}
