import * as assert from 'assert';
import { newRevisionText } from '../../../src/taskdef/quickfix';
import { isEmptyDefinition, validate } from '../../../src/taskdef/validate';
import { fargateTask } from './helpers';

/** A registered revision as DescribeTaskDefinition (include TAGS) returns it, serialised as the explorer shows it. */
const REGISTERED = {
  taskDefinition: {
    ...fargateTask(),
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
    revision: 7,
    status: 'ACTIVE',
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.task-eni' }],
    compatibilities: ['EC2', 'FARGATE'],
    registeredAt: '2025-01-10T10:00:00.000Z',
    registeredBy: 'arn:aws:iam::123456789012:user/dev',
    deregisteredAt: '2025-02-10T10:00:00.000Z',
  },
  tags: [{ key: 'team', value: 'web' }],
};
const READ_ONLY = ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt'];

describe('taskdef: a registered revision (describe output)', () => {
  const text = JSON.stringify(REGISTERED, null, 2);

  it('shown as describe output: no warning about its own read-only fields or wrapper', () => {
    assert.deepStrictEqual(validate(text, { kind: 'task', describeOutput: true }).diagnostics, []);
    const asFile = validate(text, { kind: 'task' }).diagnostics.map((d) => d.code);
    assert.strictEqual(asFile.filter((c) => c === 'read-only-field').length, READ_ONLY.length, 'in a file to register they are still reported');
    assert.ok(asFile.includes('wrapped-task-definition'));
  });

  it('describe output is no excuse for a real problem', () => {
    const broken = { ...REGISTERED, taskDefinition: { ...REGISTERED.taskDefinition, memory: '600' } };
    assert.deepStrictEqual(validate(JSON.stringify(broken), { kind: 'task', describeOutput: true }).diagnostics.map((d) => d.code), ['fargate-invalid-memory']);
  });

  it('as a new revision: the definition without read-only fields, tags kept, no problems left', () => {
    for (const source of [text, JSON.stringify(REGISTERED.taskDefinition, null, 2)]) {
      const out = newRevisionText(source);
      const value = JSON.parse(out) as Record<string, unknown>;
      for (const field of READ_ONLY) assert.ok(!(field in value), `${field} left in ${out}`);
      assert.strictEqual(value.family, 'web');
      assert.deepStrictEqual(validate(out, { kind: 'task' }).diagnostics, []);
    }
    assert.deepStrictEqual((JSON.parse(newRevisionText(text)) as { tags: unknown }).tags, [{ key: 'team', value: 'web' }]);
  });

  it('a new file is empty: blank, or {} with whitespace; anything started is not', () => {
    for (const t of ['', '  \n', '{}', '{ \n }\n']) assert.strictEqual(isEmptyDefinition(t), true, JSON.stringify(t));
    for (const t of ['{"family": "x"}', '[]', '{', 'x']) assert.strictEqual(isEmptyDefinition(t), false, t);
    assert.strictEqual(isEmptyDefinition(' '.repeat(200_000) + 'x'), false);
  });
});
