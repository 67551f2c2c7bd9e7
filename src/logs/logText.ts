/**
 * The text of one log document: a header line and the lines below it, kept as one string that is
 * appended to (V8 joins appended strings without copying them), so a new event costs its own
 * length, not the document's, at 100,000 lines as at 10.
 */
import { formatLine, type LogLine } from './logQuery';

export class LogText {
  private body = '';
  private count = 0;
  private eventCount = 0;
  private lastTimestamp: number | undefined;
  header = '';

  /** Lines below the header. */
  get lineCount(): number {
    return this.count;
  }

  /** Log events shown (lines from CloudWatch Logs, not notes). */
  get events(): number {
    return this.eventCount;
  }

  /** The newest timestamp shown (Follow starts there). */
  get newest(): number | undefined {
    return this.lastTimestamp;
  }

  clear(): void {
    this.body = '';
    this.count = 0;
    this.eventCount = 0;
    this.lastTimestamp = undefined;
  }

  /** New lines at the end (already in time order). */
  append(lines: readonly LogLine[]): void {
    if (!lines.length) return;
    let chunk = '';
    for (const line of lines) chunk += formatLine(line) + '\n';
    this.body += chunk;
    this.count += lines.length;
    this.eventCount += lines.length;
    const last = lines[lines.length - 1].timestamp;
    this.lastTimestamp = Math.max(this.lastTimestamp ?? last, last);
  }

  /** Plain text lines (explanations, notes) at the end. */
  appendText(lines: readonly string[]): void {
    if (!lines.length) return;
    this.body += lines.join('\n') + '\n';
    this.count += lines.length;
  }

  /** Older lines before the rest (Load older). */
  prepend(lines: readonly LogLine[], marker?: string): void {
    let chunk = '';
    for (const line of lines) chunk += formatLine(line) + '\n';
    if (marker) chunk += marker + '\n';
    this.body = chunk + this.body;
    this.count += lines.length + (marker ? 1 : 0);
    this.eventCount += lines.length;
    if (lines.length && this.lastTimestamp === undefined) this.lastTimestamp = lines[lines.length - 1].timestamp;
  }

  text(): string {
    return `${this.header}\n${this.body}`;
  }
}
