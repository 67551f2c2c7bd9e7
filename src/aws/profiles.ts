import { readSharedConfig } from './sharedConfig';
import { parseSsoRoleProfile } from './ssoRole';

export type ProfileKind = 'static' | 'assume-role' | 'sso' | 'credential-process' | 'web-identity' | 'config-only';

export interface ProfileInfo {
  name: string;
  kind: ProfileKind;
  region?: string;
  /** Where the profile is defined: the config file, the credentials file, or both. */
  sources: ('config' | 'credentials')[];
  ssoSession?: string;
}

type IniSection = Record<string, string | undefined>;

function kindOf(section: IniSection): ProfileKind {
  if (section.sso_session || section.sso_start_url || section.sso_account_id) return 'sso';
  if (section.role_arn && section.web_identity_token_file) return 'web-identity';
  if (section.role_arn) return 'assume-role';
  if (section.credential_process) return 'credential-process';
  if (section.aws_access_key_id) return 'static';
  return 'config-only';
}

/**
 * Reads the profiles of the shared config and credentials files (AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE are honoured). Always re-reads: the user may
 * have just run `aws configure` or `aws sso login`.
 */
export async function listProfiles(env: NodeJS.ProcessEnv = process.env): Promise<ProfileInfo[]> {
  const { configProfiles: configFile, credentialsProfiles: credentialsFile } = await readSharedConfig(env);
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  const profiles = [...names].map((name): ProfileInfo => {
    const fromConfig = configFile[name];
    const fromCredentials = credentialsFile[name];
    const merged: IniSection = { ...fromConfig, ...fromCredentials };
    return {
      name,
      kind: kindOf(merged),
      region: merged.region,
      sources: [...(fromConfig ? ['config' as const] : []), ...(fromCredentials ? ['credentials' as const] : [])],
      ssoSession: merged.sso_session,
    };
  });
  return profiles.sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}
export interface SsoSessionInfo {
  name: string;
  startUrl: string;
  region: string;
  /** Profiles that sign in through this session; the first one anchors browsing its accounts. */
  profiles: string[];
}

/** The `[sso-session]` sections with a start URL and region, and the profiles that use each. */
export async function listSsoSessions(env: NodeJS.ProcessEnv = process.env): Promise<SsoSessionInfo[]> {
  const { configProfiles, ssoSessions } = await readSharedConfig(env);
  return Object.entries(ssoSessions)
    .filter(([, s]) => s.sso_start_url && s.sso_region)
    .map(([name, s]) => ({
      name,
      startUrl: s.sso_start_url,
      region: s.sso_region,
      profiles: Object.entries(configProfiles).filter(([, p]) => p.sso_session === name).map(([profile]) => profile).sort(),
    }));
}

/** Whether `profile` names a profile of the files, or a browsed account and role of a session there. */
export async function profileExists(profile: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const role = parseSsoRoleProfile(profile);
  if (role) return (await listSsoSessions(env)).some((s) => s.name === role.session && s.profiles.length > 0);
  return (await listProfiles(env)).some((p) => p.name === profile);
}

/** The profile the SDK would use when the user has chosen none. */
export function environmentProfile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.AWS_PROFILE || undefined;
}

/** Region for a profile: the editor's choice, then the environment, then the profile, as the SDK orders them. */
export function resolveRegion(
  chosen: string | undefined,
  profile: ProfileInfo | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return chosen || env.AWS_REGION || env.AWS_DEFAULT_REGION || profile?.region || undefined;
}
