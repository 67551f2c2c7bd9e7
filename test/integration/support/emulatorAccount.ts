import type { EcsWorkbenchApi } from '../../../src/extension';
import { startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../emulator';
import { writeAwsFiles } from './awsFiles';
import { activateExtension, eventually, setSettings } from './tree';

export interface EmulatorAccount {
  workbench: EcsWorkbenchApi;
  emulator: EmulatorHandle;
  /** Puts the settings back and stops the emulator. */
  close(): Promise<void>;
}

/**
 * The extension pointed at an in-process emulator: a `demo` profile with static keys in the shared
 * credentials file, the `ecsWorkbench.endpointUrl` setting, and the context settled before tests run.
 */
export async function useEmulatorAccount(options: EmulatorOptions = { seed: 'demo' }, extraSettings: Record<string, unknown> = {}): Promise<EmulatorAccount> {
  const workbench = await activateExtension();
  const emulator = await startEmulator(options);
  writeAwsFiles({ credentials: '[demo]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = demo-secret\n' });
  await setSettings({ profile: 'demo', region: 'us-east-1', endpointUrl: emulator.url, ...extraSettings });
  await eventually(
    () => {
      const context = workbench.clientManager.context;
      return (context.endpoint === emulator.url && context.profile === 'demo' && context.region === 'us-east-1') || undefined;
    },
    'the extension to use the emulator account',
  );
  return {
    workbench,
    emulator,
    close: async () => {
      const cleared = Object.fromEntries(['profile', 'region', 'endpointUrl', ...Object.keys(extraSettings)].map((key) => [key, undefined]));
      await setSettings(cleared);
      await emulator.close();
    },
  };
}
