/**
 * IAM Identity Center portal (restJson1, unsigned: the bearer token travels in
 * `x-amz-sso_bearer_token`): ListAccounts, ListAccountRoles, GetRoleCredentials, Logout, served for
 * the region the request's Host names (`portal.sso.<region>.amazonaws.com`). A token issued by
 * another region's OIDC, an expired or a logged-out one is refused as AWS refuses it:
 * UnauthorizedException "Session token not found or invalid".
 */
import type * as sso from '../../generated/sso';
import { partitionOf } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import { defineService, type Context } from '../../kit/service';
import { ssoControl } from './control';
import { ORGANIZATION, reservedRoleName, ROLE_CREDENTIALS_TTL_MS, ssoState, type SignInSession } from './state';

const PAGE = { def: 20, max: 100, error: 'InvalidRequestException', sizeName: 'maxResults' };

function session(ctx: Context, accessToken: string): SignInSession {
  const s = ssoState(ctx.core).sessionOf(accessToken, ctx.region.name);
  if (!s) {
    throw new AwsError('UnauthorizedException', 'Session token not found or invalid');
  }
  return s;
}

function account(accountId: string) {
  const a = ORGANIZATION.find((x) => x.accountId === accountId);
  if (!a) {
    throw new AwsError('ResourceNotFoundException', 'The specified account could not be found.');
  }
  return a;
}

export const ssoService = defineService<sso.Operations>({
  model: 'sso',
  iamPrefix: 'sso',
  validationError: 'InvalidRequestException',
  // The portal's input error; its wording for a foreign token is not documented.
  pageTokens: { error: 'InvalidRequestException', message: 'The nextToken is not valid.' },
  control: ssoControl,
  handlers: {
    ListAccounts: (input, ctx) => {
      session(ctx, input.accessToken);
      const accounts = ORGANIZATION.map(({ accountId, accountName, emailAddress }) => ({ accountId, accountName, emailAddress }));
      const p = page(accounts, input.maxResults, input.nextToken, PAGE);
      return { accountList: p.items, nextToken: p.next };
    },

    ListAccountRoles: (input, ctx) => {
      session(ctx, input.accessToken);
      const roles = account(input.accountId).roles.map((roleName) => ({ roleName, accountId: input.accountId }));
      const p = page(roles, input.maxResults, input.nextToken, PAGE);
      return { roleList: p.items, nextToken: p.next };
    },

    GetRoleCredentials: (input, ctx) => {
      const s = session(ctx, input.accessToken);
      if (!account(input.accountId).roles.includes(input.roleName)) {
        throw new AwsError('ResourceNotFoundException', 'No access');
      }
      const identity = {
        arn: `arn:${partitionOf(ctx.region.name)}:sts::${input.accountId}:assumed-role/${reservedRoleName(input.accountId, input.roleName)}/${s.user}`,
        account: input.accountId,
        userId: `AROA${ctx.core.rnd.hex(16).toUpperCase()}:${s.user}`,
      };
      const c = ctx.core.identities.issue(ctx.core, identity, ROLE_CREDENTIALS_TTL_MS);
      // The portal gives the expiry in epoch milliseconds.
      return { roleCredentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: c.expiration.getTime() } };
    },

    Logout: (input, ctx) => {
      session(ctx, input.accessToken).revoked = true;
      return {};
    },
  },
});
