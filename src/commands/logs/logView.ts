/**
 * One log document's state: what it shows (target, scope, time window, filter), the streams that
 * resolved to, its text, and Follow. Reading and following are the plain core in src/logs; this
 * keeps them together and tells the document when its text changed.
 */
import type { ClientManager, AwsScope } from '../../aws/clientManager';
import { shortTaskId } from '../../aws/arn';
import { Follow, type FollowMode } from '../../logs/follow';
import { readWindow, MAX_WINDOW_LINES } from '../../logs/logQuery';
import { containerLogs, streamSets, targetTasks, type ContainerLog, type LogTarget, type StreamSet } from '../../logs/logSources';
import { LogText } from '../../logs/logText';
import { describeWindow, olderWindow, type TimeWindow } from '../../logs/timeRange';

export interface LogViewOptions {
  window: TimeWindow;
  filterPattern: string;
}

export class LogView {
  readonly text = new LogText();
  sets: StreamSet[] = [];
  private logs: ContainerLog[] = [];
  private follow: Follow | undefined;
  mode: FollowMode | 'none' = 'none';
  private modeDetail = '';
  private truncated = false;

  constructor(
    private readonly clients: ClientManager,
    readonly scope: AwsScope,
    readonly target: LogTarget,
    public options: LogViewOptions,
    /** The text changed (fired at most as often as the document can take it). */
    private readonly changed: () => void,
    private readonly log: { warn(message: string): void },
  ) {}

  get following(): boolean {
    return this.follow !== undefined;
  }

  get title(): string {
    const t = this.target;
    return t.task ? `task ${shortTaskId(t.task)}${t.container ? ` / ${t.container}` : ''}` : `service ${t.service}${t.container ? ` / ${t.container}` : ''}`;
  }

  /** Resolves the tasks and streams again and reads the window (after a change of range or filter). */
  async load(): Promise<void> {
    // A load that ends a Follow starts it again; one that supersedes it inherits that.
    const wasFollowing = this.following || this.followAfterLoad;
    this.followAfterLoad = wasFollowing;
    // A later load (a new filter while this one reads) supersedes this one: only the last writes.
    const generation = ++this.loads;
    // The header is rewritten once the new lines are in: until then it keeps describing the old ones.
    this.endFollow();
    const tasks = await targetTasks(this.clients, this.scope, this.target, Date.now());
    const logs = await containerLogs(this.clients, this.scope, tasks, this.target.container);
    if (generation !== this.loads) return;
    this.logs = logs;
    this.sets = streamSets(this.logs);
    const result = this.sets.length ? await readWindow(this.clients, this.scope, this.sets, this.options.window, this.options.filterPattern) : undefined;
    if (generation !== this.loads) return;
    this.text.clear();
    const unreadable = this.logs.filter((l) => !l.location.readable || l.location.note);
    const notes = [...new Set(unreadable.map((l) => (l.location.readable ? `[${l.label}] ${l.location.note}` : `[${l.label}] ${l.location.where} ${l.location.change}`)))];
    this.text.appendText(notes);
    if (result) {
      this.truncated = result.truncated;
      this.text.append(result.lines);
      this.lastRead = result.lines;
    }
    this.refreshHeader();
    this.followAfterLoad = false;
    if (wasFollowing) await this.startFollowing();
  }

  private lastRead: { eventId?: string; timestamp: number }[] = [];
  private loads = 0;
  private followAfterLoad = false;

  async loadOlder(): Promise<number> {
    if (!this.sets.length) return 0;
    const older = olderWindow(this.options.window, Date.now());
    const { lines } = await readWindow(this.clients, this.scope, this.sets, older, this.options.filterPattern);
    this.options = { ...this.options, window: { start: older.start, end: this.options.window.end } };
    this.text.prepend(lines, `--- ${lines.length} older line${lines.length === 1 ? '' : 's'} loaded (${describeWindow(older, Date.now())}) ---`);
    this.refreshHeader();
    return lines.length;
  }

  async startFollowing(): Promise<FollowMode | 'none'> {
    if (this.follow || !this.sets.length) return this.mode;
    const from = this.text.newest ?? Date.now();
    const seen = this.lastRead.filter((l) => l.timestamp >= from && l.eventId).map((l) => l.eventId!);
    const follow = new Follow({
      clients: this.clients,
      scope: this.scope,
      sets: this.sets,
      filterPattern: this.options.filterPattern,
      from,
      seen,
      // A Follow stopped while it was starting (Stop Following clicked meanwhile) no longer speaks for the view.
      onLines: (lines) => {
        if (this.follow !== follow) return;
        this.text.append(lines);
        this.refreshHeader();
      },
      onMode: (mode, detail) => {
        if (this.follow !== follow) return;
        this.mode = mode;
        this.modeDetail = detail;
        this.refreshHeader();
      },
      onError: (error) => this.log.warn(`Show Logs (${this.title}): ${error instanceof Error ? error.message : String(error)}`),
    });
    this.follow = follow;
    await follow.start();
    return this.mode;
  }

  stopFollowing(): void {
    this.followAfterLoad = false;
    this.endFollow();
    this.refreshHeader();
  }

  private endFollow(): void {
    this.follow?.stop();
    this.follow = undefined;
    this.mode = 'none';
    this.modeDetail = '';
  }

  dispose(): void {
    this.stopFollowing();
  }

  private refreshHeader(): void {
    const groups = this.sets.map((s) => `${s.logGroup}${s.region !== this.scope.region ? ` (${s.region})` : ''}`).join(', ') || 'none';
    const streams = this.sets.reduce((n, s) => n + s.streams.size, 0);
    const whole = this.sets.some((s) => s.wholeGroup) ? ' + whole group' : '';
    const mode = this.mode === 'none' ? 'not following' : `following: ${this.mode === 'live-tail' ? 'live tail' : 'polling'} (${this.modeDetail})`;
    const more = this.truncated ? ` · first ${MAX_WINDOW_LINES.toLocaleString('en-US')} lines of the range` : '';
    this.text.header = `# ${this.title} · group ${groups} · ${streams} stream${streams === 1 ? '' : 's'}${whole} · ${describeWindow(this.options.window, Date.now())}${more} · filter: ${this.options.filterPattern || 'none'} · ${mode}`;
    this.changed();
  }
}
