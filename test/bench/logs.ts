/**
 * npm run bench:logs — what a log document costs in the extension at 100,000 lines (src/logs, no
 * editor): interleaving a service's streams by time (the sort readWindow does), appending events
 * as Follow delivers them (batches of 20, the text kept as one appended string) and reading the
 * whole text as the content provider hands it to the editor (reading a character makes V8 flatten it), and Load older (10,000 lines put
 * before the rest). Prints one line per case (medians of RUNS):
 *   logs case=<name> lines=<n> ms=<n> [per_batch_us=<n>]
 * The editor's own work on each change (VS Code's model update) is not in these figures.
 */
import { byTime, type LogLine } from '../../src/logs/logQuery';
import { LogText } from '../../src/logs/logText';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LINES = 100_000;
const STREAMS = 50;
const BATCH = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function lines(count: number, start = Date.UTC(2025, 0, 15, 9)): LogLine[] {
  return Array.from({ length: count }, (_, i) => ({
    timestamp: start + Math.floor(i / STREAMS) * 7 + (i % STREAMS),
    eventId: String(i).padStart(12, '0'),
    label: `${(0x10000000 + (i % STREAMS)).toString(16)}/web`,
    message: `web: GET /orders/${i} 200 ${i % 97}ms user=${i % 1000} trace=${(i * 2654435761) % 4294967296}`,
  }));
}

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function main(): void {
  const all = lines(LINES);
  // Streams arrive one after another (one FilterLogEvents answer each); readWindow interleaves them.
  const byStream = [...all].sort((a, b) => a.label.localeCompare(b.label) || a.timestamp - b.timestamp);
  const sortMs = median(Array.from({ length: RUNS }, () => time(() => [...byStream].sort(byTime))));
  console.log(`logs case=interleave lines=${LINES} streams=${STREAMS} ms=${sortMs.toFixed(1)}`);

  const appendRuns: number[] = [];
  const batchRuns: number[] = [];
  const lastBatchRuns: number[] = [];
  const textRuns: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const text = new LogText();
    text.header = '# service web · group /ecs/demo-web · 50 streams · last 1 h · filter: none · following: live tail';
    const batchTimes: number[] = [];
    appendRuns.push(
      time(() => {
        for (let i = 0; i < LINES; i += BATCH) batchTimes.push(time(() => text.append(all.slice(i, i + BATCH))));
      }),
    );
    batchRuns.push(median(batchTimes));
    lastBatchRuns.push(median(batchTimes.slice(-100)));
    // What the provider returns after a change (flattening the appended string once).
    textRuns.push(time(() => void text.text().charCodeAt(LINES)));
  }
  console.log(`logs case=follow-append lines=${LINES} batch=${BATCH} ms=${median(appendRuns).toFixed(1)} per_batch_us=${(median(batchRuns) * 1000).toFixed(1)} per_batch_at_100k_us=${(median(lastBatchRuns) * 1000).toFixed(1)}`);
  console.log(`logs case=provide-text lines=${LINES} ms=${median(textRuns).toFixed(1)}`);

  const older = lines(10_000, Date.UTC(2025, 0, 15, 8));
  const prependMs = median(
    Array.from({ length: RUNS }, () => {
      const text = new LogText();
      text.append(all);
      void text.text().charCodeAt(LINES);
      return time(() => {
        text.prepend(older, '--- 10000 older lines loaded ---');
        void text.text().charCodeAt(LINES);
      });
    }),
  );
  console.log(`logs case=load-older lines=10000 onto=${LINES} ms=${prependMs.toFixed(1)}`);
}

main();
