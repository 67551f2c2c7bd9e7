import * as assert from 'assert';
import * as fs from 'fs';
import type { ClientManager } from '../../../src/aws/clientManager';
import { checkExecReadiness } from '../../../src/exec/readiness';
import { addRole, putRolePolicy } from '../../emulator/services/iam/index';
import { DEMO_EXEC_KEY_ID } from '../../emulator/services/kms/index';
import { check, CLUSTER, failed, runTask, taskOfService, useDemoAccount } from './readinessFixture';

const KEY_ARN = `arn:aws:kms:us-east-1:123456789012:key/${DEMO_EXEC_KEY_ID}`;

async function configureCluster(clients: ClientManager, executeCommandConfiguration: Record<string, unknown>): Promise<void> {
  const { sdk, client } = await clients.clientWithSdk('ecs');
  await client.send(new sdk.ecs.UpdateClusterCommand({ cluster: CLUSTER, configuration: { executeCommandConfiguration } }));
}

describe('exec: readiness check of permissions, logging and the KMS key', () => {
  const ctx = useDemoAccount();

  it('a KMS key the caller (an assumed role) cannot use fails caller-kms; the key and the task role are fine', async () => {
    const { manager, emulator } = ctx.account;
    const core = emulator.region().world.core;
    addRole(core, 'exec-developer', 'ec2.amazonaws.com');
    putRolePolicy(core, 'exec-developer', 'ecs', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ecs:*', 'iam:GetRole', 'iam:SimulatePrincipalPolicy', 'logs:Describe*', 'kms:DescribeKey'], Resource: '*' }] });
    fs.appendFileSync(process.env.AWS_CONFIG_FILE!, '[profile developer]\nrole_arn = arn:aws:iam::123456789012:role/exec-developer\nsource_profile = t\nregion = us-east-1\n');
    await configureCluster(manager, { kmsKeyId: 'alias/ecs-exec' });
    const task = await taskOfService(manager, 'api');
    const report = await checkExecReadiness(manager, { cluster: CLUSTER, task, scope: { profile: 'developer' } });
    assert.deepStrictEqual(failed(report), ['caller-kms']);
    const caller = check(report, 'caller-kms');
    assert.match(caller.message, new RegExp(`^You \\(arn:aws:iam::123456789012:role/exec-developer\\) may not call kms:GenerateDataKey on key ${KEY_ARN}\\.$`));
    assert.match(caller.fix!, /^Allow kms:GenerateDataKey on arn:aws:kms:.* to you, in an IAM policy and in the key's key policy/);
    assert.strictEqual(check(report, 'kms-key').message, `The cluster encrypts ECS Exec sessions with KMS key ${KEY_ARN} (enabled).`);
    assert.strictEqual(check(report, 'task-role-kms').message, `Task role demo-api-task-role may call kms:Decrypt on key ${KEY_ARN}.`);
    // The caller may ExecuteCommand: its assumed-role session was simulated as its role.
    assert.match(check(report, 'caller-execute-command').message, /^You \(arn:aws:iam::123456789012:role\/exec-developer\) may call ecs:ExecuteCommand/);
  });

  it('a KMS key that does not exist, or is disabled, fails kms-key', async () => {
    const { manager } = ctx.account;
    const task = await taskOfService(manager, 'api');
    await configureCluster(manager, { kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-4333-8444-555555555555' });
    const missing = await checkExecReadiness(manager, { cluster: CLUSTER, task, scope: {} });
    assert.deepStrictEqual(failed(missing), ['kms-key']);
    assert.match(check(missing, 'kms-key').message, /does not exist in this region/);
    const { sdk, client } = await manager.clientWithSdk('kms');
    await client.send(new sdk.kms.DisableKeyCommand({ KeyId: DEMO_EXEC_KEY_ID }));
    await configureCluster(manager, { kmsKeyId: DEMO_EXEC_KEY_ID });
    const disabled = await checkExecReadiness(manager, { cluster: CLUSTER, task, scope: {} });
    assert.deepStrictEqual([failed(disabled), check(disabled, 'kms-key').message], [['kms-key'], `The cluster's ECS Exec KMS key ${KEY_ARN} is Disabled.`]);
    assert.match(check(disabled, 'kms-key').fix!, /^Enable key/);
  });

  it('logging OVERRIDE: a missing log group fails; an existing one the task role may write passes', async () => {
    const { manager } = ctx.account;
    const task = await taskOfService(manager, 'api');
    await configureCluster(manager, { logging: 'OVERRIDE', logConfiguration: { cloudWatchLogGroupName: '/ecs/exec-audit', s3BucketName: 'demo-exec-audit', s3KeyPrefix: 'sessions/', s3EncryptionEnabled: true } });
    const missing = await checkExecReadiness(manager, { cluster: CLUSTER, task, scope: {} });
    assert.deepStrictEqual(failed(missing), ['exec-logging']);
    assert.strictEqual(check(missing, 'exec-logging').message, 'Cluster demo-fargate logs sessions to log group /ecs/exec-audit, which does not exist.');
    const { sdk, client } = await manager.clientWithSdk('logs');
    await client.send(new sdk.logs.CreateLogGroupCommand({ logGroupName: '/ecs/exec-audit' }));
    const ready = await checkExecReadiness(manager, { cluster: CLUSTER, task, scope: {} });
    assert.deepStrictEqual(failed(ready), []);
    assert.match(check(ready, 'exec-logging').message, /^Cluster demo-fargate logs sessions to log group \/ecs\/exec-audit and S3 bucket demo-exec-audit\/sessions\/ \(logging OVERRIDE\)/);
    assert.match(check(ready, 'exec-logging-permissions').message, /^Task role demo-api-task-role may write the session logs \(logs:DescribeLogGroups, logs:CreateLogStream, .*s3:PutObject, s3:GetEncryptionConfiguration\)\.$/);
  });

  it('logging OVERRIDE with a task role that may not write there fails exec-logging-permissions', async () => {
    const { manager, emulator } = ctx.account;
    putRolePolicy(emulator.region().world.core, 'demo-worker-task-role', 'ecs-exec', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssmmessages:*', Resource: '*' }] });
    const task = await runTask(ctx.account, { taskDefinition: 'demo-worker:1', enableExecuteCommand: true });
    await configureCluster(manager, { logging: 'OVERRIDE', logConfiguration: { s3BucketName: 'demo-exec-audit' } });
    const report = await checkExecReadiness(manager, { cluster: CLUSTER, task, scope: {} });
    assert.deepStrictEqual(failed(report), ['exec-logging-permissions']);
    const perms = check(report, 'exec-logging-permissions');
    assert.strictEqual(perms.message, 'Task role demo-worker-task-role may not call s3:PutObject on arn:aws:s3:::demo-exec-audit/*.');
    assert.strictEqual(perms.fix, 'Allow s3:PutObject on arn:aws:s3:::demo-exec-audit/* in a policy of role demo-worker-task-role: the agent writes the session log with the task role.');
  });

  it('without iam:SimulatePrincipalPolicy the permission checks say they could not verify, and do not fail', async () => {
    const { manager, emulator } = ctx.account;
    emulator.faults.set({ accessDenied: [{ action: 'iam:SimulatePrincipalPolicy' }] });
    const task = await taskOfService(manager, 'api');
    const report = await checkExecReadiness(manager, { cluster: CLUSTER, task, scope: {} });
    assert.strictEqual(report.ready, true);
    const caller = check(report, 'caller-execute-command');
    assert.deepStrictEqual([caller.ok, caller.unverified], [true, true]);
    assert.match(caller.message, /^Could not verify that you \(arn:aws:iam::123456789012:user\/emulator\) may call ecs:ExecuteCommand on task [0-9a-f]+: iam:SimulatePrincipalPolicy was denied/);
    assert.deepStrictEqual([check(report, 'task-role').ok, check(report, 'task-role').unverified], [true, true]);
  });
});
