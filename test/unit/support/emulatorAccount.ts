import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ClientManager, type ClientOptions } from '../../../src/aws/clientManager';
import { startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../emulator';

export interface UnitEmulatorAccount {
  emulator: EmulatorHandle;
  /** A ClientManager with profile `t` (static keys in a temp credentials file) at the emulator. */
  manager: ClientManager;
  close(): Promise<void>;
}

/**
 * An emulator and a ClientManager pointed at it, with the process's AWS environment isolated in a
 * temp folder (no ~/.aws, no instance metadata) and restored by close().
 */
export async function startEmulatorAccount(options: EmulatorOptions = { seed: 'demo' }, clientOptions?: ClientOptions): Promise<UnitEmulatorAccount> {
  const saved = { ...process.env };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wb-unit-'));
  fs.writeFileSync(path.join(dir, 'credentials'), '[t]\naws_access_key_id = AKIDT\naws_secret_access_key = s\n');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
  process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const emulator = await startEmulator(options);
  const manager = new ClientManager({ profile: 't', region: 'us-east-1', endpoint: emulator.url }, clientOptions);
  return {
    emulator,
    manager,
    close: async () => {
      manager.dispose();
      await emulator.close();
      process.env = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
