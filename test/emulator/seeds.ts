/**
 * Seeds: `demo` (a small, lively account), `scale` (benchmark volumes), `empty`.
 * Resource names are listed in test/emulator/README.md; tests may rely on them.
 */
import { ACCOUNT } from './util';
import type { Core, RegionState } from './world';
import type { Obj } from './services/ecs-state';
import { createCluster, createService, registerContainerInstance, registerTaskDefinition } from './services/ecs';
import { seedEcr } from './services/ecr';
import { seedLoadBalancer } from './services/elbv2';
import { seedSecrets } from './services/secrets';
import { scalingHandlers, seedScaling } from './services/autoscaling';

export type SeedName = 'demo' | 'scale' | 'empty';

const MIN = 60_000;
const EXEC_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;
const SUBNETS = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: 'DISABLED' } };

export function applySeed(core: Core, seed: SeedName): void {
  if (seed === 'demo') {
    seedDemo(core.region('us-east-1'));
    seedDemoEu(core.region('eu-west-1'));
  } else if (seed === 'scale') {
    seedScale(core.region('us-east-1'));
  }
}

function ago(region: RegionState, minutes: number): Date {
  return new Date(region.now().getTime() - minutes * MIN);
}

function ecrImage(region: RegionState, repo: string, tag: string): string {
  return `${ACCOUNT}.dkr.ecr.${region.name}.amazonaws.com/${repo}:${tag}`;
}

function fargateTaskDef(region: RegionState, family: string, container: string, image: string, opts: { port?: number; cpu?: string; memory?: string; taskRole?: string; env?: Obj[] } = {}): Obj {
  return registerTaskDefinition(region, {
    family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: opts.cpu ?? '256',
    memory: opts.memory ?? '512',
    executionRoleArn: EXEC_ROLE,
    ...(opts.taskRole ? { taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/${opts.taskRole}` } : {}),
    runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
    containerDefinitions: [{
      name: container,
      image,
      essential: true,
      portMappings: opts.port ? [{ containerPort: opts.port, protocol: 'tcp', name: `${container}-${opts.port}`, appProtocol: 'http' }] : [],
      environment: opts.env ?? [],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${family}`, 'awslogs-region': region.name, 'awslogs-stream-prefix': 'ecs' } },
    }],
    tags: [{ key: 'app', value: family }],
  });
}

function ec2TaskDef(region: RegionState, family: string, container: string, image: string, memory: number): Obj {
  return registerTaskDefinition(region, {
    family,
    networkMode: 'bridge',
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [{
      name: container,
      image,
      essential: true,
      cpu: 256,
      memory,
      portMappings: [{ containerPort: 6379, hostPort: 0, protocol: 'tcp' }],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${family}`, 'awslogs-region': region.name, 'awslogs-stream-prefix': 'ecs' } },
    }],
  });
}

function backdate(o: Obj, at: Date, ...keys: string[]): void {
  for (const k of keys) {
    o[k] = at;
  }
}

function event(svc: Obj, at: Date, message: string, region: RegionState): void {
  svc.events.push({ id: region.core.rnd.uuid(), createdAt: at, message: `(service ${svc.serviceName}) ${message}` });
  svc.events.sort((a: Obj, b: Obj) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** Starts tasks of a service's primary deployment that have been RUNNING since `at`. */
function runningTasks(region: RegionState, cluster: Obj, svc: Obj, td: Obj, n: number, at: Date, logs = true): Obj[] {
  const dep = svc.deployments[0];
  const tasks: Obj[] = [];
  for (let i = 0; i < n; i++) {
    const placed = svc._launchType === 'EC2' ? region.sim.place(cluster, td) : {};
    const t = region.sim.launch({
      cluster, taskDef: td, launchType: svc._launchType, startedBy: dep.id, group: `service:${svc.serviceName}`,
      networkConfiguration: svc.networkConfiguration, service: svc, deploymentId: dep.id, runningSince: at, instance: placed.instance,
      capacityProviderName: svc.capacityProviderStrategy?.[0]?.capacityProvider,
    });
    t.createdAt = new Date(at.getTime() - 40_000);
    if (logs) {
      region.sim.writeLogs(t, td, (c) => [`Starting ${c.name} (${c.image})`, `${c.name} listening`, `${c.name}: GET /health 200 3ms`]);
    }
    tasks.push(t);
  }
  return tasks;
}

/** A service created `minutesAgo`, whose first deployment completed and is steady. */
function steadyService(region: RegionState, cluster: Obj, name: string, td: Obj, desired: number, minutesAgo: number, extra: Obj = {}, logs = true): Obj {
  const svc = createService(region, {
    cluster: cluster.clusterName, serviceName: name, taskDefinition: td.taskDefinitionArn, desiredCount: desired, ...extra,
  });
  const at = ago(region, minutesAgo);
  const dep = svc.deployments[0];
  backdate(svc, at, 'createdAt');
  backdate(dep, at, 'createdAt', 'updatedAt');
  const tasks = runningTasks(region, cluster, svc, td, desired, new Date(at.getTime() + MIN), logs);
  dep.rolloutState = 'COMPLETED';
  dep.rolloutStateReason = `ECS deployment ${dep.id} completed.`;
  const sd = svc._serviceDeployments[0];
  Object.assign(sd, { status: 'SUCCESSFUL', createdAt: at, startedAt: at, updatedAt: new Date(at.getTime() + 3 * MIN), finishedAt: new Date(at.getTime() + 3 * MIN) });
  svc._lastCompleted = { id: dep.id, taskDefinition: td.taskDefinitionArn, revisionArn: sd.targetServiceRevision.arn };
  svc._steady = true;
  region.sim.refreshCounts(svc);
  if (desired > 0) {
    event(svc, new Date(at.getTime() + 20_000), `has started ${desired} tasks: ${tasks.map((t) => `(task ${t.taskArn.split('/').pop()})`).join(' ')}.`, region);
  }
  event(svc, new Date(at.getTime() + 3 * MIN), `(deployment ${dep.id}) deployment completed.`, region);
  event(svc, new Date(at.getTime() + 3 * MIN + 1000), 'has reached a steady state.', region);
  return svc;
}

function seedDemo(region: RegionState): void {
  const logs = region.logs;
  for (const g of ['/ecs/demo-api', '/ecs/demo-web', '/ecs/demo-worker', '/ecs/demo-cache', '/ecs/demo-batch']) {
    logs.createGroup(g, ago(region, 30 * 24 * 60));
  }
  logs.groups.get('/ecs/demo-api')!.retentionInDays = 30;

  // Task-definition families with revisions.
  const api1 = fargateTaskDef(region, 'demo-api', 'api', ecrImage(region, 'demo/api', '1.0.0'), { port: 8080, taskRole: 'demo-api-task-role' });
  fargateTaskDef(region, 'demo-api', 'api', ecrImage(region, 'demo/api', '1.1.0'), { port: 8080, taskRole: 'demo-api-task-role' });
  const api3 = fargateTaskDef(region, 'demo-api', 'api', ecrImage(region, 'demo/api', '1.2.0'), {
    port: 8080, cpu: '512', memory: '1024', taskRole: 'demo-api-task-role', env: [{ name: 'LOG_LEVEL', value: 'info' }],
  });
  api1.status = 'INACTIVE';
  api1.deregisteredAt = ago(region, 60 * 24);
  const web1 = fargateTaskDef(region, 'demo-web', 'web', ecrImage(region, 'demo/web', '2.0.0'), { port: 80 });
  const web2 = fargateTaskDef(region, 'demo-web', 'web', ecrImage(region, 'demo/web', '2.1.0'), { port: 80 });
  const worker1 = fargateTaskDef(region, 'demo-worker', 'worker', ecrImage(region, 'demo/worker', '0.9.0'), { taskRole: 'demo-worker-task-role' });
  const worker2 = fargateTaskDef(region, 'demo-worker', 'worker', ecrImage(region, 'demo/worker', '1.0.0-fail'), { taskRole: 'demo-worker-task-role' });
  const cache = ec2TaskDef(region, 'demo-cache', 'redis', 'public.ecr.aws/docker/library/redis:7.2', 512);
  const batch = ec2TaskDef(region, 'demo-batch', 'batch', ecrImage(region, 'demo/batch', 'latest'), 256);

  // Clusters.
  const fargate = createCluster(region, {
    clusterName: 'demo-fargate',
    capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
    defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }],
    settings: [{ name: 'containerInsights', value: 'enabled' }],
    tags: [{ key: 'env', value: 'demo' }],
  });
  const ec2 = createCluster(region, { clusterName: 'demo-ec2', tags: [{ key: 'env', value: 'demo' }] });
  for (let i = 0; i < 3; i++) {
    registerContainerInstance(region, ec2, { at: ago(region, 7 * 24 * 60) });
  }
  backdate(fargate, ago(region, 90 * 24 * 60));

  const fargateSvc = { launchType: 'FARGATE', networkConfiguration: SUBNETS };
  // api: steady, circuit breaker with rollback, behind an ALB, auto scaled.
  const tg = seedLoadBalancer(region, 'demo-alb', 'demo-api-tg', 8080, ago(region, 90 * 24 * 60));
  steadyService(region, fargate, 'api', api3, 3, 120, {
    ...fargateSvc,
    loadBalancers: [{ targetGroupArn: tg.TargetGroupArn, containerName: 'api', containerPort: 8080 }],
    healthCheckGracePeriodSeconds: 30,
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true }, maximumPercent: 200, minimumHealthyPercent: 100 },
    tags: [{ key: 'team', value: 'platform' }],
  });
  seedScaling(region, 'service/demo-fargate/api', 2, 10);
  scalingHandlers.PutScheduledAction({
    ServiceNamespace: 'ecs', ResourceId: 'service/demo-fargate/api', ScalableDimension: 'ecs:service:DesiredCount',
    ScheduledActionName: 'weekday-morning', Schedule: 'cron(0 7 ? * MON-FRI *)', Timezone: 'Europe/Paris', ScalableTargetAction: { MinCapacity: 4, MaxCapacity: 10 },
  }, { core: region.core, region, action: 'seed' });
  // web: mid-deployment from demo-web:1 to demo-web:2 (one new task already running).
  const web = steadyService(region, fargate, 'web', web1, 2, 240, fargateSvc);
  web.taskDefinition = web2.taskDefinitionArn;
  region.sim.newDeployment(web, web2.taskDefinitionArn);
  backdate(web.deployments[0], ago(region, 2), 'createdAt', 'updatedAt');
  const [first] = runningTasks(region, fargate, web, web2, 1, ago(region, 1));
  event(web, ago(region, 2), `has started 1 tasks: (task ${first.taskArn.split('/').pop()}).`, region);
  // worker: deploying an image that fails (no circuit breaker): tasks keep exiting 1.
  const worker = steadyService(region, fargate, 'worker', worker1, 2, 600, fargateSvc);
  worker.taskDefinition = worker2.taskDefinitionArn;
  const failing = region.sim.newDeployment(worker, worker2.taskDefinitionArn);
  backdate(failing, ago(region, 20), 'createdAt', 'updatedAt');
  for (let i = 0; i < 4; i++) {
    const [t] = runningTasks(region, fargate, worker, worker2, 1, ago(region, 18 - i * 4), false);
    region.sim.writeLogs(t, worker2, () => ['Starting worker', 'Error: failed to start application (exit 1)']);
    Object.assign(t, {
      desiredStatus: 'STOPPED', lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited',
      stoppingAt: ago(region, 18 - i * 4 - 0.05), executionStoppedAt: ago(region, 18 - i * 4 - 0.05), stoppedAt: ago(region, 18 - i * 4 - 0.5),
    });
    t.containers[0].lastStatus = 'STOPPED';
    t.containers[0].exitCode = 1;
    event(worker, ago(region, 18.5 - i * 4), `has started 1 tasks: (task ${t.taskArn.split('/').pop()}).`, region);
  }
  failing.failedTasks = 4;
  worker._consecutiveFailures = 4;
  event(worker, ago(region, 6), 'is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.', region);

  // EC2 cluster: a cache service and standalone batch tasks.
  steadyService(region, ec2, 'cache', cache, 1, 3 * 24 * 60, { launchType: 'EC2' });
  for (let i = 0; i < 2; i++) {
    const placed = region.sim.place(ec2, batch);
    const t = region.sim.launch({ cluster: ec2, taskDef: batch, launchType: 'EC2', startedBy: 'nightly-job', instance: placed.instance, runningSince: ago(region, 15 + i) });
    region.sim.writeLogs(t, batch, () => ['batch: processing partition ' + i]);
  }
  const done = region.sim.launch({ cluster: ec2, taskDef: batch, launchType: 'EC2', startedBy: 'nightly-job', instance: region.sim.place(ec2, batch).instance, runningSince: ago(region, 45) });
  Object.assign(done, { desiredStatus: 'STOPPED', lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited', stoppingAt: ago(region, 40), executionStoppedAt: ago(region, 40), stoppedAt: ago(region, 39) });
  done.containers[0].lastStatus = 'STOPPED';
  done.containers[0].exitCode = 0;
  // A standalone Fargate task (a migration) in the Fargate cluster.
  const migrate = region.sim.launch({ cluster: fargate, taskDef: api3, launchType: 'FARGATE', startedBy: 'migrate', networkConfiguration: SUBNETS, runningSince: ago(region, 5), overrides: { containerOverrides: [{ name: 'api', command: ['npm', 'run', 'migrate'] }] } });
  region.sim.writeLogs(migrate, api3, () => ['Running migrations', 'Migration 0042_add_orders applied']);

  seedEcr(region, 'demo', region.now());
  seedSecrets(region, ago(region, 30 * 24 * 60));
}

function seedDemoEu(region: RegionState): void {
  region.logs.createGroup('/ecs/eu-api');
  const td = fargateTaskDef(region, 'eu-api', 'api', ecrImage(region, 'demo/api', '1.2.0'), { port: 8080 });
  const cluster = createCluster(region, { clusterName: 'demo-eu' });
  steadyService(region, cluster, 'api-eu', td, 1, 60, { launchType: 'FARGATE', networkConfiguration: SUBNETS });
}

/** One cluster with 300 services and 5,000 tasks, 50 clusters in all, 2,000 task-definition revisions. */
function seedScale(region: RegionState): void {
  const families: Obj[][] = [];
  for (let f = 0; f < 100; f++) {
    const family = `scale-app-${String(f).padStart(3, '0')}`;
    region.logs.createGroup(`/ecs/${family}`);
    const revs: Obj[] = [];
    for (let r = 0; r < 20; r++) {
      revs.push(fargateTaskDef(region, family, 'app', ecrImage(region, `scale/${family}`, `1.0.${r}`), { port: 8080 }));
    }
    families.push(revs);
  }
  const big = createCluster(region, { clusterName: 'scale-big' });
  for (let c = 1; c < 50; c++) {
    createCluster(region, { clusterName: `scale-cluster-${String(c).padStart(2, '0')}` });
  }
  let remaining = 5000;
  for (let s = 0; s < 300; s++) {
    const n = Math.floor(remaining / (300 - s));
    remaining -= n;
    const revs = families[s % families.length];
    steadyService(region, big, `svc-${String(s).padStart(3, '0')}`, revs[revs.length - 1], n, 60 + s, { launchType: 'FARGATE', networkConfiguration: SUBNETS }, false);
  }
  seedEcr(region, 'scale', region.now());
}
