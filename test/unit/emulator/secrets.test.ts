import * as assert from 'assert';
import { SecretsManagerClient, ListSecretsCommand, DescribeSecretCommand, GetSecretValueCommand, CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { SSMClient, GetParameterCommand, GetParametersCommand, GetParametersByPathCommand, DescribeParametersCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { rejectsWith, sdkConfig, useEmulator } from './helpers';

describe('emulator: Secrets Manager and SSM Parameter Store', () => {
  const ctx = useEmulator({ seed: 'demo' });

  it('lists, describes and reads secrets by name or ARN', async () => {
    const sm = new SecretsManagerClient(sdkConfig(ctx.emu));
    const list = await sm.send(new ListSecretsCommand({}));
    assert.deepStrictEqual(list.SecretList?.map((s) => s.Name), ['demo/api/db-password', 'demo/worker/api-key']);
    const arn = list.SecretList![0].ARN!;
    assert.match(arn, /^arn:aws:secretsmanager:us-east-1:123456789012:secret:demo\/api\/db-password-[A-Za-z]{6}$/);
    const d = await sm.send(new DescribeSecretCommand({ SecretId: arn }));
    assert.strictEqual(d.Name, 'demo/api/db-password');
    const v = await sm.send(new GetSecretValueCommand({ SecretId: 'demo/api/db-password' }));
    assert.strictEqual(JSON.parse(v.SecretString!).username, 'api');
    assert.deepStrictEqual(v.VersionStages, ['AWSCURRENT']);
    await rejectsWith(sm.send(new GetSecretValueCommand({ SecretId: 'ghost' })), 'ResourceNotFoundException');
    await sm.send(new CreateSecretCommand({ Name: 'new/one', SecretString: 's' }));
    await rejectsWith(sm.send(new CreateSecretCommand({ Name: 'new/one', SecretString: 's' })), 'ResourceExistsException');
  });

  it('reads parameters (SecureString only decrypted on request), by path, and describes them', async () => {
    const ssm = new SSMClient(sdkConfig(ctx.emu));
    const p = await ssm.send(new GetParameterCommand({ Name: '/demo/api/LOG_LEVEL' }));
    assert.strictEqual(p.Parameter?.Value, 'info');
    assert.strictEqual(p.Parameter?.ARN, 'arn:aws:ssm:us-east-1:123456789012:parameter/demo/api/LOG_LEVEL');
    const enc = await ssm.send(new GetParameterCommand({ Name: '/demo/api/DATABASE_URL' }));
    assert.notStrictEqual(enc.Parameter?.Value, 'postgres://api@db.internal:5432/demo');
    const dec = await ssm.send(new GetParameterCommand({ Name: '/demo/api/DATABASE_URL', WithDecryption: true }));
    assert.strictEqual(dec.Parameter?.Value, 'postgres://api@db.internal:5432/demo');
    await rejectsWith(ssm.send(new GetParameterCommand({ Name: '/nope' })), 'ParameterNotFound');
    const many = await ssm.send(new GetParametersCommand({ Names: ['/demo/api/LOG_LEVEL', '/nope'] }));
    assert.deepStrictEqual(many.InvalidParameters, ['/nope']);
    const byPath = await ssm.send(new GetParametersByPathCommand({ Path: '/demo', Recursive: true }));
    assert.strictEqual(byPath.Parameters?.length, 3);
    const shallow = await ssm.send(new GetParametersByPathCommand({ Path: '/demo' }));
    assert.strictEqual(shallow.Parameters?.length, 0);
    const desc = await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Option: 'BeginsWith', Values: ['/demo/api'] }] }));
    assert.deepStrictEqual(desc.Parameters?.map((x) => x.Name), ['/demo/api/DATABASE_URL', '/demo/api/LOG_LEVEL']);
    await rejectsWith(ssm.send(new PutParameterCommand({ Name: '/demo/api/LOG_LEVEL', Value: 'debug', Type: 'String' })), 'ParameterAlreadyExists');
    const put = await ssm.send(new PutParameterCommand({ Name: '/demo/api/LOG_LEVEL', Value: 'debug', Type: 'String', Overwrite: true }));
    assert.strictEqual(put.Version, 2);
  });
});
