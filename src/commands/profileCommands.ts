import * as vscode from 'vscode';
import { ssoLoginCommand } from '../aws/errors';
import { profileExists } from '../aws/profiles';
import { saveSetting } from '../config/settings';
import type { Services } from '../services';
import { runSteps } from '../ui/steps';
import { pickRegion, profileSteps, type ProfileState } from '../ui/pickers';
import { isArgumentObject, readArgs } from '../util/args';
import { shellKindOf } from '../util/shell';
import { registerCommand } from '../ui/registerCommand';

/** `selectProfile()` opens the pickers; `selectProfile({ profile, region? })` sets them directly. */
export function registerProfileCommands(services: Services): void {
  registerCommand(services, 'ecsWorkbench.selectProfile', async (arg?: unknown) => {
    if (isArgumentObject(arg)) {
      const args = readArgs('selectProfile', '{ profile: string ("" = the default credential chain) }', arg, []);
      const { profile, region } = args.scope();
      if (profile === undefined) args.fail('"profile" is missing');
      if (profile && !(await profileExists(profile))) {
        args.fail(`Profile "${profile}" is not in your AWS config or credentials file`);
      }
      await saveSetting('profile', profile);
      if (region !== undefined) await saveSetting('region', region);
      await services.refreshAwsContext();
      return services.clientManager.context;
    }
    // Dismissing any step changes nothing (CancellationError).
    const { context } = services.clientManager;
    const picked = await runSteps<ProfileState>('Select Profile', profileSteps(services.clientManager, () => context.region), { current: context.profile, profile: '' });
    await saveSetting('profile', picked.profile);
    if (picked.region) await saveSetting('region', picked.region);
    await services.refreshAwsContext();
    return services.clientManager.context;
  });

  registerCommand(services, 'ecsWorkbench.selectRegion', async (arg?: unknown) => {
    let region: string | undefined;
    if (isArgumentObject(arg)) {
      const args = readArgs('selectRegion', '{ region: string ("" = the profile\'s) }', arg, []);
      // "" follows the profile's region again; anything else must be a region code.
      region = arg.region === '' ? '' : args.scope().region;
      if (region === undefined) args.fail('"region" is missing');
    } else region = await pickRegion(services.clientManager.context.region, 'Select Region: AWS region');
    if (region === undefined) return undefined;
    await saveSetting('region', region);
    await services.refreshAwsContext();
    return services.clientManager.context;
  });

  registerCommand(services, 'ecsWorkbench.refreshExplorer', async () => {
    services.clientManager.invalidate();
    await services.refreshAwsContext();
    services.explorer.refresh();
  });

  // Only the fixes the explorer offers, never an arbitrary command line: `aws sso login` for a
  // profile that exists, its name quoted for the user's shell.
  registerCommand(services, 'ecsWorkbench.runInTerminal', async (arg?: unknown) => {
    const args = readArgs('runInTerminal', '{ fix: "sso-login", profile: string }', arg, ['fix']);
    if (args.oneOf('fix', ['sso-login'] as const) === undefined) args.fail('"fix" is missing');
    const profile = args.scope().profile ?? args.fail('"profile" is missing');
    if (!(await profileExists(profile || 'default'))) args.fail(`Profile "${profile || 'default'}" is not in your AWS config or credentials file`);
    const commandLine = ssoLoginCommand(profile || undefined, shellKindOf(vscode.env.shell));
    const terminal = vscode.window.createTerminal({ name: 'AWS sign-in' });
    terminal.show();
    terminal.sendText(commandLine);
    return { commandLine };
  });
}
