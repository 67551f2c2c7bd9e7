/**
 * Control-endpoint routes of IAM Identity Center, for tests that sign in without a browser:
 *
 *   POST /_emulator/sso/sessions        {region?, startUrl?, user?, accessToken?, expiresAt?, refreshToken?,
 *                                        clientId?, clientSecret?, registrationExpiresAt?}  -> the SSO cache entry
 *   POST /_emulator/sso/device/approve  {userCode, user?}                                -> {approved}
 *   POST /_emulator/sso/authorize       {clientId, redirectUri?, codeChallenge?, startUrl?, user?} -> {code}
 */
import type { ControlRoute } from '../../kit/service';
import { ssoState } from './state';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const date = (v: unknown): Date | undefined => (typeof v === 'string' || typeof v === 'number' ? new Date(v) : undefined);

export const ssoControl: Record<string, ControlRoute> = {
  'POST /_emulator/sso/sessions': (input, core) => [200, ssoState(core).seedSession({
    region: str(input.region),
    startUrl: str(input.startUrl),
    user: str(input.user),
    accessToken: str(input.accessToken),
    expiresAt: date(input.expiresAt),
    refreshToken: str(input.refreshToken),
    clientId: str(input.clientId),
    clientSecret: str(input.clientSecret),
    registrationExpiresAt: date(input.registrationExpiresAt),
  })],
  'POST /_emulator/sso/device/approve': (input, core) => [200, { approved: ssoState(core).approveDevice(String(input.userCode), str(input.user)) }],
  'POST /_emulator/sso/authorize': (input, core) => [200, {
    code: ssoState(core).authorize({ clientId: String(input.clientId), redirectUri: str(input.redirectUri), codeChallenge: str(input.codeChallenge), startUrl: str(input.startUrl), user: str(input.user) }),
  }],
};
