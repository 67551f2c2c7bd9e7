import type { AwsContext } from './clientManager';
import { environmentProfile, resolveRegion, type ProfileInfo } from './profiles';
import { DEFAULT_REGION } from './regions';

/**
 * Works out the context from what the user chose in the editor, the environment and the shared
 * config files. The profile's own region is only known after reading the files, so it is passed in.
 */
export function resolveContext(
  chosen: { profile?: string; region?: string; endpoint?: string },
  profiles: ProfileInfo[],
  env: NodeJS.ProcessEnv = process.env,
): AwsContext {
  const profile = chosen.profile || environmentProfile(env);
  const info = profiles.find((p) => p.name === (profile ?? 'default'));
  return {
    profile,
    region: resolveRegion(chosen.region, info, env) ?? DEFAULT_REGION,
    endpoint: chosen.endpoint,
  };
}
