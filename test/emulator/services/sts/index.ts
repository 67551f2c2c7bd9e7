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
import { roleUsed } from '../iam/index';

function asSts(c: IssuedCredentials): sts.Credentials {
  return { AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey, SessionToken: c.sessionToken, Expiration: c.expiration };
}

/**
 * "A percentage value that indicates the packed size of the session policies and session tags
 * combined passed in the request" (API_AssumeRole.html), returned when some were passed. AWS's
 * packing is not public: the emulator counts characters against the 2,048 a session policy may have.
 */
function packedSize(input: sts.AssumeRoleRequest): number | undefined {
  const chars = (input.Policy?.length ?? 0) + (input.PolicyArns ?? []).reduce((n, p) => n + (p.arn?.length ?? 0), 0) + (input.Tags ?? []).reduce((n, t) => n + t.Key.length + t.Value.length, 0);
  if (!input.Policy && !input.PolicyArns?.length && !input.Tags?.length) {
    return undefined;
  }
  const percent = Math.max(1, Math.ceil((chars / 2048) * 100));
  if (percent > 100) {
    throw new AwsError('PackedPolicyTooLargeException', `Packed size of consumed session policies and session tags exceeds the limit (${percent}% of the allowed size).`);
  }
  return percent;
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
      roleUsed(core, input.RoleArn, region.name);
      return { Credentials: asSts(issued), AssumedRoleUser: user, PackedPolicySize: packedSize(input) };
    },

    GetSessionToken: (input, { core, caller }) => ({
      Credentials: asSts(core.identities.issue(core, caller, (input.DurationSeconds ?? 43200) * 1000)),
    }),
  },
});
