/**
 * Keystrokes and pastes into the pseudo-terminal, a little at a time. Node writes to a terminal
 * synchronously (tty.WriteStream blocks), and the terminal echoes what it is given into its output: a
 * large paste written at once fills the output while the event loop, stuck in the write, cannot read it,
 * and the shell, the pty and the agent wait on each other for ever. So input goes in small pieces with
 * a turn of the event loop between them (the output is read in that turn), and waits while the output is
 * paused for the client to catch up, as the real agent stops reading its input when it stops sending.
 */
import type { IPty } from '@lydell/node-pty';

const PIECE = 256;

export class PtyInput {
  private readonly queue: Buffer[] = [];
  private pumping = false;
  private held = false;

  constructor(private readonly term: () => IPty | undefined) {}

  write(data: Buffer): void {
    for (let i = 0; i < data.length; i += PIECE) this.queue.push(Buffer.from(data.subarray(i, i + PIECE)));
    this.pump();
  }

  /** While the output is paused, input waits too (its echo would have nowhere to go). */
  hold(held: boolean): void {
    this.held = held;
    if (!held) this.pump();
  }

  private pump(): void {
    if (this.pumping || this.held) return;
    const term = this.term();
    const next = this.queue.shift();
    if (!term || !next) return;
    // node-pty takes bytes too (encoding null), though its types say string.
    (term.write as unknown as (d: Buffer) => void)(next);
    if (!this.queue.length) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      this.pump();
    });
  }
}
