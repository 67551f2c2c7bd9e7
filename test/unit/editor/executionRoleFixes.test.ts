import * as assert from 'assert';
import { applyEdits } from 'jsonc-parser';
import { loadSdk } from '../../../src/aws/sdkLoader';
import { AwsLiveValues } from '../../../src/editor/liveValues';
import { ParsedDocument } from '../../../src/taskdef/document';
import { TaskdefLanguageService } from '../../../src/taskdef/languageService';
import { MAX_ROLE_FIXES, executionRoleFixes } from '../../../src/taskdef/quickfix';
import type { QuickFix } from '../../../src/taskdef/types';
import { validate } from '../../../src/taskdef/validate';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';
import { fargateTask } from '../taskdef/helpers';

const ACCOUNT = '123456789012';

function apply(text: string, fix: QuickFix): string {
  const doc = new ParsedDocument(text);
  return applyEdits(text, fix.edits.map((e) => ({ offset: doc.offsetAt(e.range.start), length: doc.offsetAt(e.range.end) - doc.offsetAt(e.range.start), content: e.newText })));
}

describe('quick fix: a missing executionRoleArn offers the account\'s roles trusted by ecs-tasks.amazonaws.com (emulator, real SDK)', () => {
  let account: UnitEmulatorAccount;
  let service: TaskdefLanguageService;

  before(async () => {
    account = await startEmulatorAccount();
    service = new TaskdefLanguageService({ liveValues: new AwsLiveValues(account.manager, loadSdk) });
  });
  after(() => account.close());

  const missingRole = (text: string) => validate(text, { kind: 'task' }).diagnostics.find((d) => d.code === 'execution-role-required');

  it('awslogs on Fargate: the roles from IAM ListRoles, the execution role first and preferred; applying one clears the error', async () => {
    const text = JSON.stringify(fargateTask({ executionRoleArn: undefined }), null, 2);
    const diagnostic = missingRole(text);
    assert.ok(diagnostic, 'the linter requires the role here');
    const fixes = (await service.quickFixes(text, diagnostic, 'task')).filter((f) => f.title.includes('executionRoleArn'));
    assert.deepStrictEqual(fixes.map((f) => f.title), [
      'Set "executionRoleArn" to role ecsTaskExecutionRole',
      'Set "executionRoleArn" to role demo-api-task-role',
      'Set "executionRoleArn" to role demo-worker-task-role',
    ]);
    assert.deepStrictEqual(fixes.map((f) => f.isPreferred), [true, false, false]);
    assert.ok(account.emulator.calls().get('iam:ListRoles'), 'asked IAM');
    const fixed = apply(text, fixes[0]);
    assert.strictEqual((JSON.parse(fixed) as { executionRoleArn: string }).executionRoleArn, `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`);
    assert.deepStrictEqual(validate(fixed, { kind: 'task' }).diagnostics.map((d) => d.code), []);
  });

  it('secrets and a private ECR image, an empty "executionRoleArn" replaced in place; never a role ECS tasks cannot assume', async () => {
    const secrets = { secrets: [{ name: 'DB', valueFrom: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db` }], logConfiguration: undefined };
    const text = JSON.stringify(fargateTask({ executionRoleArn: '' }, secrets), null, 2);
    const diagnostic = missingRole(text)!;
    const fixes = await service.quickFixes(text, diagnostic, 'task');
    const titles = fixes.map((f) => f.title).join(' | ');
    for (const untrusted of ['ecsInstanceRole', 'lambda-basic-execution', 'AWSServiceRoleForECS']) assert.ok(!titles.includes(untrusted), titles);
    const fixed = apply(text, fixes[0]);
    assert.strictEqual((fixed.match(/"executionRoleArn"/g) ?? []).length, 1, fixed);
    assert.deepStrictEqual(validate(fixed, { kind: 'task' }).diagnostics.map((d) => d.code), []);
  });

  it('at most a few roles, and none for another diagnostic or without live values', () => {
    const text = JSON.stringify(fargateTask({ executionRoleArn: undefined }));
    const diagnostic = missingRole(text)!;
    const many = Array.from({ length: 50 }, (_, i) => ({ value: `arn:aws:iam::${ACCOUNT}:role/r${i}` }));
    assert.strictEqual(executionRoleFixes(text, diagnostic, many).length, MAX_ROLE_FIXES);
    assert.deepStrictEqual(executionRoleFixes(text, { ...diagnostic, code: 'invalid-image' }, many), []);
  });

  it('an account that refuses ListRoles: no role fixes, and no long wait for them', async () => {
    account.emulator.faults.set({ accessDenied: [{ action: 'iam:ListRoles' }] });
    try {
      const fresh = new TaskdefLanguageService({ liveValues: new AwsLiveValues(account.manager, loadSdk) });
      const text = JSON.stringify(fargateTask({ executionRoleArn: undefined }));
      const started = Date.now();
      assert.deepStrictEqual(await fresh.quickFixes(text, missingRole(text)!, 'task', 1000), []);
      assert.ok(Date.now() - started < 1500);
      assert.deepStrictEqual(await new TaskdefLanguageService().quickFixes(text, missingRole(text)!, 'task'), [], 'no live values: no role fixes');
    } finally {
      account.emulator.faults.clear();
    }
  });
});
