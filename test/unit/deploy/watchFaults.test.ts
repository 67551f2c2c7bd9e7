import * as assert from 'assert';
import * as taskdef from '../../../src/taskdef';
import { applyDeploy, planDeploy, watchDeployment } from '../../../src/deploy/deployFlow';
import { pollFailure } from '../../../src/deploy/watcher';
import { emulatorClock, IMAGE, useDemo } from './helpers';

const MINUTE = 60_000;

describe('a deploy watch under faults never loses its outcome', function () {
  this.timeout(60_000);
  const f = useDemo();
  const watch = () => ({ intervalMs: 10_000, timeoutMs: 30 * MINUTE, clock: emulatorClock(f.emulator) });

  it('classifies poll failures: throttling, 5xx, resets and timeouts are transient; expired credentials pause; access denied stops', () => {
    const err = (name: string, message: string, status?: number) => Object.assign(new Error(message), { name, $metadata: status ? { httpStatusCode: status } : undefined });
    assert.deepStrictEqual(
      [
        err('ThrottlingException', 'Rate exceeded', 400),
        err('ServerException', 'Service Unavailable.', 500),
        err('ServiceUnavailableException', 'x', 503),
        Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
        err('TimeoutError', 'Connection timed out after 30000 ms'),
        Object.assign(new Error('getaddrinfo ENOTFOUND ecs.us-east-1.amazonaws.com'), { code: 'ENOTFOUND' }),
        err('ExpiredTokenException', 'The security token included in the request is expired', 400),
        err('AccessDeniedException', 'User is not authorized to perform: ecs:DescribeServices', 400),
      ].map((e) => pollFailure(e).kind),
      ['transient', 'transient', 'transient', 'transient', 'transient', 'transient', 'credentials', 'permanent'],
    );
  });

  it('a rollout watched through 5xx answers and dropped polls still ends COMPLETED, with its deployment id', async () => {
    const plan = await planDeploy(f.actions, taskdef, { cluster: 'demo-fargate', service: 'api', image: { container: 'api', uri: IMAGE('demo/api', '1.3.0') } });
    // Every DescribeServices answers 5xx for the first four polls (no SDK retries in this fixture), then the fault lifts.
    f.emulator.faults.set({ serverErrorRate: 1, faultActions: ['ecs:DescribeServices'] });
    let failedPolls = 0;
    const result = await applyDeploy(f.actions, { cluster: 'demo-fargate', service: 'api' }, plan, {
      watch: {
        ...watch(),
        clock: {
          now: () => f.emulator.clock.now().getTime(),
          sleep: async (ms) => {
            if (++failedPolls === 4) f.emulator.faults.clear();
            await f.emulator.clock.advance(ms);
          },
        },
      },
    });
    assert.strictEqual(result.outcome, 'COMPLETED', result.reason);
    assert.ok(result.deploymentId.startsWith('ecs-svc/'));
    assert.ok(failedPolls >= 4);
  });

  it('expired credentials pause the watch; signed in again, it resumes and reports the outcome', async () => {
    const service = await f.actions.describeService('demo-fargate', 'web');
    f.emulator.faults.set({ expiredCredentials: true });
    const pauses: string[] = [];
    const report = await watchDeployment(f.actions, 'demo-fargate', 'web', service.deployments![0].id!, {
      ...watch(),
      onPause: async (problem) => {
        pauses.push(problem.kind);
        f.emulator.faults.clear(); // the user signed in again
        return 'resume';
      },
    });
    assert.deepStrictEqual(pauses, ['expired-token']);
    assert.strictEqual(report.outcome, 'COMPLETED', report.reason);
  });

  it('stopping at the pause ends the watch as not waited, saying the deployment goes on', async () => {
    const service = await f.actions.describeService('demo-fargate', 'web');
    f.emulator.faults.set({ expiredCredentials: true });
    const report = await watchDeployment(f.actions, 'demo-fargate', 'web', service.deployments![0].id!, { ...watch(), onPause: async () => 'stop' });
    assert.deepStrictEqual([report.outcome, report.cancelled], ['NOT_WAITED', true]);
    assert.match(report.reason!, /expired.*The deployment goes on in ECS/s);
  });

  it('a permanent failure mid-watch ends it with the reason and the deployment id, not a raw error', async () => {
    const service = await f.actions.describeService('demo-fargate', 'web');
    const id = service.deployments![0].id!;
    f.emulator.faults.set({ accessDenied: [{ action: 'ecs:DescribeServices' }] });
    const report = await watchDeployment(f.actions, 'demo-fargate', 'web', id, watch());
    assert.strictEqual(report.outcome, 'NOT_WAITED');
    assert.match(report.reason!, new RegExp(`Stopped watching deployment ${id.replace('/', '\\/')}: Access denied for ecs:DescribeServices`));
  });
});
