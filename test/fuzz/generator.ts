/**
 * The one input generator of the task/service-definition fuzz harness (test/fuzz/run.ts, the
 * unit test test/unit/taskdef/fuzz.test.ts and the CLI check share it).
 *
 * Every case starts from a real definition (the project's fixtures, optionally more files) and
 * applies one mutation kind, or a stack of small ones. Case `index` of a run seeded `seed` depends
 * only on (seed, index, scale, seed files): `generateCase(...)` replays it without the cases before it.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { DocumentKind } from '../../src/taskdef/types';
import { deepNest, hugeArray, hugeString } from './bigMutations';
import type { Ctx, Mutation } from './mutate';
import { cutSlice, duplicateKeys, empty, garbage, renameKey, topLevel, truncate, typeSwap, wrap } from './mutations';
import { POSITION_CLASSES } from './positions';
import { Rng, caseSeed } from './rng';
import { bom, encoding, jsonc, lineEndings } from './textMutations';

export { POSITION_CLASSES, type PositionClass, samplePositions } from './positions';

export interface SeedFile {
  name: string;
  kind: DocumentKind;
  text: string;
}

export interface FuzzCase {
  /** `mutation/seed/index`, what the figures line prints for the worst case. */
  id: string;
  /** The mutation kind and its variant, e.g. `truncate:inside-key` or `stack:rename-key+jsonc`. */
  mutation: string;
  /** The input classes it belongs to (REQUIRED_CLASSES, `truncate:<position class>`, other mutation names). */
  classes: string[];
  seed: number;
  index: number;
  seedFile: string;
  /** The language the editor would use for the file (the seed's kind, sometimes the other). */
  kind: DocumentKind;
  fileName: string;
  /** The text as the editor and the CLI see it (a file's bytes decoded as UTF-8). */
  text: string;
  /** The file's bytes when they are not the UTF-8 encoding of `text` (invalid UTF-8, UTF-16). */
  bytes?: Buffer;
}

export interface Sizes {
  /** Length of the "5 MB" strings. */
  bigString: number;
  /** Items of the "100,000 item" arrays. */
  hugeArray: number;
  /** Upper bound for the text of a huge array (large elements get fewer copies). */
  hugeArrayBytes: number;
}

/** Full-size inputs at scale 1: 5 MB strings, 100,000-item arrays. Nesting is always 1,000 levels (or deeper). */
export function sizesFor(scale: number): Sizes {
  return {
    bigString: Math.max(64, Math.round(5_000_000 * scale)),
    hugeArray: Math.max(10, Math.round(100_000 * scale)),
    hugeArrayBytes: Math.max(4096, Math.round(8_000_000 * scale)),
  };
}

/** The project's own fixtures: test/fixtures/{taskdefs,servicedefs}/{valid,invalid}. */
export function fixtureSeedDirs(repo: string): { dir: string; kind: DocumentKind }[] {
  const out: { dir: string; kind: DocumentKind }[] = [];
  for (const [d, kind] of [['taskdefs', 'task'], ['servicedefs', 'service']] as const)
    for (const sub of ['valid', 'invalid']) out.push({ dir: path.join(repo, 'test', 'fixtures', d, sub), kind });
  return out;
}

/** Extra seed folders laid out like /work/shared/corpus (taskdefs/, servicedefs/). */
export function corpusSeedDirs(root: string): { dir: string; kind: DocumentKind }[] {
  const dirs: { dir: string; kind: DocumentKind }[] = [
    { dir: path.join(root, 'taskdefs'), kind: 'task' },
    { dir: path.join(root, 'servicedefs'), kind: 'service' },
  ];
  return dirs.filter((d) => fs.existsSync(d.dir));
}

export function loadSeeds(dirs: { dir: string; kind: DocumentKind }[]): SeedFile[] {
  const seeds: SeedFile[] = [];
  for (const { dir, kind } of dirs) {
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort())
      seeds.push({ name: `${path.basename(path.dirname(dir))}/${path.basename(dir)}/${f}`, kind, text: fs.readFileSync(path.join(dir, f), 'utf8') });
  }
  if (seeds.length === 0) throw new Error(`no seed files in ${dirs.map((d) => d.dir).join(', ')}`);
  return seeds;
}

// ---------------------------------------------------------------------------------------------

const SMALL: [string, Mutation, number][] = [
  ['truncate', truncate, 14],
  ['rename-key', renameKey, 12],
  ['type-swap', typeSwap, 12],
  ['cut-slice', cutSlice, 4],
  ['duplicate-keys', duplicateKeys, 6],
  ['jsonc', jsonc, 6],
  ['encoding', encoding, 6],
  ['wrap', wrap, 5],
  ['line-endings', lineEndings, 4],
  ['bom', bom, 3],
  ['top-level', topLevel, 3],
  ['empty', empty, 2],
  ['garbage', garbage, 3],
];
// Low weights: each big class is also forced once per BLOCK (see FORCED).
const BIG: [string, Mutation, number][] = [
  ['deep-nest', deepNest, 1],
  ['huge-string', hugeString, 0.5],
  ['huge-array', hugeArray, 0.5],
];
const STACK_WEIGHT = 14;

const FILE_NAMES: Record<DocumentKind, string[]> = {
  task: ['task-definition.json', 'taskdef.json', 'app.json', 'my-task-def.json', 'dir with space/td.json'],
  service: ['service-definition.json', 'ecs-service-def.json', 'svc.json', 'servicedef.json'],
};

export interface GeneratorOptions {
  seed: number;
  seeds: SeedFile[];
  scale?: number;
}

/**
 * The input classes the issue lists; each is forced once in every block of BLOCK cases (truncate
 * cycles through the position classes, block by block), so any run of BLOCK cases or more has them
 * all, and a run of 10,000 every position class. The other cases are drawn by weight.
 */
export const REQUIRED_CLASSES = ['truncate', 'rename-key', 'type-swap', 'deep-nest', 'huge-string', 'invalid-utf8', 'lone-surrogate', 'duplicate-keys', 'huge-array'] as const;
const FORCED: { mutation: string; want?: (block: number) => string }[] = [
  { mutation: 'truncate', want: (b) => POSITION_CLASSES[b % POSITION_CLASSES.length] },
  { mutation: 'rename-key' },
  { mutation: 'type-swap' },
  { mutation: 'deep-nest' },
  { mutation: 'huge-string' },
  { mutation: 'encoding', want: () => 'invalid-utf8' },
  { mutation: 'encoding', want: (b) => (b % 2 ? 'escaped-surrogate' : 'lone-surrogate') },
  { mutation: 'duplicate-keys' },
  { mutation: 'huge-array' },
];
export const BLOCK = 64;

/** The classes a mutation counts for: a required class, `truncate:<position class>`, or the mutation's name. */
function classesOf(name: string, variant: string): string[] {
  if (name === 'truncate') return ['truncate', `truncate:${variant}`];
  if (name === 'encoding') return variant === 'invalid-utf8' ? ['invalid-utf8'] : /surrogate/.test(variant) ? ['lone-surrogate'] : [`encoding:${variant}`];
  return [name];
}

/** Case `index` of the run seeded `seed`. */
export function generateCase(opts: GeneratorOptions, index: number): FuzzCase {
  const rng = new Rng(caseSeed(opts.seed, index));
  const sizes = sizesFor(opts.scale ?? 1);
  const seed = rng.pick(opts.seeds);
  const ctx: Ctx = { rng, sizes, seed };
  const forced = FORCED[index % BLOCK];
  const smallKinds = SMALL.map(([n, , w]) => [n, w] as const);
  const choice = forced?.mutation ?? rng.weighted([...smallKinds, ['stack', STACK_WEIGHT] as const, ...BIG.map(([n, , w]) => [n, w] as const)]);
  let text = seed.text;
  let bytes: Buffer | undefined;
  const labels: string[] = [];
  const classes = new Set<string>();
  const apply = (name: string, m: Mutation, want?: string) => {
    ctx.want = want;
    const r = m(ctx, text);
    text = r.text;
    bytes = r.bytes;
    labels.push(`${name}:${r.variant}`);
    for (const c of classesOf(name, r.variant)) classes.add(c);
  };
  if (choice === 'stack') {
    const n = rng.range(2, 4);
    for (let i = 0; i < n; i++) {
      const [name, m] = rng.pick(SMALL);
      apply(name, m);
    }
  } else {
    const big = BIG.find(([n]) => n === choice);
    if (big) {
      if (!forced && rng.chance(0.3)) {
        const [name, m] = rng.pick(SMALL.filter(([n]) => n !== 'empty' && n !== 'encoding'));
        apply(name, m);
      }
      apply(big[0], big[1]);
    } else {
      const [name, m] = SMALL.find(([n]) => n === choice)!;
      apply(name, m, forced?.want?.(Math.floor(index / BLOCK)));
    }
  }
  // Invalid UTF-8 counts only when the file keeps its bytes (a later mutation re-encodes the decoded text).
  if (!bytes && classes.delete('invalid-utf8')) classes.add('encoding:invalid-utf8-decoded');
  const kind: DocumentKind = rng.chance(0.15) ? (seed.kind === 'task' ? 'service' : 'task') : seed.kind;
  const mutation = choice === 'stack' ? `stack:${labels.map((l) => l.split(':')[0]).join('+')}` : labels[labels.length - 1];
  return {
    id: `${choice}/${opts.seed}/${index}`,
    mutation: choice === 'stack' ? `${mutation} (${labels.join(', ')})` : labels.join(' then '),
    classes: [...classes],
    seed: opts.seed,
    index,
    seedFile: seed.name,
    kind,
    fileName: rng.pick(FILE_NAMES[rng.chance(0.2) ? kind : seed.kind]),
    text,
    bytes,
  };
}

/** The bytes a file of this case holds. */
export function caseBytes(c: FuzzCase): Buffer {
  return c.bytes ?? Buffer.from(c.text, 'utf8');
}
