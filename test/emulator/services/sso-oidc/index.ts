/**
 * IAM Identity Center OIDC (restJson1, unauthenticated): RegisterClient, StartDeviceAuthorization,
 * CreateToken with the refresh_token, device_code and authorization_code (PKCE) grants. Clients and
 * the tokens they get belong to the region of the OIDC endpoint called (its Host). Errors are
 * OAuth's: `error` and `error_description` (https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateToken.html).
 */
import { createHash } from 'crypto';
import type * as oidc from '../../generated/sso-oidc';
import { dnsSuffix } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import { defineService, type Context } from '../../kit/service';
import { ssoState, type OidcClient, type SignInSession } from '../sso/state';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

function oauthError(code: string, error: string, description: string): AwsError {
  return new AwsError(code, description, { members: { error, error_description: description } });
}

/** The client a request names, registered at this region's OIDC, with its secret, not expired. */
function client(ctx: Context, clientId: string, clientSecret: string): OidcClient {
  const c = ssoState(ctx.core).clients.get(clientId);
  if (!c || c.region !== ctx.region.name || c.clientSecret !== clientSecret) {
    throw oauthError('InvalidClientException', 'invalid_client', 'Invalid client provided');
  }
  if (ssoState(ctx.core).now() >= c.expiresAtMs) {
    throw oauthError('InvalidClientException', 'invalid_client', 'Client registration has expired');
  }
  return c;
}

function pkce(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** The sign-in session a grant proves, consuming what is used once. */
function grantedSession(ctx: Context, c: OidcClient, input: oidc.CreateTokenRequest): SignInSession {
  const state = ssoState(ctx.core);
  const invalidGrant = (description: string): AwsError => oauthError('InvalidGrantException', 'invalid_grant', description);
  switch (input.grantType) {
    case 'refresh_token': {
      const t = input.refreshToken ? state.refresh(input.refreshToken) : undefined;
      if (!t || t.clientId !== c.clientId) {
        throw invalidGrant('Invalid refresh token provided');
      }
      state.retire(input.refreshToken!);
      return t.session;
    }
    case DEVICE_GRANT: {
      const d = input.deviceCode ? state.devices.get(input.deviceCode) : undefined;
      if (!d || d.clientId !== c.clientId) {
        throw invalidGrant('Invalid device code provided');
      }
      if (state.now() >= d.expiresAtMs) {
        throw oauthError('ExpiredTokenException', 'expired_token', 'Device code has expired');
      }
      if (!d.approvedBy) {
        throw oauthError('AuthorizationPendingException', 'authorization_pending', 'Authorization is still pending');
      }
      state.devices.delete(d.deviceCode);
      return { region: d.region, startUrl: d.startUrl, user: d.approvedBy, revoked: false };
    }
    case 'authorization_code': {
      const a = input.code ? state.codes.get(input.code) : undefined;
      const verified = !a?.codeChallenge || (input.codeVerifier !== undefined && pkce(input.codeVerifier) === a.codeChallenge);
      if (!a || a.clientId !== c.clientId || state.now() >= a.expiresAtMs || (a.redirectUri && a.redirectUri !== input.redirectUri) || !verified) {
        throw invalidGrant('Invalid authorization code provided');
      }
      state.codes.delete(input.code!);
      return { region: a.region, startUrl: a.startUrl, user: a.user, revoked: false };
    }
    default:
      throw oauthError('UnsupportedGrantTypeException', 'unsupported_grant_type', `Unsupported grant type: ${input.grantType}`);
  }
}

export const ssoOidcService = defineService<oidc.Operations>({
  model: 'sso-oidc',
  iamPrefix: 'sso-oauth',
  validationError: 'InvalidRequestException',
  handlers: {
    RegisterClient: (input, ctx) => {
      if (input.clientType !== 'public') {
        // "The service supports only public as a client type."
        throw oauthError('InvalidClientMetadataException', 'invalid_client_metadata', 'Invalid client type provided');
      }
      const c = ssoState(ctx.core).registerClient(ctx.region.name, input.clientName, input.redirectUris);
      return { clientId: c.clientId, clientSecret: c.clientSecret, clientIdIssuedAt: Math.floor(c.issuedAtMs / 1000), clientSecretExpiresAt: Math.floor(c.expiresAtMs / 1000) };
    },

    StartDeviceAuthorization: (input, ctx) => {
      const d = ssoState(ctx.core).startDeviceAuthorization(client(ctx, input.clientId, input.clientSecret), input.startUrl);
      const verificationUri = `https://device.sso.${ctx.region.name}.${dnsSuffix(ctx.region.name)}/`;
      return { deviceCode: d.deviceCode, userCode: d.userCode, verificationUri, verificationUriComplete: `${verificationUri}?user_code=${d.userCode}`, expiresIn: 600, interval: 1 };
    },

    CreateToken: (input, ctx) => {
      const c = client(ctx, input.clientId, input.clientSecret);
      const session = grantedSession(ctx, c, input);
      const t = ssoState(ctx.core).issueTokens(session, c.clientId);
      return { accessToken: t.accessToken, tokenType: 'Bearer', expiresIn: t.expiresIn, refreshToken: t.refreshToken };
    },
  },
});
