import * as assert from 'assert';
import { consoleUrl } from '../../../src/ecs/consoleUrls';
import { deploymentBadge, failingDeployment, isFargateOnly, isServiceSettling, presentCluster, presentContainer, presentContainerInstance, presentDeployment, presentService, presentTask } from '../../../src/ecs/present';
import { presentFamily, presentRevision, sizeText } from '../../../src/ecs/presentTaskDefinition';
import { exitedContainer, shortImage, shortReason, stopSummary } from '../../../src/ecs/shortForms';
import { stoppedNewestFirst } from '../../../src/ecs/ecsReader';
import { revisionLabel } from '../../../src/aws/arn';
import type { Service } from '../../../src/ecs/ecsReader';

const NOW = new Date('2025-03-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

describe('what the explorer shows', () => {
  it('services: running/desired (pending), launch type or capacity providers, deployment badge', () => {
    const steady = presentService({
      serviceName: 'api', status: 'ACTIVE', runningCount: 3, desiredCount: 3, pendingCount: 0, launchType: 'FARGATE',
      deployments: [{ status: 'PRIMARY', rolloutState: 'COMPLETED' }],
    });
    assert.strictEqual(steady.description, '3/3 · steady');
    assert.match(steady.details, /\*\*Launch:\*\* FARGATE/, 'the launch type is in the tooltip');
    assert.strictEqual(steady.state, 'ok');
    const rolling = presentService({
      serviceName: 'web', status: 'ACTIVE', runningCount: 1, desiredCount: 2, pendingCount: 1,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 3 }, { capacityProvider: 'FARGATE', weight: 1 }],
      deployments: [{ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' }, { status: 'ACTIVE' }],
    });
    assert.strictEqual(rolling.description, '1/2 · 1 pending · rolling out');
    assert.match(rolling.details, /FARGATE\\_SPOT:3, FARGATE:1/);
    assert.strictEqual(rolling.state, 'progress');
    assert.strictEqual(deploymentBadge({ deployments: [{ status: 'PRIMARY', rolloutState: 'FAILED' }] }), 'failed');
    assert.strictEqual(isServiceSettling({ status: 'ACTIVE', runningCount: 2, desiredCount: 2, deployments: [{ status: 'PRIMARY', rolloutState: 'COMPLETED' }] }), false);
    assert.strictEqual(isServiceSettling({ status: 'ACTIVE', runningCount: 1, desiredCount: 2, deployments: [{ status: 'PRIMARY', rolloutState: 'COMPLETED' }] }), true);
  });

  it('a rollout whose tasks keep stopping is failing (warning), not rolling out', () => {
    const failing: Service = {
      serviceName: 'worker', status: 'ACTIVE', runningCount: 0, desiredCount: 2, pendingCount: 1, launchType: 'FARGATE',
      deployments: [{ id: 'ecs-svc/2', status: 'PRIMARY', rolloutState: 'IN_PROGRESS', failedTasks: 106 }, { id: 'ecs-svc/1', status: 'ACTIVE' }],
    };
    assert.strictEqual(deploymentBadge(failing), 'failing');
    assert.strictEqual(failingDeployment(failing)?.id, 'ecs-svc/2');
    assert.strictEqual(presentService(failing, 1).description, '0/2 · 1 pending · failing: 106 stopped (exit 1)');
    assert.strictEqual(presentService(failing).description, '0/2 · 1 pending · failing: 106 stopped');
    assert.strictEqual(presentService(failing).state, 'warning');
    assert.strictEqual(isServiceSettling(failing), true);
    const oneFailed: Service = { ...failing, deployments: [{ status: 'PRIMARY', rolloutState: 'IN_PROGRESS', failedTasks: 1 }] };
    assert.match(presentService(oneFailed, 137).description, /failing: 1 stopped \(exit 137\)$/);
    assert.match(presentService(oneFailed, 137).details, /failing: 1 task stopped \\\(exit 137\\\)/);
  });

  it('running tasks: short id, family:revision, health, status unless RUNNING; launch type and zone in the tooltip', () => {
    const task = presentTask({
      taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef',
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
      lastStatus: 'RUNNING', desiredStatus: 'RUNNING', healthStatus: 'HEALTHY', launchType: 'FARGATE', availabilityZone: 'us-east-1a',
    }, NOW);
    assert.strictEqual(task.label, '01234567');
    assert.strictEqual(task.description, 'web:7 · HEALTHY', 'RUNNING goes without saying');
    assert.strictEqual(presentTask({ lastStatus: 'PROVISIONING', desiredStatus: 'RUNNING', taskDefinitionArn: 'web:7' }, NOW).description, 'web:7 · PROVISIONING→RUNNING');
    assert.match(task.details, /FARGATE[\s\S]*us-east-1a/);
    assert.strictEqual(presentTask({ lastStatus: 'RUNNING', desiredStatus: 'STOPPED', taskDefinitionArn: 'web:7' }, NOW).description, 'web:7 · RUNNING→STOPPED');
    assert.strictEqual(revisionLabel('arn:aws:ecs:us-east-1:1:task-definition/a-b_c:12'), 'a-b_c:12');
  });

  it('stopped tasks: when they stopped, the exit code of the essential container, the reason shortened (full text in the tooltip)', () => {
    const task = presentTask({
      taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef',
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
      lastStatus: 'STOPPED', desiredStatus: 'STOPPED', launchType: 'FARGATE', stoppedAt: minutesAgo(3),
      stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited', containers: [{ name: 'web', exitCode: 1 }],
    }, NOW);
    assert.strictEqual(task.description, '3m ago · web exited 1');
    assert.match(task.details, /Stopped reason:\*\* Essential container in task exited/);
    assert.strictEqual(task.state, 'error');
    const pull = presentTask({
      lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stoppedAt: minutesAgo(125), stopCode: 'TaskFailedToStart',
      stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/api:nope: not found',
    }, NOW);
    assert.strictEqual(pull.description, '2h ago · image pull failed');
    assert.match(pull.details, /failed to resolve ref/);
  });

  it('the essential container that exited: not the sidecars ECS stopped after it (143, 137)', () => {
    assert.strictEqual(exitedContainer({ containers: [{ name: 'envoy', exitCode: 143 }, { name: 'app', exitCode: 2 }, { name: 'log', exitCode: 137 }] })?.name, 'app');
    assert.strictEqual(exitedContainer({ containers: [{ name: 'envoy', exitCode: 137 }, { name: 'app' }] })?.name, 'envoy');
    assert.strictEqual(exitedContainer({ containers: [{ name: 'job', exitCode: 0 }] })?.name, 'job');
    assert.strictEqual(stopSummary({ stopCode: 'EssentialContainerExited', containers: [{ name: 'job', exitCode: 0 }] }), 'job exited 0');
  });

  it('stop reasons in a few words: known ones by name, an error by its name, else the start of the text', () => {
    assert.strictEqual(shortReason('Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/api/abc)'), 'ELB health check failed');
    assert.strictEqual(shortReason('ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed'), 'task init failed');
    assert.strictEqual(shortReason('Scaling activity initiated by (deployment ecs-svc/1234567890)'), 'scaled in by service');
    assert.strictEqual(shortReason('Stopped from ECS Workbench'), 'Stopped from ECS Workbench'.slice(0, 23) + '…');
    assert.strictEqual(shortReason('Deploy done'), 'Deploy done');
    assert.strictEqual(shortReason('SomeNewError: with a very long explanation that follows'), 'SomeNewError');
    assert.ok(shortReason('x'.repeat(300)).length <= 24);
  });

  it('stopped tasks sort newest first; one still stopping (no stoppedAt) comes first', () => {
    const tasks = [{ taskArn: 'old', stoppedAt: minutesAgo(50) }, { taskArn: 'stopping' }, { taskArn: 'new', stoppedAt: minutesAgo(1) }, { taskArn: 'mid', stoppedAt: minutesAgo(10) }];
    assert.deepStrictEqual(tasks.sort(stoppedNewestFirst).map((t) => t.taskArn), ['stopping', 'new', 'mid', 'old']);
  });

  it('clusters: services and running tasks; Fargate only when no instance and no EC2 capacity', () => {
    assert.strictEqual(presentCluster({ clusterName: 'c', activeServicesCount: 1, runningTasksCount: 3, pendingTasksCount: 0, registeredContainerInstancesCount: 3 }).description, '1 service · 3 running');
    assert.strictEqual(presentCluster({ clusterName: 'c', activeServicesCount: 3, runningTasksCount: 8, pendingTasksCount: 2 }).description, '3 services · 8 running · 2 pending');
    assert.strictEqual(isFargateOnly({ registeredContainerInstancesCount: 0, capacityProviders: ['FARGATE', 'FARGATE_SPOT'] }), true);
    assert.strictEqual(isFargateOnly({ registeredContainerInstancesCount: 0, capacityProviders: [] }), true);
    assert.strictEqual(isFargateOnly({ registeredContainerInstancesCount: 0, capacityProviders: ['FARGATE', 'my-asg-provider'] }), false, 'an Auto Scaling group provider brings EC2 instances');
    assert.strictEqual(isFargateOnly({ registeredContainerInstancesCount: 2, capacityProviders: ['FARGATE'] }), false);
  });

  it('deployments: running/desired, then pending and failed only when there are some; FAILED said', () => {
    assert.strictEqual(presentDeployment({ status: 'PRIMARY', taskDefinition: 'web:2', runningCount: 1, desiredCount: 2, pendingCount: 1, failedTasks: 0, rolloutState: 'IN_PROGRESS', updatedAt: minutesAgo(2) }, NOW).description, '1/2 · 1 pending');
    const failed = presentDeployment({ status: 'PRIMARY', taskDefinition: 'w:2', runningCount: 0, desiredCount: 2, failedTasks: 4, rolloutState: 'FAILED', rolloutStateReason: 'circuit breaker' }, NOW);
    assert.strictEqual(failed.description, '0/2 · 4 failed · FAILED');
    assert.match(failed.details, /circuit breaker/);
  });

  it('containers: status, health, exit code, short image (the reason and full URI in the tooltip)', () => {
    const c = presentContainer({ name: 'api', lastStatus: 'STOPPED', exitCode: 1, reason: 'OutOfMemoryError: Container killed due to memory usage', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/api:1.2.0' });
    assert.strictEqual(c.description, 'STOPPED · exit 1 · :1.2.0', 'the repository named like the container goes without saying');
    assert.strictEqual(presentContainer({ name: 'envoy', lastStatus: 'RUNNING', image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27' }).description, 'RUNNING · aws-appmesh-envoy:v1.27');
    assert.match(c.details, /OutOfMemoryError/);
    assert.match(c.details, /123456789012\.dkr\.ecr/);
  });

  it('images in short form: no registry or path; a digest by its first 12 hex digits', () => {
    assert.strictEqual(shortImage('123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/api:1.2.0'), 'api:1.2.0');
    assert.strictEqual(shortImage('127.0.0.1:5000/web'), 'web');
    assert.strictEqual(shortImage('nginx'), 'nginx');
    assert.strictEqual(shortImage('nginx', 'nginx'), 'nginx', 'nothing to say but the name');
    assert.strictEqual(shortImage('x/demo/web:2.1.0', 'web'), ':2.1.0');
    assert.strictEqual(shortImage(`public.ecr.aws/x/api@sha256:${'ab12'.repeat(16)}`), 'api@ab12ab12ab12');
  });

  it('container instances: trouble first, then instance type and zone; tasks and free CPU/memory in the tooltip', () => {
    const attributes = [{ name: 'ecs.instance-type', value: 'm5.large' }, { name: 'ecs.availability-zone', value: 'eu-west-1b' }];
    const base = {
      ec2InstanceId: 'i-0abc', status: 'ACTIVE', agentConnected: true, runningTasksCount: 2, attributes,
      registeredResources: [{ name: 'CPU', integerValue: 2048 }, { name: 'MEMORY', integerValue: 3904 }],
      remainingResources: [{ name: 'CPU', integerValue: 1024 }, { name: 'MEMORY', integerValue: 1856 }],
    };
    const ci = presentContainerInstance(base);
    assert.strictEqual(ci.description, 'm5.large · eu-west-1b');
    assert.match(ci.details, /Running tasks:\*\* 2/);
    assert.match(ci.details, /1024\/2048/);
    assert.strictEqual(ci.state, 'ok');
    const draining = presentContainerInstance({ ...base, status: 'DRAINING', agentConnected: false });
    assert.strictEqual(draining.description, 'DRAINING · agent disconnected · m5.large · eu-west-1b');
    assert.strictEqual(draining.state, 'warning');
  });

  it('families: latest revision, its images and the services running the family; size in the tooltip', () => {
    const latest = {
      family: 'web', revision: 3, cpu: '256', memory: '512', registeredAt: NOW, networkMode: 'awsvpc' as const,
      containerDefinitions: [{ name: 'web', image: '1.dkr.ecr.us-east-1.amazonaws.com/demo/web:2.1.0' }, { name: 'envoy', image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27' }],
    };
    const scan = { uses: [{ cluster: 'arn:aws:ecs:us-east-1:1:cluster/prod', service: 'web', taskDefinition: 'arn:aws:ecs:us-east-1:1:task-definition/web:3' }, { cluster: 'arn:aws:ecs:us-east-1:1:cluster/prod', service: 'web-old', taskDefinition: 'web-canary:1' }], clustersRead: 1, clustersTotal: 1, complete: true };
    const family = presentFamily('web', 'ACTIVE', latest, scan);
    assert.strictEqual(family.description, ':3 · :2.1.0 +1 · 1 service');
    assert.match(family.details, /CPU \/ memory:\*\* 0\.25 vCPU · 512 MiB/);
    assert.match(family.details, /Services:\*\* web \\\(prod, :3\\\)/);
    assert.strictEqual(presentFamily('web', 'ACTIVE', undefined, undefined).description, '', 'nothing read yet: the name alone');
    const bounded = presentFamily('web', 'ACTIVE', latest, { ...scan, clustersRead: 20, clustersTotal: 1000, complete: false });
    assert.strictEqual(bounded.description, ':3 · :2.1.0 +1 · 1 service+');
    assert.match(bounded.details, /read in 20 of 1000 clusters/);
    assert.strictEqual(sizeText({ containerDefinitions: [{ cpu: 256, memory: 512 }, { cpu: 256, memoryReservation: 128 }] }), '0.5 vCPU · 640 MiB');
  });

  it('revisions: registration date and image', () => {
    const arn = 'arn:aws:ecs:us-east-1:1:task-definition/web:3';
    const revision = presentRevision(arn, 'ACTIVE', { registeredAt: new Date('2025-01-04T10:00:00Z'), containerDefinitions: [{ name: 'web', image: 'x/demo/web:2.1.0' }] });
    assert.strictEqual(revision.label, 'web:3');
    assert.strictEqual(revision.description, '2025-01-04 · :2.1.0');
    assert.strictEqual(presentRevision(arn, 'INACTIVE', undefined).description, 'INACTIVE', 'not read: the status');
  });

  it('console URLs per partition', () => {
    assert.strictEqual(consoleUrl('eu-west-1', { kind: 'service', cluster: 'prod', service: 'api' }), 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/api/health?region=eu-west-1');
    assert.strictEqual(consoleUrl('cn-north-1', { kind: 'taskDefinition', family: 'web', revision: 3 }), 'https://console.amazonaws.cn/ecs/v2/task-definitions/web/3/containers?region=cn-north-1');
    assert.match(consoleUrl('us-gov-west-1', { kind: 'cluster', cluster: 'c' }), /^https:\/\/console\.amazonaws-us-gov\.com\//);
  });
});
