/**
 * An account and role of a signed-in IAM Identity Center session, browsed without a profile of its
 * own: it stands where a profile name goes, in a form no AWS profile can take (the SDK's profile
 * names have no spaces or brackets), e.g. `ECSDeveloper@210987654321 [corp]`.
 */
export interface SsoRole {
  roleName: string;
  accountId: string;
  /** The `[sso-session NAME]` of the shared config file. */
  session: string;
}

const FORM = /^(.+)@(\d{12}) \[(.+)\]$/;

export function ssoRoleProfile(role: SsoRole): string {
  return `${role.roleName}@${role.accountId} [${role.session}]`;
}

export function parseSsoRoleProfile(name: string | undefined): SsoRole | undefined {
  const m = name ? FORM.exec(name) : null;
  return m ? { roleName: m[1], accountId: m[2], session: m[3] } : undefined;
}
