import * as assert from 'assert';
import type { ecs } from '../../../src/aws/sdk';
import { diagnose } from '../../../src/diagnose/diagnosis';
import { explainExitCode } from '../../../src/diagnose/exitCodes';
import { causeOfTask, stopCauseWords } from '../../../src/diagnose/stopCause';

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef';
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/73e2d6bc24d8a067';
const at = (minute: number) => new Date(Date.UTC(2025, 0, 15, 9, minute));

function task(t: Partial<ecs.Task>, containers: Partial<ecs.Container>[] = [{ name: 'app' }]): ecs.Task {
  return { taskArn: ARN, lastStatus: 'STOPPED', desiredStatus: 'STOPPED', startedBy: 'ecs-svc/111', group: 'service:web', stoppingAt: at(10), stoppedAt: at(11), containers: containers.map((c) => ({ image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1', ...c })), ...t };
}

const td: ecs.TaskDefinition = {
  family: 'web', cpu: '256', memory: '1024', executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  containerDefinitions: [{
    name: 'app', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1', memory: 512, essential: true, command: ['node', 'server.js'],
    healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/health || exit 1'], interval: 10, timeout: 5, retries: 3, startPeriod: 30 },
  }, { name: 'sidecar', image: 'envoy', essential: false }],
};

/** Stopped tasks as DescribeTasks returns them for each cause of AWS's stopped task errors guide. */
describe('diagnose: the cause of a stopped task from what ECS recorded', () => {
  it('image pull: a missing tag lists the repository\'s tags; no route and access denied say what to change', () => {
    const missing = diagnose({ task: task({ stopCode: 'TaskFailedToStart', stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:9: not found' }), taskDefinition: td, repositoryTags: ['1.0', '1.1'] });
    assert.strictEqual(missing.cause, 'image-pull');
    assert.match(missing.summary, /does not exist\. The repository has: 1\.0, 1\.1\./);
    assert.strictEqual(missing.docUrl, 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html');
    const route = diagnose({ task: task({ stopCode: 'TaskFailedToStart', stoppedReason: 'CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com/": dial tcp 52.216.0.1:443: i/o timeout' }) });
    assert.ok(route.fixes.some((f) => /assignPublicIp/.test(f)) && route.fixes.some((f) => /VPC endpoints/.test(f)), route.fixes.join('\n'));
    const denied = diagnose({ task: task({ stopCode: 'TaskFailedToStart', stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref: pulling from host 123456789012.dkr.ecr.us-east-1.amazonaws.com failed with status code [manifests 1]: 403 Forbidden' }) });
    assert.ok(denied.fixes.some((f) => f.includes('ecr:GetAuthorizationToken')), denied.fixes.join('\n'));
  });

  it('secrets or registry auth: names the secret and the execution role; a missing log group says so', () => {
    const secret = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf';
    const d = diagnose({ task: task({ stopCode: 'TaskFailedToStart', stoppedReason: `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret ${secret} from secrets manager: AccessDeniedException: denied` }), taskDefinition: td });
    assert.strictEqual(d.cause, 'secrets-or-registry-auth');
    assert.ok(d.summary.includes(secret));
    assert.ok(d.fixes[0].includes('arn:aws:iam::123456789012:role/ecsTaskExecutionRole') && d.fixes[0].includes('secretsmanager:GetSecretValue'));
    const logs = diagnose({ task: task({ stopCode: 'TaskFailedToStart', stoppedReason: 'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1' }) });
    assert.match(logs.summary, /log group does not exist/);
  });

  it('out of memory: the container\'s memory and the task\'s, exit 137', () => {
    const d = diagnose({ task: task({ stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited', memory: '1024' }, [{ name: 'app', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }]), taskDefinition: td });
    assert.deepStrictEqual([d.cause, d.container, d.exitCodes], ['out-of-memory', 'app', { app: 137 }]);
    assert.strictEqual(d.summary, 'Container app was killed for using more memory than it may: 512 MiB (its memory limit); the task has 1024 MiB. It exited 137.');
  });

  it('an essential container exit explains its code: 1, 126, 127 command not found, 137, 139 segfault, 143', () => {
    const exit = (code: number) => diagnose({ task: task({ stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' }, [{ name: 'app', exitCode: code }, { name: 'sidecar', exitCode: 143 }]), taskDefinition: td });
    assert.strictEqual(exit(1).cause, 'essential-container-exit');
    assert.match(exit(127).summary, /^Essential container app exited 127: command not found/);
    assert.ok(exit(127).fixes[0].includes('(node server.js)'));
    assert.match(exit(139).summary, /segmentation fault/);
    assert.deepStrictEqual(exit(1).exitCodes, { app: 1, sidecar: 143 });
    for (const [code, words] of [[126, /could not run/], [137, /SIGKILL/], [143, /SIGTERM/], [1, /application failed/]] as const) assert.match(explainExitCode(code), words);
  });

  it('container health check: the command and its timings from the task definition', () => {
    const d = diagnose({ task: task({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Task failed container health checks', healthStatus: 'UNHEALTHY' }, [{ name: 'app', healthStatus: 'UNHEALTHY' }]), taskDefinition: td });
    assert.strictEqual(d.cause, 'container-health-check');
    assert.ok(d.summary.includes('"CMD-SHELL curl -f http://localhost/health || exit 1" every 10 s (timeout 5 s, 3 retries, start period 30 s)'), d.summary);
  });

  it('load balancer health check: the target group\'s path and port beside the container port, from the service events', () => {
    const events: ecs.ServiceEvent[] = [
      { createdAt: at(10), message: `(service web) (task 0123456789abcdef0123456789abcdef) (port 80) is unhealthy in (target-group ${TG}) due to (reason Health checks failed with these codes: [503]).` },
    ];
    const d = diagnose({
      task: task({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: `Task failed ELB health checks in (target-group ${TG})` }), events,
      service: { loadBalancers: [{ targetGroupArn: TG, containerName: 'app', containerPort: 80 }] },
      targetGroups: [{ arn: TG, name: 'web-tg', protocol: 'HTTP', healthCheckPath: '/healthz', healthCheckPort: '8081', matcher: '200' }],
    });
    assert.strictEqual(d.cause, 'load-balancer-health-check');
    assert.ok(d.summary.includes('target group web-tg: Health checks failed with these codes: [503]') && d.summary.includes('HTTP /healthz on port 8081'), d.summary);
    assert.match(d.fixes[0], /port 8081 is not the container port 80/);
  });

  it('user stop, deployment replacement, scale-in, Spot, capacity and unknown', () => {
    assert.strictEqual(causeOfTask(task({ stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' })), 'user-stopped');
    assert.strictEqual(causeOfTask(task({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/222)' })), 'deployment-replaced');
    assert.strictEqual(causeOfTask(task({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/111)' })), 'scaled-in');
    assert.strictEqual(causeOfTask(task({ stopCode: 'SpotInterruption', stoppedReason: 'Your Spot Task was interrupted.' })), 'spot-interruption');
    const unplaced = [{ createdAt: at(12), message: '(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance abc) has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.' }];
    const capacity = diagnose({ task: task({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/222)' }), events: unplaced, taskDefinition: td });
    assert.strictEqual(capacity.cause, 'capacity');
    assert.match(capacity.summary, /its replacement: not enough memory\. The task needs 256 CPU units and 1024 MiB\./);
    assert.strictEqual(causeOfTask(task({ stopCode: 'TaskFailedToStart', stoppedReason: 'Capacity is unavailable at this time. Please try again later or in a different availability zone' })), 'capacity');
    const unknown = diagnose({ task: task({ stopCode: 'TerminationNotice', stoppedReason: 'Something new' }) });
    assert.deepStrictEqual([unknown.cause, unknown.docUrl], ['unknown', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-errors.html']);
  });

  it('stop cause words (tooltips): each cause from the task alone, never a guess where the task cannot tell', () => {
    const scheduler = 'the ECS scheduler stopped it in a scaling activity of deployment ecs-svc/222 (a newer deployment, a scale-in or missing capacity: Why Did It Stop? reads the service\'s events)';
    const cases: [Partial<ecs.Task>, Partial<ecs.Container>[] | undefined, string][] = [
      [{ stopCode: 'TaskFailedToStart', stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): not found' }, undefined, 'the image could not be pulled'],
      [{ stopCode: 'TaskFailedToStart', stoppedReason: 'ResourceInitializationError: unable to pull secrets or registry auth' }, undefined, 'its secrets or registry login could not be read'],
      [{ stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' }, [{ name: 'app', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }], 'a container ran out of memory'],
      [{ stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' }, [{ name: 'app', exitCode: 1 }], 'an essential container exited'],
      [{ stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Task failed container health checks' }, undefined, 'a container failed its health check'],
      [{ stopCode: 'ServiceSchedulerInitiated', stoppedReason: `Task failed ELB health checks in (target-group ${TG})` }, undefined, 'it failed its load balancer health checks'],
      [{ stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' }, undefined, 'someone stopped it'],
      [{ stopCode: 'SpotInterruption', stoppedReason: 'Your Spot Task was interrupted.' }, undefined, 'Fargate Spot took its capacity back'],
      [{ stopCode: 'TaskFailedToStart', stoppedReason: 'Capacity is unavailable at this time. Please try again later or in a different availability zone' }, undefined, 'no capacity to place it'],
      [{ stopCode: 'TerminationNotice', stoppedReason: 'Something new' }, undefined, 'ECS gave no known reason'],
      // Deployment-replaced, scaled-in and capacity all read "Scaling activity initiated by (deployment …)".
      [{ stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/222)' }, undefined, scheduler],
      [{ stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/222)', startedBy: 'ecs-svc/222' }, undefined, scheduler],
    ];
    for (const [t, containers, words] of cases) assert.strictEqual(stopCauseWords(task(t, containers)), words, t.stoppedReason);
    // With the service's events (the explorer's service node has them), the cause is told apart.
    const replaced = task({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/222)' });
    assert.strictEqual(stopCauseWords(replaced, []), 'a deployment replaced it');
    assert.strictEqual(stopCauseWords({ ...replaced, startedBy: 'ecs-svc/222' }, []), 'its service scaled in');
    const unplaced = [{ createdAt: at(12), message: '(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance abc) has insufficient memory available.' }];
    assert.strictEqual(stopCauseWords(replaced, unplaced), 'no capacity to place it');
  });
});
