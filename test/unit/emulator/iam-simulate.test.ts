import * as assert from 'assert';
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { addRole, putRolePolicy } from '../../emulator/services/iam/index';
import { rejectsWith, sdkConfig, useEmulator } from './helpers';

const ROLE = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
const SSM_CHANNELS = ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'];

describe('emulator: IAM SimulatePrincipalPolicy', () => {
  const ctx = useEmulator({ seed: 'demo' });
  const iam = () => new IAMClient(sdkConfig(ctx.emu));

  it('the demo API task role may open ECS Exec channels; the worker role may not', async () => {
    const api = await iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: ROLE('demo-api-task-role'), ActionNames: SSM_CHANNELS }));
    assert.deepStrictEqual(api.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision]), SSM_CHANNELS.map((a) => [a, '*', 'allowed']));
    assert.deepStrictEqual(api.EvaluationResults?.[0].MatchedStatements, [{ SourcePolicyId: 'ecs-exec', SourcePolicyType: 'role' }]);
    assert.strictEqual(api.IsTruncated, false);
    const worker = await iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: ROLE('demo-worker-task-role'), ActionNames: SSM_CHANNELS }));
    assert.deepStrictEqual(worker.EvaluationResults?.map((r) => r.EvalDecision), ['implicitDeny', 'implicitDeny', 'implicitDeny', 'implicitDeny']);
    assert.deepStrictEqual(worker.EvaluationResults?.[0].MatchedStatements, []);
  });

  it('evaluates each action on each resource, with wildcards in actions (any case) and resources', async () => {
    const out = await iam().send(new SimulatePrincipalPolicyCommand({
      PolicySourceArn: ROLE('demo-api-task-role'),
      ActionNames: ['LOGS:putlogevents', 'logs:DeleteLogGroup'],
      ResourceArns: ['arn:aws:logs:us-east-1:123456789012:log-group:/ecs/exec:*', 'arn:aws:logs:us-east-1:123456789012:log-group:/other:*'],
    }));
    assert.deepStrictEqual(out.EvaluationResults?.map((r) => `${r.EvalActionName} ${r.EvalResourceName?.split(':')[6]} ${r.EvalDecision}`), [
      'LOGS:putlogevents /ecs/exec allowed', 'LOGS:putlogevents /other implicitDeny', 'logs:DeleteLogGroup /ecs/exec implicitDeny', 'logs:DeleteLogGroup /other implicitDeny',
    ]);
  });

  it('an explicit Deny wins over an Allow, managed policies count, and PolicyInputList adds documents', async () => {
    const core = ctx.emu.region().world.core;
    addRole(core, 'limited-developer', 'ec2.amazonaws.com');
    putRolePolicy(core, 'limited-developer', 'ecs', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ecs:*', 'kms:*'], Resource: '*' }] });
    putRolePolicy(core, 'limited-developer', 'no-exec-key', { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'kms:GenerateDataKey', Resource: 'arn:aws:kms:*:123456789012:key/0e5ec0de-*' }] });
    const out = await iam().send(new SimulatePrincipalPolicyCommand({
      PolicySourceArn: ROLE('limited-developer'),
      ActionNames: ['kms:GenerateDataKey', 'ecs:ExecuteCommand', 'ssm:StartSession'],
      ResourceArns: ['arn:aws:kms:us-east-1:123456789012:key/0e5ec0de-1a2b-4c3d-8e4f-ec5e0000e7ec'],
    }));
    assert.deepStrictEqual(out.EvaluationResults?.map((r) => [r.EvalDecision, r.MatchedStatements?.map((m) => m.SourcePolicyId)]), [['explicitDeny', ['no-exec-key']], ['allowed', ['ecs']], ['implicitDeny', []]]);
    const withInput = await iam().send(new SimulatePrincipalPolicyCommand({
      PolicySourceArn: ROLE('limited-developer'), ActionNames: ['ssm:StartSession'],
      PolicyInputList: [JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' } })],
    }));
    assert.deepStrictEqual(withInput.EvaluationResults?.map((r) => [r.EvalDecision, r.MatchedStatements]), [['allowed', [{ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none' }]]]);
    const execution = await iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: ROLE('ecsTaskExecutionRole'), ActionNames: ['ecr:BatchGetImage'] }));
    assert.deepStrictEqual(execution.EvaluationResults?.[0].MatchedStatements, [{ SourcePolicyId: 'AmazonECSTaskExecutionRolePolicy', SourcePolicyType: 'aws-managed' }]);
  });

  it('the emulator user is an administrator', async () => {
    const out = await iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:iam::123456789012:user/emulator', ActionNames: ['ecs:ExecuteCommand', 'kms:GenerateDataKey'] }));
    assert.deepStrictEqual(out.EvaluationResults?.map((r) => r.EvalDecision), ['allowed', 'allowed']);
  });

  it('conditions use the context entries; a key not given is reported missing', async () => {
    const core = ctx.emu.region().world.core;
    addRole(core, 'tagged-only', 'ec2.amazonaws.com');
    putRolePolicy(core, 'tagged-only', 'exec-tagged', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecs:ExecuteCommand', Resource: '*', Condition: { StringEquals: { 'ecs:ResourceTag/env': 'dev' } } }] });
    const ask = (entries?: { ContextKeyName: string; ContextKeyValues: string[]; ContextKeyType: 'string' }[]) =>
      iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: ROLE('tagged-only'), ActionNames: ['ecs:ExecuteCommand'], ContextEntries: entries }));
    const missing = await ask();
    assert.deepStrictEqual([missing.EvaluationResults?.[0].EvalDecision, missing.EvaluationResults?.[0].MissingContextValues], ['implicitDeny', ['ecs:ResourceTag/env']]);
    const dev = await ask([{ ContextKeyName: 'ecs:ResourceTag/env', ContextKeyValues: ['dev'], ContextKeyType: 'string' }]);
    assert.strictEqual(dev.EvaluationResults?.[0].EvalDecision, 'allowed');
    const prod = await ask([{ ContextKeyName: 'ecs:resourcetag/env', ContextKeyValues: ['prod'], ContextKeyType: 'string' }]);
    assert.strictEqual(prod.EvaluationResults?.[0].EvalDecision, 'implicitDeny');
  });

  it('pages with MaxItems and Marker', async () => {
    const first = await iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: ROLE('demo-api-task-role'), ActionNames: SSM_CHANNELS, MaxItems: 3 }));
    assert.deepStrictEqual([first.EvaluationResults?.length, first.IsTruncated], [3, true]);
    const rest = await iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: ROLE('demo-api-task-role'), ActionNames: SSM_CHANNELS, MaxItems: 3, Marker: first.Marker }));
    assert.deepStrictEqual([rest.EvaluationResults?.map((r) => r.EvalActionName), rest.IsTruncated], [['ssmmessages:OpenDataChannel'], false]);
  });

  it('refuses an assumed-role session ARN and an unknown principal', async () => {
    const assumed = await rejectsWith(iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:sts::123456789012:assumed-role/demo-api-task-role/s', ActionNames: ['ecs:ListTasks'] })), 'InvalidInputException');
    assert.match(assumed.message, /user, group or role/);
    const ghost = await rejectsWith(iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: ROLE('ghost'), ActionNames: ['ecs:ListTasks'] })), 'NoSuchEntityException');
    assert.strictEqual(ghost.message, 'The role with name ghost cannot be found.');
  });
});
