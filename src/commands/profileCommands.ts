import * as vscode from 'vscode';
import { listProfiles } from '../aws/profiles';
import { isValidRegion } from '../aws/regions';
import { saveSetting } from '../config/settings';
import type { Services } from '../services';
import { pickProfile, pickRegion } from '../ui/pickers';
import { isArgumentObject, registerCommand } from './registerCommand';

/** `selectProfile()` opens the pickers; `selectProfile({ profile, region? })` sets them directly. */
export function registerProfileCommands(services: Services): void {
  registerCommand(services, 'ecsWorkbench.selectProfile', async (arg?: unknown) => {
    if (isArgumentObject(arg)) {
      const profile = arg.profile;
      if (typeof profile !== 'string') throw new Error('selectProfile expects { profile: string, region?: string }; use "" for the default credential chain.');
      if (profile && !(await listProfiles()).some((p) => p.name === profile)) {
        throw new Error(`Profile "${profile}" is not in your AWS config or credentials file.`);
      }
      await saveSetting('profile', profile);
      if (arg.region !== undefined) await setRegion(arg.region);
      await services.refreshAwsContext();
      return services.clientManager.context;
    }
    const picked = await pickProfile(services.clientManager.context.profile);
    if (!picked) return undefined;
    const region = await pickRegion(picked.info?.region ?? services.clientManager.context.region);
    await saveSetting('profile', picked.profile);
    if (region) await saveSetting('region', region);
    await services.refreshAwsContext();
    return services.clientManager.context;
  });

  registerCommand(services, 'ecsWorkbench.selectRegion', async (arg?: unknown) => {
    const region = isArgumentObject(arg) ? arg.region : await pickRegion(services.clientManager.context.region);
    if (region === undefined) return undefined;
    await setRegion(region);
    await services.refreshAwsContext();
    return services.clientManager.context;
  });

  registerCommand(services, 'ecsWorkbench.refreshExplorer', async () => {
    services.clientManager.invalidate();
    await services.refreshAwsContext();
    services.explorer.refresh();
  });

  registerCommand(services, 'ecsWorkbench.runInTerminal', (arg?: unknown) => {
    const commandLine = isArgumentObject(arg) ? arg.commandLine : undefined;
    // Only the fixes the explorer offers (e.g. `aws sso login --profile x`), not arbitrary commands.
    if (typeof commandLine !== 'string' || !/^aws [\w -]+$/.test(commandLine)) {
      throw new Error('runInTerminal only runs AWS CLI fixes such as "aws sso login --profile NAME".');
    }
    const terminal = vscode.window.createTerminal({ name: 'AWS' });
    terminal.show();
    terminal.sendText(commandLine);
    return { commandLine };
  });
}

async function setRegion(region: unknown): Promise<void> {
  if (typeof region !== 'string' || (region !== '' && !isValidRegion(region))) {
    throw new Error(`"${String(region)}" is not a region code (like eu-west-1); use "" to follow the profile.`);
  }
  await saveSetting('region', region);
}
