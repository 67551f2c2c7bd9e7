import * as assert from 'assert';
import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { rejectsWith, sdkConfig, useEmulator } from './helpers';

const HOUR = 3600_000;

describe('emulator: credentials expire on the credential clock (wall clock + manual advances)', () => {
  const ctx = useEmulator({ seed: 'demo' });

  it('an ECR authorization token expires 12 hours from now on the wall clock, whatever the emulated date', async () => {
    assert.ok(ctx.emu.clock.now().getTime() < Date.now() - 24 * HOUR, 'the manual clock starts in the past');
    const t = (await new ECRClient(sdkConfig(ctx.emu)).send(new GetAuthorizationTokenCommand({}))).authorizationData![0];
    const left = t.expiresAt!.getTime() - Date.now();
    assert.ok(Math.abs(left - 12 * HOUR) < 60_000, `expires in ${left} ms`);
    await ctx.emu.clock.advance(2 * HOUR);
    const later = (await new ECRClient(sdkConfig(ctx.emu)).send(new GetAuthorizationTokenCommand({}))).authorizationData![0];
    assert.ok(Math.abs(later.expiresAt!.getTime() - Date.now() - 14 * HOUR) < 60_000, 'advancing the manual clock moves credential time too');
  });

  it('STS temporary keys are refused with ExpiredTokenException once their duration has passed', async () => {
    const sts = new STSClient(sdkConfig(ctx.emu));
    const r = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/Admin', RoleSessionName: 'short', DurationSeconds: 900 }));
    assert.ok(Math.abs(r.Credentials!.Expiration!.getTime() - ctx.emu.clock.credentialNow().getTime() - 900_000) < 5_000);
    const as = new STSClient({ ...sdkConfig(ctx.emu), credentials: { accessKeyId: r.Credentials!.AccessKeyId!, secretAccessKey: r.Credentials!.SecretAccessKey!, sessionToken: r.Credentials!.SessionToken } });
    assert.strictEqual((await as.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::123456789012:assumed-role/Admin/short');
    await ctx.emu.clock.advance(16 * 60_000);
    const e = await rejectsWith(as.send(new GetCallerIdentityCommand({})), 'ExpiredToken');
    assert.strictEqual(e.message, 'The security token included in the request is expired');
  });
});
