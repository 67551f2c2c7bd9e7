/**
 * STS GetCallerIdentity (the account's `emulator` user, or the role session of a temporary key the
 * emulator issued), AssumeRole and GetSessionToken (temporary `ASIA…` keys, expiring on the
 * credential clock: see kit/clock.ts).
 */
import type * as sts from '../../generated/sts';
import { partitionOf } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import type { IssuedCredentials } from '../../kit/identity';
import { defineService } from '../../kit/service';

function asSts(c: IssuedCredentials): sts.Credentials {
  return { AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey, SessionToken: c.sessionToken, Expiration: c.expiration };
}

export const stsService = defineService<sts.Operations>({
  model: 'sts',
  iamPrefix: 'sts',
  handlers: {
    GetCallerIdentity: (_input, { caller }) => ({ UserId: caller.userId, Account: caller.account, Arn: caller.arn }),

    AssumeRole: (input, { core, region }) => {
      const m = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(input.RoleArn);
      if (!m) {
        throw new AwsError('ValidationError', `${input.RoleArn} is invalid`);
      }
      const roleId = `AROA${core.rnd.hex(16).toUpperCase()}`;
      const user = { AssumedRoleId: `${roleId}:${input.RoleSessionName}`, Arn: `arn:${partitionOf(region.name)}:sts::${m[1]}:assumed-role/${m[2]}/${input.RoleSessionName}` };
      const issued = core.identities.issue(core, { arn: user.Arn, account: m[1], userId: user.AssumedRoleId }, (input.DurationSeconds ?? 3600) * 1000);
      return { Credentials: asSts(issued), AssumedRoleUser: user };
    },

    GetSessionToken: (input, { core, caller }) => ({
      Credentials: asSts(core.identities.issue(core, caller, (input.DurationSeconds ?? 43200) * 1000)),
    }),
  },
});
