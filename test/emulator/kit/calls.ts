/** The requests the emulator received, by `service:Operation`, in all and per region. */
export class CallLog {
  /** All regions. */
  readonly total = new Map<string, number>();
  readonly byRegion = new Map<string, Map<string, number>>();

  record(key: string, region: string): void {
    this.total.set(key, (this.total.get(key) ?? 0) + 1);
    let m = this.byRegion.get(region);
    if (!m) {
      m = new Map();
      this.byRegion.set(region, m);
    }
    m.set(key, (m.get(key) ?? 0) + 1);
  }

  /** The counts of one region (an empty map when it received nothing), or of all. */
  of(region?: string): Map<string, number> {
    return region ? (this.byRegion.get(region) ?? new Map()) : this.total;
  }

  toJson(region?: string): Record<string, unknown> {
    if (region) {
      return Object.fromEntries(this.of(region));
    }
    return { total: Object.fromEntries(this.total), byRegion: Object.fromEntries([...this.byRegion].map(([r, m]) => [r, Object.fromEntries(m)])) };
  }
}
