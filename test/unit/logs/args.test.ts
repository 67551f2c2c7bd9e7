import * as assert from 'assert';
import { parseShowLogsArgs } from '../../../src/logs/args';
import { ArgumentError } from '../../../src/util/args';

describe('ecsWorkbench.showLogs argument object', () => {
  const now = Date.UTC(2025, 0, 15, 12);
  it('reads cluster, service or task, container, follow, filterPattern, since, region and profile', () => {
    const a = parseShowLogsArgs({ cluster: 'demo', service: 'web', container: 'web', follow: true, filterPattern: ' ERROR ', since: '15m', region: 'eu-west-1', profile: '' }, now);
    assert.deepStrictEqual(a, { target: { cluster: 'demo', service: 'web', task: undefined, container: 'web' }, scope: { region: 'eu-west-1', profile: '' }, follow: true, filterPattern: 'ERROR', since: '15m' });
    assert.strictEqual(parseShowLogsArgs({ cluster: 'demo', task: 'abc', filterPattern: '' }, now).filterPattern, '');
  });

  it('refuses invalid objects saying what is expected', () => {
    const cases: [unknown, RegExp][] = [
      [{ cluster: 'demo' }, /"service" or "task" is missing/],
      [{ cluster: 'demo', service: 'a', task: 'b' }, /not both/],
      [{ service: 'a' }, /"cluster" is missing/],
      [{ cluster: 'demo', service: 'a', since: 'yesterday' }, /not a time range/],
      [{ cluster: 'demo', service: 'a', filterPattern: '{ $.level = ' }, /Filter pattern/],
      [{ cluster: 'demo', service: 'a', follow: 'yes' }, /"follow" must be true or false/],
      [{ cluster: 'demo', service: 'a', tail: 5 }, /unknown member "tail"/],
    ];
    for (const [arg, problem] of cases) {
      assert.throws(() => parseShowLogsArgs(arg, now), (e: Error) => e instanceof ArgumentError && problem.test(e.message) && /Expected \{ cluster, service\? \| task\?/.test(e.message), JSON.stringify(arg));
    }
  });
});
