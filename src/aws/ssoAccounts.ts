/** The accounts and roles a signed-in IAM Identity Center session may use (ListAccounts, ListAccountRoles). */
import type { ClientManager } from './clientManager';
import { readPages, type PagedResult, type PageRequest } from './paging';
import type { SsoSessionInfo } from './profiles';

export interface SsoAccount {
  accountId: string;
  accountName: string;
  emailAddress?: string;
}

/** The portal's page limit of ListAccounts and ListAccountRoles. */
const PAGE = 100;

export async function ssoAccounts(clients: ClientManager, session: SsoSessionInfo, page: PageRequest = {}): Promise<PagedResult<SsoAccount>> {
  const { sdk, client, accessToken } = await clients.ssoPortal(session, anchorOf(session));
  try {
    return await readPages(page, PAGE, async (nextToken, maxResults) => {
      const out = await client.send(new sdk.sso.ListAccountsCommand({ accessToken, nextToken, maxResults }));
      return { items: (out.accountList ?? []).map((a) => ({ accountId: a.accountId ?? '', accountName: a.accountName ?? a.accountId ?? '', emailAddress: a.emailAddress })), nextToken: out.nextToken };
    });
  } finally {
    client.destroy();
  }
}

export async function ssoAccountRoles(clients: ClientManager, session: SsoSessionInfo, accountId: string, page: PageRequest = {}): Promise<PagedResult<string>> {
  const { sdk, client, accessToken } = await clients.ssoPortal(session, anchorOf(session));
  try {
    return await readPages(page, PAGE, async (nextToken, maxResults) => {
      const out = await client.send(new sdk.sso.ListAccountRolesCommand({ accessToken, accountId, nextToken, maxResults }));
      return { items: (out.roleList ?? []).map((r) => r.roleName ?? '').filter(Boolean), nextToken: out.nextToken };
    });
  } finally {
    client.destroy();
  }
}

function anchorOf(session: SsoSessionInfo): string {
  const anchor = session.profiles[0];
  if (!anchor) throw new Error(`No profile of your AWS config uses the sso-session "${session.name}": create one with \`aws configure sso\`, then sign in.`);
  return anchor;
}
