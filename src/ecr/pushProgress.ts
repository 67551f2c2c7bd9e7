/**
 * Reads the container CLI's push output line by line into layer progress: docker's
 * `<layer>: Preparing|Waiting|Pushing [==>  ] 1.2MB/3.4MB|Pushed|Layer already exists|Mounted from x`
 * and `<tag>: digest: sha256:… size: N`, podman's `Copying blob sha256:… done`, and finch/nerdctl's
 * `layer-sha256:…: done`. Unknown lines are ignored (they still go to the log).
 */
export type LayerState = 'waiting' | 'pushing' | 'done';

export interface PushProgress {
  total: number;
  done: number;
  /** Bytes sent / to send over the layers that reported sizes. */
  sentBytes: number;
  totalBytes: number;
  digest?: string;
  /** One line for a notification, e.g. `2/3 layers · 1.2 MB/3.4 MB`. */
  message: string;
}

const UNITS: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

export function parseSize(text: string): number {
  const m = /^([\d.]+)\s*([kKMGT]?i?B)$/.exec(text.trim());
  return m ? Math.round(parseFloat(m[1]) * (UNITS[m[2]] ?? 1)) : 0;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 'B';
  for (const u of units) {
    if (value < 1000) break;
    value /= 1000;
    unit = u;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${unit}`;
}

const DONE = /^(Pushed|Layer already exists|Mounted from .*|Already exists|done)$/i;

export class PushProgressParser {
  private readonly layers = new Map<string, { state: LayerState; sent: number; size: number }>();
  private digest: string | undefined;

  /** Feeds one line; returns the new progress when the line changed it. */
  push(rawLine: string): PushProgress | undefined {
    const line = rawLine.trim();
    if (!line) return undefined;
    const digest = /(?:^|\s)digest: (sha256:[0-9a-f]{64})(?:\s|$)/.exec(line);
    if (digest) {
      this.digest = digest[1];
      return this.progress();
    }
    const podman = /^Copying (blob|config) (?:sha256:)?([0-9a-f]{6,})\s*(.*)$/.exec(line);
    if (podman) {
      if (podman[1] === 'blob') this.set(podman[2].slice(0, 12), /done|skipped|already exists/i.test(podman[3]) ? 'done' : 'pushing');
      return this.progress();
    }
    const layer = /^(?:layer-|manifest-|config-)?(?:sha256:)?([0-9a-f]{12,64}):\s+(.*)$/.exec(line);
    if (!layer) return undefined;
    const [, id, rest] = layer;
    const status = rest.trim();
    if (/^(Preparing|Waiting)$/i.test(status)) this.set(id, 'waiting');
    else if (/^(Pushing|uploading)/i.test(status)) {
      const sizes = /([\d.]+\s*[kKMGT]?i?B)\s*\/\s*([\d.]+\s*[kKMGT]?i?B)/.exec(status);
      this.set(id, 'pushing', sizes ? { sent: parseSize(sizes[1]), size: parseSize(sizes[2]) } : undefined);
    } else if (DONE.test(status) || /^done\b/i.test(status)) this.set(id, 'done');
    else return undefined;
    return this.progress();
  }

  private set(id: string, state: LayerState, bytes?: { sent: number; size: number }): void {
    const key = id.slice(0, 12);
    const layer = this.layers.get(key) ?? { state, sent: 0, size: 0 };
    layer.state = state;
    if (bytes) {
      layer.sent = bytes.sent;
      layer.size = bytes.size;
    }
    if (state === 'done') layer.sent = layer.size;
    this.layers.set(key, layer);
  }

  progress(): PushProgress {
    const layers = [...this.layers.values()];
    const done = layers.filter((l) => l.state === 'done').length;
    const sentBytes = layers.reduce((n, l) => n + l.sent, 0);
    const totalBytes = layers.reduce((n, l) => n + l.size, 0);
    const bytes = totalBytes ? ` · ${formatBytes(sentBytes)}/${formatBytes(totalBytes)}` : '';
    const message = this.digest ? `pushed ${this.digest.slice(0, 19)}` : `${done}/${layers.length} layers${bytes}`;
    return { total: layers.length, done, sentBytes, totalBytes, digest: this.digest, message };
  }
}

/** Splits a byte stream into lines (\n, and \r for progress redraws), keeping the partial tail. */
export class LineSplitter {
  private tail = '';
  constructor(private readonly onLine: (line: string) => void) {}

  write(chunk: string): void {
    const parts = (this.tail + chunk).split(/\r\n|\r|\n/);
    this.tail = parts.pop() ?? '';
    for (const part of parts) this.onLine(part);
  }

  end(): void {
    if (this.tail) this.onLine(this.tail);
    this.tail = '';
  }
}
