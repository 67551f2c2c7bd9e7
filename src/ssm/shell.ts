import { Emitter } from '../util/events';
import { jsonPayload, PayloadType } from './clientMessage';
import type { SsmSession } from './session';

/** The reference client reads the keyboard 1 KB at a time: one data-channel message per 1 KB of input. */
export const INPUT_CHUNK_BYTES = 1024;

/** `EXIT_CODE: <n>`: the agent's ExitCode payload when a command finishes. */
const EXIT_CODE = /EXIT_CODE:\s*(-?\d+)/;

/**
 * The terminal protocol of a shell or command session: keystrokes and pasted text as Output payloads,
 * the terminal size as a Size payload `{"cols":…,"rows":…}`, the agent's Output and StdErr as the
 * terminal's bytes, and its ExitCode when it sends one.
 */
export class ShellChannel {
  private readonly output = new Emitter<Buffer>();
  private size?: { cols: number; rows: number };
  exitCode?: number;
  readonly onOutput = this.output.event;

  constructor(private readonly session: SsmSession) {
    session.onPayload(({ payloadType, payload }) => {
      if (payloadType === PayloadType.Output || payloadType === PayloadType.StdErr) this.output.fire(payload);
      else if (payloadType === PayloadType.ExitCode) {
        const match = EXIT_CODE.exec(payload.toString('utf8'));
        if (match) this.exitCode = Number(match[1]);
      }
    });
  }

  write(data: string | Uint8Array): void {
    let bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    // A lone line feed is Enter: the agent's terminal expects a carriage return (as the reference client sends).
    if (bytes.length === 1 && bytes[0] === 0x0a) bytes = Buffer.from([0x0d]);
    for (let offset = 0; offset < bytes.length; offset += INPUT_CHUNK_BYTES) {
      this.session.send(PayloadType.Output, bytes.subarray(offset, offset + INPUT_CHUNK_BYTES));
    }
  }

  /** Sends the size when it changed. */
  resize(cols: number, rows: number): void {
    const size = { cols: Math.max(1, Math.floor(cols)), rows: Math.max(1, Math.floor(rows)) };
    if (this.size && this.size.cols === size.cols && this.size.rows === size.rows) return;
    this.size = size;
    this.session.send(PayloadType.Size, jsonPayload(size));
  }
}
