import * as assert from 'assert';
import { CreateAliasCommand, CreateKeyCommand, DecryptCommand, DescribeKeyCommand, DisableKeyCommand, EnableKeyCommand, GenerateDataKeyCommand, KMSClient, ListAliasesCommand } from '@aws-sdk/client-kms';
import { decryptDataKey, DEMO_EXEC_KEY_ID } from '../../emulator/services/kms/index';
import { rejectsWith, sdkConfig, useEmulator } from './helpers';

const KEY_ARN = `arn:aws:kms:us-east-1:123456789012:key/${DEMO_EXEC_KEY_ID}`;

describe('emulator: KMS', () => {
  const ctx = useEmulator({ seed: 'demo' });
  const kms = (region = 'us-east-1') => new KMSClient(sdkConfig(ctx.emu, region));

  it('describes the demo key by id, ARN, alias name and alias ARN', async () => {
    for (const KeyId of [DEMO_EXEC_KEY_ID, KEY_ARN, 'alias/ecs-exec', 'arn:aws:kms:us-east-1:123456789012:alias/ecs-exec']) {
      const out = await kms().send(new DescribeKeyCommand({ KeyId }));
      assert.deepStrictEqual([out.KeyMetadata?.Arn, out.KeyMetadata?.KeyState, out.KeyMetadata?.KeySpec, out.KeyMetadata?.KeyUsage, out.KeyMetadata?.Enabled], [KEY_ARN, 'Enabled', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', true]);
      assert.ok(out.KeyMetadata?.CreationDate instanceof Date);
    }
    const alias = await rejectsWith(kms().send(new DescribeKeyCommand({ KeyId: 'alias/nope' })), 'NotFoundException');
    assert.strictEqual(alias.message, 'Alias arn:aws:kms:us-east-1:123456789012:alias/nope is not found.');
    await rejectsWith(kms().send(new DescribeKeyCommand({ KeyId: '11111111-2222-4333-8444-555555555555' })), 'NotFoundException');
    // KMS keys are regional: another region does not have it.
    await rejectsWith(kms('eu-west-1').send(new DescribeKeyCommand({ KeyId: 'alias/ecs-exec' })), 'NotFoundException');
  });

  it('generates a data key whose ciphertext decrypts only with the same encryption context', async () => {
    const context = { aws: 'ssm', sessionId: 'sess-1' };
    const key = await kms().send(new GenerateDataKeyCommand({ KeyId: 'alias/ecs-exec', NumberOfBytes: 64, EncryptionContext: context }));
    assert.strictEqual(key.KeyId, KEY_ARN);
    assert.strictEqual(key.Plaintext?.length, 64);
    const back = await kms().send(new DecryptCommand({ CiphertextBlob: key.CiphertextBlob, EncryptionContext: { sessionId: 'sess-1', aws: 'ssm' } }));
    assert.deepStrictEqual([back.KeyId, Buffer.from(back.Plaintext!).equals(Buffer.from(key.Plaintext!)), back.EncryptionAlgorithm], [KEY_ARN, true, 'SYMMETRIC_DEFAULT']);
    await rejectsWith(kms().send(new DecryptCommand({ CiphertextBlob: key.CiphertextBlob, EncryptionContext: { aws: 'ssm', sessionId: 'sess-2' } })), 'InvalidCiphertextException');
    await rejectsWith(kms().send(new DecryptCommand({ CiphertextBlob: key.CiphertextBlob })), 'InvalidCiphertextException');
    await rejectsWith(kms().send(new DecryptCommand({ CiphertextBlob: Buffer.from('not a ciphertext of this KMS') })), 'InvalidCiphertextException');
    // The emulator's own services open it the same way (the ECS Exec agent).
    assert.ok(decryptDataKey(ctx.emu.region().world.core, 'us-east-1', key.CiphertextBlob!, context).equals(Buffer.from(key.Plaintext!)));
    assert.throws(() => decryptDataKey(ctx.emu.region().world.core, 'us-east-1', key.CiphertextBlob!, {}), (e: { code?: string }) => e.code === 'InvalidCiphertextException');
  });

  it('takes KeySpec or NumberOfBytes, exactly one', async () => {
    const aes128 = await kms().send(new GenerateDataKeyCommand({ KeyId: DEMO_EXEC_KEY_ID, KeySpec: 'AES_128' }));
    assert.strictEqual(aes128.Plaintext?.length, 16);
    const aes256 = await kms().send(new GenerateDataKeyCommand({ KeyId: DEMO_EXEC_KEY_ID, KeySpec: 'AES_256' }));
    assert.strictEqual(aes256.Plaintext?.length, 32);
    await rejectsWith(kms().send(new GenerateDataKeyCommand({ KeyId: DEMO_EXEC_KEY_ID })), 'ValidationException');
    await rejectsWith(kms().send(new GenerateDataKeyCommand({ KeyId: DEMO_EXEC_KEY_ID, KeySpec: 'AES_256', NumberOfBytes: 32 })), 'ValidationException');
    await rejectsWith(kms().send(new GenerateDataKeyCommand({ KeyId: DEMO_EXEC_KEY_ID, NumberOfBytes: 2048 })), 'ValidationException');
  });

  it('creates keys and aliases, lists aliases, and a disabled key neither generates nor decrypts', async () => {
    const created = await kms().send(new CreateKeyCommand({ Description: 'test key' }));
    const id = created.KeyMetadata!.KeyId!;
    await kms().send(new CreateAliasCommand({ AliasName: 'alias/test', TargetKeyId: id }));
    await rejectsWith(kms().send(new CreateAliasCommand({ AliasName: 'alias/test', TargetKeyId: id })), 'AlreadyExistsException');
    await rejectsWith(kms().send(new CreateAliasCommand({ AliasName: 'alias/aws/mine', TargetKeyId: id })), 'InvalidAliasNameException');
    const all = await kms().send(new ListAliasesCommand({}));
    assert.deepStrictEqual(all.Aliases?.map((a) => [a.AliasName, a.TargetKeyId]), [['alias/ecs-exec', DEMO_EXEC_KEY_ID], ['alias/test', id]]);
    const paged = await kms().send(new ListAliasesCommand({ Limit: 1 }));
    assert.deepStrictEqual([paged.Aliases?.length, paged.Truncated], [1, true]);
    const next = await kms().send(new ListAliasesCommand({ Limit: 1, Marker: paged.NextMarker }));
    assert.deepStrictEqual([next.Aliases?.map((a) => a.AliasName), next.Truncated], [['alias/test'], false]);
    const ofKey = await kms().send(new ListAliasesCommand({ KeyId: id }));
    assert.deepStrictEqual(ofKey.Aliases?.map((a) => a.AliasName), ['alias/test']);

    const dataKey = await kms().send(new GenerateDataKeyCommand({ KeyId: 'alias/test', KeySpec: 'AES_256' }));
    await rejectsWith(kms().send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob, KeyId: DEMO_EXEC_KEY_ID })), 'IncorrectKeyException');
    await kms().send(new DisableKeyCommand({ KeyId: id }));
    assert.strictEqual((await kms().send(new DescribeKeyCommand({ KeyId: id }))).KeyMetadata?.KeyState, 'Disabled');
    await rejectsWith(kms().send(new GenerateDataKeyCommand({ KeyId: id, KeySpec: 'AES_256' })), 'DisabledException');
    await rejectsWith(kms().send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob })), 'DisabledException');
    await kms().send(new EnableKeyCommand({ KeyId: id }));
    const back = await kms().send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob }));
    assert.ok(Buffer.from(back.Plaintext!).equals(Buffer.from(dataKey.Plaintext!)));
    await rejectsWith(kms().send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' })), 'UnsupportedOperationException');
  });
});
