/** Small deterministic PRNG (mulberry32) so seeds and ids are the same on every run. */
import { flat } from './flat';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class Random {
  private state: number;
  constructor(seed = 20250115) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  hex(len: number): string {
    // The same digits as toString(16).padStart(8, '0') per draw, without the intermediate strings:
    // seeds draw hundreds of thousands of ids.
    let s = '';
    for (let drawn = 0; drawn < len; drawn += 8) {
      const n = Math.floor(this.next() * 0x100000000);
      s += HEX[n >>> 24] + HEX[(n >>> 16) & 0xff] + HEX[(n >>> 8) & 0xff] + HEX[n & 0xff];
    }
    return flat(len % 8 ? s.slice(0, len) : s);
  }
  digits(len: number): string {
    let s = String(1 + this.int(9));
    while (s.length < len) {
      s += String(this.int(10));
    }
    return flat(s);
  }
  uuid(): string {
    const h = this.hex(32);
    return flat(`${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`);
  }
  /** Letters and digits, as AWS's opaque secrets and tokens look. */
  token(len: number): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let s = '';
    while (s.length < len) {
      s += alphabet[this.int(alphabet.length)];
    }
    return flat(s);
  }
}
