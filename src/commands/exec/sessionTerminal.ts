import * as vscode from 'vscode';
import type { SessionEnd, SessionState, ShellSession } from '../../exec/types';

const DIM = '\x1b[2m';
const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';
const PRESS_A_KEY = 'Press any key to close this terminal.';

/** Our own lines as a terminal needs them: CR LF line ends. */
function terminalText(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/**
 * A VS Code terminal connected to one ECS Exec session: what the container writes (colours, UTF-8
 * split across messages), keystrokes and pastes, Ctrl-C, resize, and the end. A shell's terminal
 * closes when the shell exits (with its exit status when the agent reports one); a failure (and, with `keepOpenOnExit`,
 * any end) leaves the reason on screen until a key is pressed.
 */
export class SessionTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  private readonly decoder = new TextDecoder();
  private session: ShellSession | undefined;
  private listeners: { dispose(): void }[] = [];
  /** Typed before the session was there: sent once it is. */
  private typedAhead: string[] = [];
  /** The session is over and the terminal stays to show why: the next key closes it. */
  private over = false;
  private closedByUser = false;
  private state: SessionState = 'connecting';
  private size: vscode.TerminalDimensions | undefined;
  private sizeSent: vscode.TerminalDimensions | undefined;
  private readonly openedOnce: Promise<vscode.TerminalDimensions | undefined>;
  private settleOpened!: { resolve(size: vscode.TerminalDimensions | undefined): void; reject(error: Error): void };

  constructor(private readonly keepOpenOnExit: boolean) {
    this.openedOnce = new Promise((resolve, reject) => (this.settleOpened = { resolve, reject }));
  }

  /** Resolves with the terminal's size once VS Code opened it (what is written before is lost); CancellationError when closed first. */
  opened(): Promise<vscode.TerminalDimensions | undefined> {
    return this.openedOnce;
  }

  open(initialDimensions: vscode.TerminalDimensions | undefined): void {
    this.size = initialDimensions;
    this.settleOpened.resolve(initialDimensions);
  }

  close(): void {
    this.closedByUser = true;
    this.settleOpened.reject(new vscode.CancellationError());
    void this.session?.close().catch(() => undefined);
    this.detach();
  }

  handleInput(data: string): void {
    if (this.over) this.closed.fire();
    else if (this.session && this.state !== 'closed') this.session.write(data);
    else if (!this.session) this.typedAhead.push(data);
  }

  setDimensions(dimensions: vscode.TerminalDimensions): void {
    this.size = dimensions;
    this.sendSize();
  }

  /** Our own lines (the banner, notes), dimmed. */
  note(text: string): void {
    this.written.fire(`${DIM}${terminalText(text)}${RESET}`);
  }

  /** Connects the terminal to a started session (`startedWith`: the size it was opened with). */
  attach(session: ShellSession, startedWith: vscode.TerminalDimensions | undefined): void {
    this.session = session;
    this.sizeSent = startedWith;
    if (this.closedByUser) {
      void session.close().catch(() => undefined);
      return;
    }
    this.state = 'connected';
    this.listeners = [
      session.onOutput((data) => this.written.fire(this.decoder.decode(data, { stream: true }))),
      session.onStateChange((state) => this.stateChanged(state)),
      session.onEnd((end) => this.ended(end)),
    ];
    this.sendSize();
    for (const data of this.typedAhead.splice(0)) session.write(data);
  }

  /** The session could not start: the reason and what to do stay on screen. */
  failed(lines: string[]): void {
    this.written.fire(`\r\n${RED}${terminalText(lines.join('\n'))}${RESET}\r\n\r\n${PRESS_A_KEY}`);
    this.over = true;
  }

  private sendSize(): void {
    const size = this.size;
    if (!size || !this.session || this.state === 'closed') return;
    if (size.columns === this.sizeSent?.columns && size.rows === this.sizeSent.rows) return;
    this.sizeSent = size;
    this.session.resize(size.columns, size.rows);
  }

  private stateChanged(state: SessionState): void {
    const before = this.state;
    this.state = state;
    if (state === 'reconnecting') this.written.fire(`\r\n${YELLOW}[connection lost: reconnecting…]${RESET}\r\n`);
    if (state === 'connected' && before === 'reconnecting') {
      this.written.fire(`${YELLOW}[reconnected]${RESET}\r\n`);
      this.sizeSent = undefined;
      this.sendSize();
    }
  }

  private ended(end: SessionEnd): void {
    this.state = 'closed';
    const rest = this.decoder.decode();
    if (rest) this.written.fire(rest);
    this.detach();
    const status = end.exitCode !== undefined ? `exit ${end.exitCode}` : 'session ended';
    if (end.failed) {
      this.failed([`[${status}: ${end.reason}]`]);
      return;
    }
    this.written.fire(`\r\n${DIM}[${status}: ${terminalText(end.reason)}]${RESET}\r\n`);
    if (this.keepOpenOnExit) {
      this.written.fire(PRESS_A_KEY);
      this.over = true;
    } else this.closed.fire(end.exitCode); // unknown (undefined) unless the agent sent one: ECS Exec's interactive sessions carry none
  }

  private detach(): void {
    for (const l of this.listeners.splice(0)) l.dispose();
  }
}
