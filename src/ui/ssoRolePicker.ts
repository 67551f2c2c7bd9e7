import type { ClientManager } from '../aws/clientManager';
import { describeAwsError } from '../aws/errors';
import type { SsoSessionInfo } from '../aws/profiles';
import { ssoAccountRoles, ssoAccounts } from '../aws/ssoAccounts';
import { ssoRoleProfile } from '../aws/ssoRole';
import { pagedPick } from './pagedPick';

/**
 * An account, then a role, of a signed-in IAM Identity Center session (ListAccounts,
 * ListAccountRoles): any account and role of the organisation, without a profile for each.
 * Returns the `Role@account [session]` name that stands for a profile.
 */
export async function pickSsoRole(clients: ClientManager, session: SsoSessionInfo): Promise<string> {
  const failed = (error: unknown): never => {
    const problem = describeAwsError(error, { profile: session.profiles[0] });
    throw new Error(problem.kind === 'sso-expired' ? `The sso-session "${session.name}" is not signed in (or expired): run \`aws sso login --sso-session ${session.name}\`, then pick again.` : problem.message);
  };
  const account = await pagedPick(
    {
      page: async (startToken) => {
        const { items, nextToken } = await ssoAccounts(clients, session, { limit: 100, startToken }).catch(failed);
        return { nextToken, items: items.map((a) => ({ label: a.accountName, description: a.accountId, detail: a.emailAddress, value: a })) };
      },
    },
    { title: `Account of sso-session ${session.name}`, placeHolder: 'Type an account name or id', emptyMessage: `The sso-session "${session.name}" gives access to no account.` },
  );
  const roleName = await pagedPick(
    {
      page: async (startToken) => {
        const { items, nextToken } = await ssoAccountRoles(clients, session, account.accountId, { limit: 100, startToken }).catch(failed);
        return { nextToken, items: items.map((r) => ({ label: r, value: r })) };
      },
    },
    { title: `Role in ${account.accountName} (${account.accountId})`, emptyMessage: `No role of ${account.accountName} is assigned to you.` },
  );
  return ssoRoleProfile({ roleName, accountId: account.accountId, session: session.name });
}
