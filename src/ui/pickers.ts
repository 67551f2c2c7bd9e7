import * as vscode from 'vscode';
import type { ClientManager } from '../aws/clientManager';
import { listProfiles, listSsoSessions, type ProfileInfo, type SsoSessionInfo } from '../aws/profiles';
import { parseSsoRoleProfile } from '../aws/ssoRole';
import { ECS_REGIONS } from '../aws/regions';
import { isValidRegion } from '../util/regionCode';
import type { SsoAccount } from '../aws/ssoAccounts';
import { ssoRoleProfile } from '../aws/ssoRole';
import { pick } from './input';
import { settleInput } from './stepInput';
import { previousAnswer, recordAnswer, type Asked, type Step } from './steps';
import type { PickItem } from './pagedPick';
import { pickSsoAccount, pickSsoRoleName } from './ssoRolePicker';

const KIND_LABEL: Record<ProfileInfo['kind'], string> = {
  static: 'access keys',
  'assume-role': 'assume role',
  sso: 'IAM Identity Center (SSO)',
  'credential-process': 'credential process',
  'web-identity': 'web identity',
  'config-only': 'no credentials of its own',
};

const DEFAULT_CHAIN = '$(key) Default credential chain';

/** What *Select AWS Profile…* asks, as it is answered. */
export interface ProfileState {
  current: string | undefined;
  /** The picked profile name ('' for the default chain; `Role@account [session]` for a role browsed through a signed-in sso-session). */
  profile: string;
  info?: ProfileInfo;
  session?: SsoSessionInfo;
  account?: SsoAccount;
  region?: string;
}

/** Profile → [account → role of an sso-session] → region. */
export function profileSteps(clients: ClientManager, preferredRegion: () => string | undefined): Step<ProfileState>[] {
  return [
    {
      title: 'AWS profile',
      ask: async (view, s) => {
        const [profiles, sessions] = await Promise.all([listProfiles(), listSsoSessions()]);
        type Choice = { profile: string; info?: ProfileInfo; session?: SsoSessionInfo };
        const items: PickItem<Choice>[] = [
          ...profiles.map((p) => ({
            label: p.name,
            description: [KIND_LABEL[p.kind], p.region].filter(Boolean).join(' · '),
            detail: p.name === s.current ? 'current' : undefined,
            value: { profile: p.name, info: p },
          })),
          ...sessions
            .filter((session) => session.profiles.length)
            .map((session) => ({ label: `$(organization) Accounts and roles of sso-session ${session.name}…`, description: session.startUrl, detail: parseSsoRoleProfile(s.current)?.session === session.name ? `current: ${s.current}` : undefined, value: { profile: '', session } })),
          { label: DEFAULT_CHAIN, description: 'environment variables, then the default profile, then container or instance metadata', value: { profile: '' } },
        ];
        const empty = profiles.length ? '' : ' (no profiles in ~/.aws/config or ~/.aws/credentials)';
        const picked = await pick(items, { ...view, title: `${view.title}${empty}` }, 'Pick the profile the ECS explorer and commands use');
        Object.assign(s, { profile: picked.profile, info: picked.info, session: picked.session });
      },
    },
    { title: (s) => `Account of sso-session ${s.session?.name}`, when: (s) => Boolean(s.session), ask: async (view, s) => void (s.account = await pickSsoAccount(clients, s.session!, view)) },
    {
      title: (s) => `Role in ${s.account?.accountName} (${s.account?.accountId})`,
      when: (s) => Boolean(s.session),
      ask: async (view, s) => {
        const roleName = await pickSsoRoleName(clients, s.session!, s.account!, view);
        s.profile = ssoRoleProfile({ roleName, accountId: s.account!.accountId, session: s.session!.name });
      },
    },
    { title: 'AWS region', ask: async (view, s) => void (s.region = await pickRegion(s.info?.region ?? preferredRegion(), view)) },
  ];
}

/** A region of the list, or a region code typed. */
export function pickRegion(preferred: string | undefined, asked: Asked = 'AWS region'): Promise<string> {
  const items: vscode.QuickPickItem[] = ECS_REGIONS.map((r) => ({
    label: r.id,
    description: r.name,
    picked: r.id === preferred,
  }));
  const preferredIndex = items.findIndex((i) => i.label === preferred);
  if (preferredIndex > 0) items.unshift(...items.splice(preferredIndex, 1));
  const quickPick = vscode.window.createQuickPick();
  quickPick.placeholder = 'Pick a region, or type one';
  quickPick.items = items;
  const previous = items.find((i) => i.label === previousAnswer(asked)?.label);
  if (previous) quickPick.activeItems = [previous];
  return settleInput<string>(quickPick, asked, (finish) => [
    quickPick.onDidAccept(() => {
      const choice = quickPick.selectedItems[0]?.label ?? quickPick.value.trim();
      if (!isValidRegion(choice)) {
        quickPick.placeholder = `"${choice}" is not a region code (like eu-west-1): pick one, or type a valid code`;
        return;
      }
      recordAnswer(asked, { label: choice });
      finish(choice);
    }),
  ]);
}
