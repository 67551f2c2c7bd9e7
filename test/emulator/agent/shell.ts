/**
 * Command sessions (InteractiveCommands, NonInteractiveCommands, Standard_Stream): the command line in a
 * real pseudo-terminal (node-pty), as the agent's shell plugin runs it with `sh -c`. The working
 * directory stands in for the container's filesystem: the process starts there with HOME there and a
 * minimal environment (the emulator has no container to enter).
 *
 * Output goes out in messages of at most 1 KiB that never split a UTF-8 character (the agent's
 * processStdoutData keeps an incomplete character for the next read). Input: keystrokes (Output), terminal
 * size (Size: `{"cols":…,"rows":…}`), flags. When the process exits the session ends; NonInteractiveCommands
 * first sends its exit status as the agent does (an ExitCode payload `EXIT_CODE: <n>`). Interactive
 * sessions carry no exit status: ECS Exec's channel just closes.
 */
import * as pty from '@lydell/node-pty';
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FlagValue, PayloadType } from './frame';
import { PtyInput } from './ptyInput';
import type { PluginOutput, SessionPlugin } from './session';
import type { Delivery } from './stream';
import type { AgentSessionSpec } from './types';

const PAYLOAD_SIZE = 1024;
/** With the process gone, this long without new output means the pty has been read to its end. */
const DRAIN_QUIET_MS = 50;

export function shellPlugin(spec: AgentSessionSpec, out: PluginOutput): SessionPlugin {
  let term: pty.IPty | undefined;
  let carry = Buffer.alloc(0);
  let stopped = false;
  let ownDir: string | undefined;
  const drain = new PtyDrain();
  const typed = new PtyInput(() => term);

  const emit = (data: Buffer): void => {
    let bytes = carry.length ? Buffer.concat([carry, data]) : data;
    const whole = completeUtf8Length(bytes);
    carry = Buffer.from(bytes.subarray(whole));
    bytes = bytes.subarray(0, whole);
    for (let i = 0; i < bytes.length; ) {
      const end = i + PAYLOAD_SIZE >= bytes.length ? bytes.length : i + completeUtf8Length(bytes.subarray(i, i + PAYLOAD_SIZE));
      out.send(PayloadType.output, bytes.subarray(i, end));
      i = end;
    }
  };

  return {
    start() {
      const cwd = spec.workdir ?? (ownDir = mkdtempSync(join(tmpdir(), 'ecs-exec-')));
      try {
        term = pty.spawn('/bin/sh', ['-c', spec.command ?? '/bin/sh'], {
          name: 'xterm-256color',
          cols: 80,
          rows: 24,
          cwd,
          env: { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', HOME: cwd, LANG: 'C.UTF-8', SHELL: '/bin/sh' },
          encoding: null,
        });
      } catch (e) {
        return out.end(`Unable to start command: ${(e as Error).message}`);
      }
      drain.watch(term);
      term.onData((d) => emit(Buffer.from(d as unknown as Uint8Array)));
      term.onExit(({ exitCode }) => {
        if (carry.length) {
          out.send(PayloadType.output, carry);
        }
        if (!stopped && spec.sessionType === 'NonInteractiveCommands') {
          out.send(PayloadType.exitCode, Buffer.from(`EXIT_CODE: ${exitCode}`));
        }
        term = undefined;
        out.end('');
      });
    },
    input(payloadType: number, payload: Buffer): Delivery {
      if (!term) {
        return 'done';
      }
      if (payloadType === PayloadType.output) {
        typed.write(payload);
      } else if (payloadType === PayloadType.size) {
        try {
          const size = JSON.parse(payload.toString('utf8')) as { cols?: number; rows?: number };
          if (size.cols && size.rows) {
            term.resize(size.cols, size.rows);
          }
        } catch {
          // A malformed size is ignored, as the agent logs and goes on.
        }
      } else if (payloadType === PayloadType.flag && payload.length >= 4 && payload.readUInt32BE(0) === FlagValue.terminateSession) {
        out.end('');
      }
      return 'done';
    },
    window(open: boolean) {
      drain.set(term, !open);
      typed.hold(!open);
    },
    stop() {
      stopped = true;
      if (term) {
        killGroup(term);
      }
      drain.release();
      if (ownDir) {
        rmSync(ownDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Reading the pty to its end, and pausing it while the client catches up. Linux may drop what is still
 * buffered in a pty when its last slave descriptor closes (the process exits), and node-pty destroys the
 * reading socket 200 ms after the exit anyway (unixTerminal.js). So the agent holds a slave descriptor of
 * its own: the pty never hangs up under the reader. node-pty's destroy (it means: the process has exited)
 * is held until the reader is not paused and nothing more arrives; then the agent's descriptor closes and
 * the destroy goes ahead, which ends the pty and fires its exit.
 */
class PtyDrain {
  private paused = false;
  private slave: number | undefined;
  private poll: NodeJS.Timeout | undefined;

  watch(term: pty.IPty): void {
    const internals = term as unknown as { _socket?: { destroy: () => void; bytesRead: number }; ptsName?: string };
    const socket = internals._socket;
    if (!socket || !internals.ptsName) {
      return;
    }
    try {
      this.slave = openSync(internals.ptsName, constants.O_RDWR | constants.O_NOCTTY);
    } catch {
      return;
    }
    const destroy = socket.destroy.bind(socket);
    socket.destroy = () => {
      if (this.poll || this.slave === undefined) {
        return destroy();
      }
      let last = -1;
      this.poll = setInterval(() => {
        if (this.paused || socket.bytesRead !== last) {
          last = this.paused ? -1 : socket.bytesRead;
          return;
        }
        this.release();
        setTimeout(destroy, DRAIN_QUIET_MS);
      }, DRAIN_QUIET_MS);
    };
  }

  set(term: pty.IPty | undefined, paused: boolean): void {
    if (!term || paused === this.paused) {
      return;
    }
    this.paused = paused;
    if (paused) {
      term.pause();
    } else {
      term.resume();
    }
  }

  /** Closes the agent's own slave descriptor (idempotent). */
  release(): void {
    clearInterval(this.poll);
    if (this.slave !== undefined) {
      closeSync(this.slave);
      this.slave = undefined;
    }
  }
}

function killGroup(term: pty.IPty): void {
  try {
    // node-pty makes the child a session leader: its process group holds what it started.
    process.kill(-term.pid, 'SIGKILL');
  } catch {
    try {
      term.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** The length of the longest prefix that ends on a UTF-8 character boundary (invalid bytes count as whole). */
export function completeUtf8Length(b: Buffer): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const byte = b[b.length - back];
    if ((byte & 0xc0) === 0x80) {
      continue;
    }
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? b.length - back : b.length;
  }
  return b.length;
}
