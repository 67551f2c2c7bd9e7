import * as assert from 'assert';
import { applyEdits } from 'jsonc-parser';
import { ParsedDocument } from '../../../src/taskdef/document';
import { awslogsFixes } from '../../../src/taskdef/logFixes';
import { validate } from '../../../src/taskdef/validate';

const text = (o: unknown) => JSON.stringify(o, null, 2);
const def = (containers: unknown[]) =>
  text({ family: 'shop', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', containerDefinitions: containers });

function applyFirst(t: string, offset: number, region?: string): { title: string; out: string } {
  const [fix] = awslogsFixes(t, offset, region);
  assert.ok(fix, 'a fix is offered');
  const doc = new ParsedDocument(t);
  const out = applyEdits(t, fix.edits.map((e) => ({ offset: doc.offsetAt(e.range.start), length: doc.offsetAt(e.range.end) - doc.offsetAt(e.range.start), content: e.newText })));
  return { title: fix.title, out };
}

describe('taskdef quick fix: Add awslogs log configuration', () => {
  it('adds group /ecs/<family>, the region, stream prefix ecs and awslogs-create-group to a container without logConfiguration', () => {
    const t = def([{ name: 'web', image: 'nginx', essential: true }, { name: 'side', image: 'busybox', essential: false }]);
    const { title, out } = applyFirst(t, t.indexOf('"side"'), 'eu-west-1');
    assert.strictEqual(title, 'Add awslogs log configuration to "side"');
    const parsed = JSON.parse(out);
    assert.strictEqual(parsed.containerDefinitions[0].logConfiguration, undefined, 'only the container at the cursor');
    assert.deepStrictEqual(parsed.containerDefinitions[1].logConfiguration, {
      logDriver: 'awslogs',
      options: { 'awslogs-group': '/ecs/shop', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs', 'awslogs-create-group': 'true' },
    });
    assert.deepStrictEqual(validate(out).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), []);
  });

  it('replaces a driver Show Logs cannot read, with a placeholder region when none is known', () => {
    const t = def([{ name: 'web', image: 'nginx', logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://s:8088' } } }]);
    const { title, out } = applyFirst(t, t.indexOf('splunk-url'), undefined);
    assert.strictEqual(title, 'Add awslogs log configuration to "web" (replacing splunk)');
    assert.strictEqual(JSON.parse(out).containerDefinitions[0].logConfiguration.options['awslogs-region'], '${AWS_REGION}');
  });

  it('is not offered where the logs can be read (awslogs, FireLens to CloudWatch) or outside a container', () => {
    const t = def([
      { name: 'a', image: 'x', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } } },
      { name: 'b', image: 'x', logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch_logs', log_group_name: 'g', region: 'us-east-1' } } },
    ]);
    assert.deepStrictEqual(awslogsFixes(t, t.indexOf('"a"'), 'us-east-1'), []);
    assert.deepStrictEqual(awslogsFixes(t, t.indexOf('"b"'), 'us-east-1'), []);
    assert.deepStrictEqual(awslogsFixes(t, t.indexOf('"family"'), 'us-east-1'), []);
  });
});
