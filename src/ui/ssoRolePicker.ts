import type { ClientManager } from '../aws/clientManager';
import { describeAwsError } from '../aws/errors';
import type { SsoSessionInfo } from '../aws/profiles';
import { ssoAccountRoles, ssoAccounts, type SsoAccount } from '../aws/ssoAccounts';
import type { Asked } from './steps';
import { pagedPick } from './pagedPick';

/**
 * An account, then a role, of a signed-in IAM Identity Center session (ListAccounts,
 * ListAccountRoles): any account and role of the organisation, without a profile for each. The two
 * are steps of *Select AWS Profile…*, which turns them into the `Role@account [session]` name.
 */
function failed(session: SsoSessionInfo): (error: unknown) => never {
  return (error) => {
    const problem = describeAwsError(error, { profile: session.profiles[0] });
    throw new Error(problem.kind === 'sso-expired' ? `The sso-session "${session.name}" is not signed in (or expired): run \`aws sso login --sso-session ${session.name}\`, then pick again.` : problem.message);
  };
}

export function pickSsoAccount(clients: ClientManager, session: SsoSessionInfo, asked: Asked = `Account of sso-session ${session.name}`): Promise<SsoAccount> {
  return pagedPick(
    {
      page: async (startToken) => {
        const { items, nextToken } = await ssoAccounts(clients, session, { limit: 100, startToken }).catch(failed(session));
        return { nextToken, items: items.map((a) => ({ label: a.accountName, description: a.accountId, detail: a.emailAddress, value: a })) };
      },
    },
    { title: asked, placeHolder: 'Type an account name or id', emptyMessage: `The sso-session "${session.name}" gives access to no account.` },
  );
}

export function pickSsoRoleName(clients: ClientManager, session: SsoSessionInfo, account: SsoAccount, asked: Asked = `Role in ${account.accountName} (${account.accountId})`): Promise<string> {
  return pagedPick(
    {
      page: async (startToken) => {
        const { items, nextToken } = await ssoAccountRoles(clients, session, account.accountId, { limit: 100, startToken }).catch(failed(session));
        return { nextToken, items: items.map((r) => ({ label: r, value: r })) };
      },
    },
    { title: asked, emptyMessage: `No role of ${account.accountName} is assigned to you.` },
  );
}
