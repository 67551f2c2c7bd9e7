/**
 * Helpers for typed state: records are the AWS shapes themselves, so what a handler returns is
 * exactly what AWS sends; what only the emulator needs lives beside them in Extras.
 */

/** An AWS shape whose members `K` the emulator always sets. */
export type Has<T, K extends keyof T> = T & { [P in K]-?: NonNullable<T[P]> };

/** Emulator-private data kept beside an AWS-shaped object (keyed by the object, so it goes when the object goes). */
export class Extras<T extends object, P> {
  private readonly map = new WeakMap<T, P>();

  set(o: T, p: P): P {
    this.map.set(o, p);
    return p;
  }

  get(o: T): P | undefined {
    return this.map.get(o);
  }

  of(o: T): P {
    const p = this.map.get(o);
    if (!p) {
      throw new Error('emulator bug: an object has no private state');
    }
    return p;
  }
}

export function getOrCreate<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let m = map.get(key);
  if (!m) {
    m = new Map();
    map.set(key, m);
  }
  return m;
}
