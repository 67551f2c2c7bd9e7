/**
 * Who a request's credentials stand for. Any access key is accepted as the account's `emulator`
 * user; temporary keys the emulator issued (STS, IAM Identity Center) stand for their role session
 * until they expire on the credential clock (see clock.ts), after which AWS refuses them with
 * ExpiredTokenException.
 */
import { ACCOUNT, globalArn } from './arn';
import type { Core } from './world';

export interface Identity {
  arn: string;
  account: string;
  userId: string;
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

interface Issued {
  identity: Identity;
  expiresAtMs: number;
}

/** The identity of any key the emulator did not issue. */
export function defaultIdentity(region: string): Identity {
  return { arn: globalArn('iam', region, 'user/emulator'), account: ACCOUNT, userId: 'AIDAEMULATOR00EXAMPLE' };
}

export class Identities {
  private readonly issued = new Map<string, Issued>();

  /** Temporary credentials (`ASIA…` keys) for `identity`, valid `ttlMs` on the credential clock. */
  issue(core: Core, identity: Identity, ttlMs: number): IssuedCredentials {
    const accessKeyId = `ASIA${core.rnd.hex(16).toUpperCase()}`;
    const expiresAtMs = core.sched.credentialNowMs() + ttlMs;
    this.issued.set(accessKeyId, { identity, expiresAtMs });
    return {
      accessKeyId,
      secretAccessKey: core.rnd.token(40),
      sessionToken: Buffer.from(`emulator-session:${accessKeyId}:${core.rnd.hex(32)}`).toString('base64'),
      expiration: new Date(expiresAtMs),
    };
  }

  /** The identity of an issued key, `expired` when past its expiry, undefined for other keys. */
  lookup(core: Core, accessKeyId: string | undefined): { identity: Identity; expired: boolean } | undefined {
    const found = accessKeyId ? this.issued.get(accessKeyId) : undefined;
    return found && { identity: found.identity, expired: core.sched.credentialNowMs() >= found.expiresAtMs };
  }
}
