/**
 * IAM Identity Center, shared by the portal (services/sso) and OIDC (services/sso-oidc): an
 * organisation of accounts with roles, OIDC clients, sign-in sessions with their access and refresh
 * tokens, device authorizations and authorization codes. Clients, sessions and tokens belong to the
 * region whose OIDC endpoint issued them: an access token is valid only at that region's portal.
 * Expiries are on the credential clock (kit/clock.ts).
 */
import { createHash } from 'crypto';
import { ACCOUNT } from '../../kit/arn';
import { perCore, type Core } from '../../kit/world';

export interface OrgAccount {
  accountId: string;
  accountName: string;
  emailAddress: string;
  roles: string[];
}

/** The organisation the portal lists. */
export const ORGANIZATION: OrgAccount[] = [
  { accountId: ACCOUNT, accountName: 'emulator', emailAddress: 'aws+emulator@example.com', roles: ['AdministratorAccess', 'ReadOnlyAccess'] },
  { accountId: '210987654321', accountName: 'staging', emailAddress: 'aws+staging@example.com', roles: ['ReadOnlyAccess', 'ECSDeveloper'] },
];

/** Access tokens and role credentials last an hour; client registrations 90 days. */
export const ACCESS_TOKEN_TTL_S = 3600;
export const ROLE_CREDENTIALS_TTL_MS = 3600_000;
const CLIENT_TTL_MS = 90 * 24 * 3600_000;
const DEVICE_CODE_TTL_S = 600;

export interface OidcClient {
  clientId: string;
  clientSecret: string;
  region: string;
  clientName: string;
  issuedAtMs: number;
  expiresAtMs: number;
  redirectUris: string[];
}

export interface SignInSession {
  region: string;
  startUrl: string;
  user: string;
  revoked: boolean;
}

interface AccessToken {
  session: SignInSession;
  expiresAtMs: number;
}

interface RefreshToken {
  session: SignInSession;
  clientId: string;
}

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  region: string;
  startUrl: string;
  expiresAtMs: number;
  approvedBy?: string;
}

export interface AuthorizationCode {
  clientId: string;
  region: string;
  redirectUri?: string;
  codeChallenge?: string;
  startUrl: string;
  user: string;
  expiresAtMs: number;
}

/** What the AWS SDK and CLI keep in ~/.aws/sso/cache for a session (the token provider's input). */
export interface SessionCacheEntry {
  startUrl: string;
  region: string;
  accessToken: string;
  expiresAt: string;
  refreshToken: string;
  clientId: string;
  clientSecret: string;
  registrationExpiresAt: string;
}

export class SsoState {
  readonly clients = new Map<string, OidcClient>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();
  readonly devices = new Map<string, DeviceAuthorization>();
  readonly codes = new Map<string, AuthorizationCode>();

  constructor(private readonly core: Core) {}

  now(): number {
    return this.core.sched.credentialNowMs();
  }

  registerClient(region: string, clientName: string, redirectUris: string[] = [], ids: { clientId?: string; clientSecret?: string; expiresAtMs?: number } = {}): OidcClient {
    const rnd = this.core.rnd;
    const client: OidcClient = {
      clientId: ids.clientId ?? rnd.token(22),
      clientSecret: ids.clientSecret ?? `eyJraWQiOiJrZXktZW11bGF0b3IifQ.${rnd.token(160)}`,
      region,
      clientName,
      issuedAtMs: this.now(),
      expiresAtMs: ids.expiresAtMs ?? this.now() + CLIENT_TTL_MS,
      redirectUris,
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  /** A new access token (and refresh token) for a session, as CreateToken returns them. */
  issueTokens(session: SignInSession, clientId: string, ids: { accessToken?: string; refreshToken?: string; expiresAtMs?: number } = {}): { accessToken: string; refreshToken: string; expiresIn: number } {
    const rnd = this.core.rnd;
    const accessToken = ids.accessToken ?? `aoa${rnd.token(180)}`;
    const refreshToken = ids.refreshToken ?? `aor${rnd.token(180)}`;
    const expiresAtMs = ids.expiresAtMs ?? this.now() + ACCESS_TOKEN_TTL_S * 1000;
    this.accessTokens.set(accessToken, { session, expiresAtMs });
    this.refreshTokens.set(refreshToken, { session, clientId });
    return { accessToken, refreshToken, expiresIn: Math.max(0, Math.round((expiresAtMs - this.now()) / 1000)) };
  }

  /** The live session an access token stands for at `region`'s portal, if any. */
  sessionOf(accessToken: string, region: string): SignInSession | undefined {
    const t = this.accessTokens.get(accessToken);
    return t && !t.session.revoked && t.session.region === region && this.now() < t.expiresAtMs ? t.session : undefined;
  }

  refresh(refreshToken: string): RefreshToken | undefined {
    const t = this.refreshTokens.get(refreshToken);
    return t && !t.session.revoked ? t : undefined;
  }

  /** A refresh token is used once: CreateToken hands out a new one. */
  retire(refreshToken: string): void {
    this.refreshTokens.delete(refreshToken);
  }

  startDeviceAuthorization(client: OidcClient, startUrl: string): DeviceAuthorization {
    const rnd = this.core.rnd;
    const letters = (): string => rnd.token(4).toUpperCase().replace(/[0-9]/g, 'X');
    const d: DeviceAuthorization = {
      deviceCode: rnd.token(64),
      userCode: `${letters()}-${letters()}`,
      clientId: client.clientId,
      region: client.region,
      startUrl,
      expiresAtMs: this.now() + DEVICE_CODE_TTL_S * 1000,
    };
    this.devices.set(d.deviceCode, d);
    return d;
  }

  /** Seeds a signed-in session as `aws sso login` leaves it (tests). */
  seedSession(opts: { region?: string; startUrl?: string; user?: string; accessToken?: string; expiresAt?: Date; refreshToken?: string; clientId?: string; clientSecret?: string; registrationExpiresAt?: Date }): SessionCacheEntry {
    const region = opts.region ?? 'us-east-1';
    const client = (opts.clientId ? this.clients.get(opts.clientId) : undefined)
      ?? this.registerClient(region, 'botocore-client-emulator', [], { clientId: opts.clientId, clientSecret: opts.clientSecret, expiresAtMs: opts.registrationExpiresAt?.getTime() });
    const session: SignInSession = { region, startUrl: opts.startUrl ?? 'https://emulator.awsapps.com/start', user: opts.user ?? 'emulator-user', revoked: false };
    const t = this.issueTokens(session, client.clientId, { accessToken: opts.accessToken, refreshToken: opts.refreshToken, expiresAtMs: opts.expiresAt?.getTime() });
    return {
      startUrl: session.startUrl,
      region,
      accessToken: t.accessToken,
      expiresAt: new Date(this.accessTokens.get(t.accessToken)!.expiresAtMs).toISOString(),
      refreshToken: t.refreshToken,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      registrationExpiresAt: new Date(client.expiresAtMs).toISOString(),
    };
  }

  /** The user signs in and approves a device code (what the browser step of the device flow does). */
  approveDevice(userCode: string, user = 'emulator-user'): boolean {
    const d = [...this.devices.values()].find((x) => x.userCode === userCode);
    if (d) {
      d.approvedBy = user;
    }
    return d !== undefined;
  }

  /** The user signs in at the authorize endpoint: an authorization code for the PKCE flow. */
  authorize(opts: { clientId: string; redirectUri?: string; codeChallenge?: string; startUrl?: string; user?: string }): string {
    const client = this.clients.get(opts.clientId);
    if (!client) {
      throw new Error(`no OIDC client ${opts.clientId}`);
    }
    const code = this.core.rnd.token(48);
    this.codes.set(code, { clientId: client.clientId, region: client.region, redirectUri: opts.redirectUri, codeChallenge: opts.codeChallenge, startUrl: opts.startUrl ?? 'https://emulator.awsapps.com/start', user: opts.user ?? 'emulator-user', expiresAtMs: this.now() + 300_000 });
    return code;
  }
}

export const ssoState = perCore('sso', (core) => new SsoState(core));

/** The IAM role IAM Identity Center provisions for a permission set in an account. */
export function reservedRoleName(accountId: string, roleName: string): string {
  return `AWSReservedSSO_${roleName}_${createHash('sha256').update(`${accountId}/${roleName}`).digest('hex').slice(0, 16)}`;
}
