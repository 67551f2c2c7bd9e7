import * as vscode from 'vscode';
import type { ClientManager } from '../aws/clientManager';
import { listProfiles, listSsoSessions, type ProfileInfo, type SsoSessionInfo } from '../aws/profiles';
import { parseSsoRoleProfile } from '../aws/ssoRole';
import { ECS_REGIONS } from '../aws/regions';
import { isValidRegion } from '../util/regionCode';
import { pickSsoRole } from './ssoRolePicker';

const KIND_LABEL: Record<ProfileInfo['kind'], string> = {
  static: 'access keys',
  'assume-role': 'assume role',
  sso: 'IAM Identity Center (SSO)',
  'credential-process': 'credential process',
  'web-identity': 'web identity',
  'config-only': 'no credentials of its own',
};

const DEFAULT_CHAIN = '$(key) Default credential chain';

/**
 * Returns the picked profile name ('' for the default chain; `Role@account [session]` for an
 * account and role browsed through a signed-in sso-session), undefined when dismissed.
 */
export async function pickProfile(clients: ClientManager, current: string | undefined): Promise<{ profile: string; info?: ProfileInfo } | undefined> {
  const [profiles, sessions] = await Promise.all([listProfiles(), listSsoSessions()]);
  type Item = vscode.QuickPickItem & { profile: string; info?: ProfileInfo; session?: SsoSessionInfo };
  const items: Item[] = [
    ...profiles.map((p) => ({
      label: p.name,
      description: [KIND_LABEL[p.kind], p.region].filter(Boolean).join(' · '),
      detail: p.name === current ? 'current' : undefined,
      profile: p.name,
      info: p,
    })),
    ...sessions
      .filter((s) => s.profiles.length)
      .map((s) => ({ label: `$(organization) Accounts and roles of sso-session ${s.name}…`, description: s.startUrl, detail: parseSsoRoleProfile(current)?.session === s.name ? `current: ${current}` : undefined, profile: '', session: s })),
    {
      label: DEFAULT_CHAIN,
      description: 'environment variables, then the default profile, then container or instance metadata',
      profile: '',
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: profiles.length ? 'AWS profile' : 'AWS profile (no profiles in ~/.aws/config or ~/.aws/credentials)',
    placeHolder: 'Pick the profile the ECS explorer and commands use',
    ignoreFocusOut: true,
  });
  if (picked?.session) return { profile: await pickSsoRole(clients, picked.session) };
  return picked ? { profile: picked.profile, info: picked.info } : undefined;
}

export async function pickRegion(preferred: string | undefined): Promise<string | undefined> {
  const items: vscode.QuickPickItem[] = ECS_REGIONS.map((r) => ({
    label: r.id,
    description: r.name,
    picked: r.id === preferred,
  }));
  const preferredIndex = items.findIndex((i) => i.label === preferred);
  if (preferredIndex > 0) items.unshift(...items.splice(preferredIndex, 1));
  const quickPick = vscode.window.createQuickPick();
  quickPick.title = 'AWS region';
  quickPick.placeholder = 'Pick a region, or type one';
  quickPick.items = items;
  quickPick.ignoreFocusOut = true;
  return new Promise<string | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      const choice = quickPick.selectedItems[0]?.label ?? quickPick.value.trim();
      if (!isValidRegion(choice)) {
        quickPick.placeholder = `"${choice}" is not a region code (like eu-west-1): pick one, or type a valid code`;
        return;
      }
      resolve(choice);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}
