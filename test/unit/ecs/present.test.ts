import * as assert from 'assert';
import { consoleUrl } from '../../../src/ecs/consoleUrls';
import { deploymentBadge, exitCodeOf, failingDeployment, isServiceSettling, presentContainerInstance, presentService, presentTask } from '../../../src/ecs/present';
import { revisionLabel } from '../../../src/aws/arn';
import type { Service } from '../../../src/ecs/ecsReader';

describe('what the explorer shows', () => {
  it('services: running/desired (pending), launch type or capacity providers, deployment badge', () => {
    const steady = presentService({
      serviceName: 'api', status: 'ACTIVE', runningCount: 3, desiredCount: 3, pendingCount: 0, launchType: 'FARGATE',
      deployments: [{ status: 'PRIMARY', rolloutState: 'COMPLETED' }],
    });
    assert.strictEqual(steady.description, '3/3 · FARGATE · steady');
    assert.strictEqual(steady.state, 'ok');
    const rolling = presentService({
      serviceName: 'web', status: 'ACTIVE', runningCount: 1, desiredCount: 2, pendingCount: 1,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 3 }, { capacityProvider: 'FARGATE', weight: 1 }],
      deployments: [{ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' }, { status: 'ACTIVE' }],
    });
    assert.strictEqual(rolling.description, '1/2 (1 pending) · FARGATE_SPOT:3, FARGATE:1 · rolling out');
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
    assert.strictEqual(presentService(failing, 1).description, '0/2 (1 pending) · FARGATE · failing: 106 tasks stopped (exit 1)');
    assert.strictEqual(presentService(failing).description, '0/2 (1 pending) · FARGATE · failing: 106 tasks stopped');
    assert.strictEqual(presentService(failing).state, 'warning');
    assert.strictEqual(isServiceSettling(failing), true);
    const oneFailed: Service = { ...failing, deployments: [{ status: 'PRIMARY', rolloutState: 'IN_PROGRESS', failedTasks: 1 }] };
    assert.match(presentService(oneFailed, 137).description, /failing: 1 task stopped \(exit 137\)$/);
    // The essential container's non-zero code explains the stop, not a sidecar's 0.
    assert.strictEqual(exitCodeOf({ containers: [{ name: 'log-router', exitCode: 0 }, { name: 'app', exitCode: 1 }] }), 1);
    assert.strictEqual(exitCodeOf({ containers: [{ name: 'app' }] }), undefined);
  });

  it('tasks: short id, family:revision, status, health, stop reason', () => {
    const task = presentTask({
      taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef',
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
      lastStatus: 'STOPPED', desiredStatus: 'STOPPED', launchType: 'FARGATE', availabilityZone: 'us-east-1a',
      stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited', containers: [{ exitCode: 1 }],
    });
    assert.strictEqual(task.label, '01234567');
    assert.strictEqual(task.description, 'web:7 · STOPPED · FARGATE · us-east-1a · Essential container in task exited');
    assert.strictEqual(task.state, 'error');
    assert.strictEqual(revisionLabel('arn:aws:ecs:us-east-1:1:task-definition/a-b_c:12'), 'a-b_c:12');
  });

  it('container instances: remaining vs registered CPU and memory', () => {
    const ci = presentContainerInstance({
      ec2InstanceId: 'i-0abc', status: 'DRAINING', agentConnected: true, runningTasksCount: 2,
      registeredResources: [{ name: 'CPU', integerValue: 2048 }, { name: 'MEMORY', integerValue: 3904 }],
      remainingResources: [{ name: 'CPU', integerValue: 1024 }, { name: 'MEMORY', integerValue: 1856 }],
    });
    assert.strictEqual(ci.description, 'DRAINING · agent connected · CPU 1024/2048 · MiB 1856/3904 free · 2 tasks');
    assert.strictEqual(ci.state, 'warning');
  });

  it('console URLs per partition', () => {
    assert.strictEqual(consoleUrl('eu-west-1', { kind: 'service', cluster: 'prod', service: 'api' }), 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/api/health?region=eu-west-1');
    assert.strictEqual(consoleUrl('cn-north-1', { kind: 'taskDefinition', family: 'web', revision: 3 }), 'https://console.amazonaws.cn/ecs/v2/task-definitions/web/3/containers?region=cn-north-1');
    assert.match(consoleUrl('us-gov-west-1', { kind: 'cluster', cluster: 'c' }), /^https:\/\/console\.amazonaws-us-gov\.com\//);
  });
});
