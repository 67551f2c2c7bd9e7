import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startEmulator, type EmulatorHandle } from '../../../emulator';
import type { AgentSessionSpec } from '../../../emulator/agent/types';

export interface Registered {
  id: string;
  token: string;
  url: string;
}

/**
 * An emulator for a describe block (started before, closed after) and a work directory standing in for
 * the container's filesystem; `register` hands the agent a session with these defaults and gives its
 * id, token and streamUrl.
 */
export function useAgent(defaults: Partial<AgentSessionSpec> = {}) {
  const state = { emu: undefined as unknown as EmulatorHandle, workdir: '' };
  let n = 0;
  before(async () => {
    state.emu = await startEmulator({});
    state.workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-'));
  });
  after(async () => {
    await state.emu.close();
    fs.rmSync(state.workdir, { recursive: true, force: true });
  });
  return {
    get emu(): EmulatorHandle {
      return state.emu;
    },
    get workdir(): string {
      return state.workdir;
    },
    register(spec: Partial<AgentSessionSpec> = {}, on: EmulatorHandle = state.emu): Registered {
      const id = `ecs-execute-command-${process.pid}-${n++}`;
      const token = `token-${id}`;
      on.agent.register({ sessionId: id, tokenValue: token, target: 'ecs:c_t_r', sessionType: 'InteractiveCommands', workdir: state.workdir, ...defaults, ...spec });
      return { id, token, url: on.agent.streamUrl(id, 'us-east-1') };
    },
  };
}
