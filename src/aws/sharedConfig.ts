import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A small reader of the shared config and credentials files. The SDK has its own, but it lives in
 * the SDK bundle; reading profile names and regions here keeps the status bar and the profile
 * picker from loading the whole SDK.
 */
export type IniSections = Record<string, Record<string, string>>;

export function parseIni(text: string): IniSections {
  const sections: IniSections = {};
  let current: Record<string, string> | undefined;
  let lastKey: string | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/^\s*[#;].*$/, '');
    if (!line.trim()) continue;
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      current = sections[header[1].trim()] ??= {};
      lastKey = undefined;
      continue;
    }
    if (!current) continue;
    const indented = /^\s/.test(rawLine);
    const pair = /^\s*([^=]+?)\s*=\s*(.*?)\s*$/.exec(line);
    if (indented && lastKey !== undefined && pair) {
      // A nested setting (`s3 =\n  addressing_style = path`): kept as `parent.child`.
      current[`${lastKey}.${pair[1]}`] = pair[2];
    } else if (pair) {
      current[pair[1]] = pair[2];
      lastKey = pair[1];
    }
  }
  return sections;
}

export interface SharedConfigPaths {
  config: string;
  credentials: string;
}

export function sharedConfigPaths(env: NodeJS.ProcessEnv = process.env): SharedConfigPaths {
  const home = env.HOME || env.USERPROFILE || os.homedir();
  return {
    config: env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials'),
  };
}

async function readIfPresent(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

export interface SharedConfig {
  /** Profiles from the config file, keyed by profile name (`[profile x]` → `x`, `[default]` → `default`). */
  configProfiles: IniSections;
  credentialsProfiles: IniSections;
  /** `[sso-session x]` sections of the config file, keyed by session name. */
  ssoSessions: IniSections;
}

export async function readSharedConfig(env: NodeJS.ProcessEnv = process.env): Promise<SharedConfig> {
  const paths = sharedConfigPaths(env);
  const [configText, credentialsText] = await Promise.all([readIfPresent(paths.config), readIfPresent(paths.credentials)]);
  const configProfiles: IniSections = {};
  const ssoSessions: IniSections = {};
  for (const [name, values] of Object.entries(parseIni(configText))) {
    if (name === 'default') configProfiles.default = values;
    else if (name.startsWith('profile ')) configProfiles[name.slice('profile '.length).trim()] = values;
    else if (name.startsWith('sso-session ')) ssoSessions[name.slice('sso-session '.length).trim()] = values;
    // [services x] sections are not profiles.
  }
  return { configProfiles, credentialsProfiles: parseIni(credentialsText), ssoSessions };
}
