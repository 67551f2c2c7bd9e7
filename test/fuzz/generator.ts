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
import { type Node, SyntaxKind, createScanner, modify, parseTree } from 'jsonc-parser';
import { schemaFor } from '../../src/taskdef/schema';
import type { DocumentKind } from '../../src/taskdef/types';
import { Rng, caseSeed } from './rng';

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
// Positions by class, from jsonc-parser's scanner (the tokenizer both parsers use).

export const POSITION_CLASSES = [
  'inside-string',
  'inside-key',
  'inside-number',
  'inside-literal',
  'inside-comment',
  'between-tokens',
  'after-comma',
  'after-colon',
  'after-open',
  'before-close',
  'start',
  'end',
  'anywhere',
] as const;
export type PositionClass = (typeof POSITION_CLASSES)[number];

/** Up to `perClass` offsets of each class (reservoir-sampled, one pass, any text size). */
export function samplePositions(text: string, rng: Rng, perClass = 6): Map<PositionClass, number[]> {
  const out = new Map<PositionClass, number[]>();
  const seen = new Map<PositionClass, number>();
  const offer = (c: PositionClass, offset: number) => {
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    let list = out.get(c);
    if (!list) out.set(c, (list = []));
    if (list.length < perClass) list.push(offset);
    else {
      const j = rng.int(n);
      if (j < perClass) list[j] = offset;
    }
  };
  const inside = (offset: number, length: number) => offset + 1 + rng.int(Math.max(1, length - 1));
  const scanner = createScanner(text, false);
  let pendingString: { offset: number; length: number } | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    const trivia = kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia;
    if (pendingString && !trivia) {
      if (pendingString.length >= 2) offer(kind === SyntaxKind.ColonToken ? 'inside-key' : 'inside-string', inside(pendingString.offset, pendingString.length - 1));
      pendingString = undefined;
    }
    switch (kind) {
      case SyntaxKind.StringLiteral:
        pendingString = { offset, length };
        break;
      case SyntaxKind.NumericLiteral:
        if (length >= 2) offer('inside-number', inside(offset, length - 1));
        break;
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword:
      case SyntaxKind.NullKeyword:
        offer('inside-literal', inside(offset, length - 1));
        break;
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        if (length >= 2) offer('inside-comment', inside(offset, length - 1));
        break;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        offer('between-tokens', offset + rng.int(length + 1));
        break;
      case SyntaxKind.CommaToken:
        offer('after-comma', offset + 1);
        break;
      case SyntaxKind.ColonToken:
        offer('after-colon', offset + 1);
        break;
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        offer('after-open', offset + 1);
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        offer('before-close', offset);
        break;
    }
    if (!trivia) offer('between-tokens', offset);
  }
  if (pendingString && pendingString.length >= 2) offer('inside-string', inside(pendingString.offset, pendingString.length - 1));
  offer('start', 0);
  offer('end', text.length);
  for (let i = 0; i < perClass; i++) offer('anywhere', rng.int(text.length + 1));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tree helpers (jsonc-parser's tolerant tree, also on broken text).

interface Tree {
  root: Node | undefined;
  properties: Node[];
  values: Node[];
  strings: Node[];
  numbers: Node[];
  arrays: Node[];
  objects: Node[];
}

function tree(text: string): Tree {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const t: Tree = { root, properties: [], values: [], strings: [], numbers: [], arrays: [], objects: [] };
  const stack: Node[] = root ? [root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'property') t.properties.push(n);
    else {
      const isKey = n.parent?.type === 'property' && n.parent.children?.[0] === n;
      if (!isKey) t.values.push(n);
      if (n.type === 'string') t.strings.push(n);
      if (n.type === 'number') t.numbers.push(n);
      if (n.type === 'array') t.arrays.push(n);
      if (n.type === 'object') t.objects.push(n);
    }
    for (const c of n.children ?? []) stack.push(c);
  }
  return t;
}

function splice(text: string, offset: number, length: number, insert: string): string {
  return text.slice(0, offset) + insert + text.slice(offset + length);
}

function nodeText(text: string, n: Node): string {
  return text.slice(n.offset, n.offset + n.length);
}

/** Every property name of both schemas: "other valid keys" for renames. */
let schemaKeys: string[] | undefined;
function allSchemaKeys(): string[] {
  if (schemaKeys) return schemaKeys;
  const names = new Set<string>();
  const visit = (o: unknown) => {
    if (!o || typeof o !== 'object') return;
    const props = (o as { properties?: Record<string, unknown> }).properties;
    if (props && typeof props === 'object') for (const k of Object.keys(props)) names.add(k);
    for (const v of Object.values(o)) visit(v);
  };
  visit(schemaFor('task'));
  visit(schemaFor('service'));
  return (schemaKeys = [...names].sort());
}

// ---------------------------------------------------------------------------------------------
// Mutations. Each takes the text and returns the new text and a variant label.

interface Ctx {
  rng: Rng;
  sizes: Sizes;
  seed: SeedFile;
}

type Result = { text: string; variant: string; bytes?: Buffer };
type Mutation = (ctx: Ctx, text: string) => Result;

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';

function nearMiss(rng: Rng, s: string): [string, string] {
  const i = s.length ? rng.int(s.length) : 0;
  const ops: [string, () => string][] = [
    ['delete-char', () => s.slice(0, i) + s.slice(i + 1)],
    ['insert-char', () => s.slice(0, i) + rng.pick([...LETTERS]) + s.slice(i)],
    ['swap-chars', () => (s.length > 1 ? s.slice(0, i) + (s[i + 1] ?? '') + s[i] + s.slice(i + 2) : s + s)],
    ['replace-char', () => s.slice(0, i) + rng.pick([...LETTERS]) + s.slice(i + 1)],
    ['toggle-case', () => s.slice(0, i) + (s[i] === s[i]?.toUpperCase() ? (s[i] ?? '').toLowerCase() : (s[i] ?? '').toUpperCase()) + s.slice(i + 1)],
    ['lower', () => s.toLowerCase()],
    ['upper', () => s.toUpperCase()],
    ['capitalised', () => s.charAt(0).toUpperCase() + s.slice(1)],
    ['plural', () => (s.endsWith('s') ? s.slice(0, -1) : s + 's')],
    ['padded', () => rng.pick([' ', '\t', '']) + s + rng.pick([' ', '', '\u00a0'])],
    ['snake', () => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())],
    ['kebab', () => s.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())],
  ];
  const [name, f] = rng.pick(ops);
  return [name, f()];
}

/** Keys that are awkward for code: prototype names, digits, pointer escapes, placeholders, escapes. */
const SPECIAL_KEYS: string[] = [
  '',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '0',
  '12',
  '-1',
  '1e3',
  'a/b',
  '~0',
  '~1',
  'a~1b',
  '${KEY}',
  '{{ .Key }}',
  '<KEY>',
  'taskDefinition',
  'service',
  'services',
  'ResponseMetadata',
  'ńame',
  '名前',
  '😀',
  ' ',
  'awslogs-group',
];
/** Raw JSON source for keys (escapes the parser decodes). */
const RAW_KEYS: string[] = ['"\\u0066amily"', '"a\\nb"', '"\\ud800"', '"\\udc00x"', '"\\u0000"', '"\\"quoted\\""', '"\\\\"', '"bad\\escape"', '"\\u12"'];

const renameKey: Mutation = ({ rng }, text) => {
  const t = tree(text);
  if (!t.properties.length) return { text: text + '"k"', variant: 'no-key' };
  const p = rng.pick(t.properties);
  const key = p.children?.[0];
  if (!key) return { text, variant: 'no-key' };
  const style = rng.weighted([
    ['near-miss', 5],
    ['other-valid-key', 4],
    ['special', 2],
    ['raw-escape', 1],
  ] as const);
  let newKey: string;
  let variant: string = style;
  if (style === 'near-miss') {
    const [op, k] = nearMiss(rng, String(key.value));
    newKey = JSON.stringify(k);
    variant += `/${op}`;
  } else if (style === 'other-valid-key') newKey = JSON.stringify(rng.pick(allSchemaKeys()));
  else if (style === 'special') newKey = JSON.stringify(rng.pick(SPECIAL_KEYS));
  else newKey = rng.pick(RAW_KEYS);
  return { text: splice(text, key.offset, key.length, newKey), variant };
};

const VALUES: Record<string, string[]> = {
  string: ['"x"', '""', '"256"', '"1 vCPU"', '"0.5 GB"', '"true"', '"awsvpc"', '"FARGATE"', '"${VAR}"', '"arn:aws:iam::123456789012:role/x"', '" "', '"-1"', '"1e400"', '"NaN"'],
  number: ['0', '-1', '1.5', '1e400', '-1e400', '1e-400', '9007199254740993', '123456789012345678901234567890', '-0', '65536', '256', '0.0001', '2147483648'],
  boolean: ['true', 'false'],
  null: ['null'],
  array: ['[]', '[null]', '[1, "a", {}, [], true, null]', '["FARGATE"]', '[{}]', '[[]]'],
  object: ['{}', '{"a": 1}', '{"name": "x"}', '{"": null}', '{"__proto__": {}}', '{"containerPort": 80}', '{"name": null, "value": 1}'],
};

const typeSwap: Mutation = ({ rng }, text) => {
  const t = tree(text);
  if (!t.values.length) return { text: rng.pick(VALUES.object), variant: 'whole' };
  const v = rng.chance(0.1) && t.root ? t.root : rng.pick(t.values);
  const types = Object.keys(VALUES).filter((k) => k !== v.type);
  const to = rng.pick(types);
  let replacement = rng.pick(VALUES[to]);
  if (to === 'array' && rng.chance(0.3)) replacement = `[${nodeText(text, v)}]`;
  if (to === 'object' && rng.chance(0.3)) replacement = `{"value": ${nodeText(text, v)}}`;
  if (rng.chance(0.15) && t.values.length > 1) {
    const other = rng.pick(t.values);
    if (other !== v && !(other.offset <= v.offset && other.offset + other.length >= v.offset + v.length)) replacement = nodeText(text, other);
    return { text: splice(text, v.offset, v.length, replacement), variant: `${v.type}->transplant` };
  }
  return { text: splice(text, v.offset, v.length, replacement), variant: `${v.type}->${to}` };
};

const truncate: Mutation = ({ rng }, text) => {
  const pos = samplePositions(text, rng);
  const classes = [...pos.keys()].filter((c) => c !== 'start' && c !== 'end');
  const c = rng.pick(classes.length ? classes : (['anywhere'] as PositionClass[]));
  const at = rng.pick(pos.get(c) ?? [0]);
  return { text: text.slice(0, at), variant: c };
};

const cutSlice: Mutation = ({ rng }, text) => {
  const pos = samplePositions(text, rng);
  const all = [...pos.values()].flat();
  const a = rng.pick(all);
  const b = rng.pick(all);
  return { text: text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b)), variant: 'between-positions' };
};

const duplicateKeys: Mutation = ({ rng }, text) => {
  const t = tree(text);
  const objs = t.objects.filter((o) => o.children?.length);
  if (!objs.length) return { text: '{"a": 1, "a": 2}', variant: 'whole' };
  const o = rng.pick(objs);
  const p = rng.pick(o.children!);
  const copies = rng.weighted([
    [1, 6],
    [3, 2],
    [100, 1],
    [1000, 1],
  ] as const);
  const changed = rng.chance(0.4);
  const key = p.children?.[0] ? nodeText(text, p.children[0]) : '"k"';
  const one = changed ? `${key}: ${rng.pick(VALUES[rng.pick(Object.keys(VALUES))])}` : nodeText(text, p);
  const insert = (',' + one).repeat(copies);
  return { text: splice(text, p.offset + p.length, 0, insert), variant: `${copies}x${changed ? '-other-value' : ''}` };
};

const COMMENTS = ['// comment\n', '/* comment */', '/**/', '/* multi\nline */', '// 🙂 ünïcode\r\n', '/* unterminated', '//'];

const jsonc: Mutation = ({ rng }, text) => {
  const style = rng.pick(['comments', 'trailing-commas', 'both', 'double-commas', 'leading-comma'] as const);
  let out = text;
  if (style === 'comments' || style === 'both') {
    const pos = samplePositions(out, rng);
    const offsets = [...(pos.get('between-tokens') ?? []), ...(pos.get('after-comma') ?? []), ...(pos.get('after-open') ?? [])].sort((a, b) => b - a);
    for (const at of offsets.slice(0, rng.range(1, 6))) out = splice(out, at, 0, rng.pick(COMMENTS));
  }
  if (style !== 'comments') {
    const t = tree(out);
    const containers = [...t.arrays, ...t.objects].filter((n) => n.children?.length);
    const edits: number[] = [];
    for (let i = 0; i < rng.range(1, 5) && containers.length; i++) {
      const n = rng.pick(containers);
      const kids = n.children!;
      if (style === 'leading-comma') edits.push(n.offset + 1);
      else {
        const last = kids[kids.length - 1];
        edits.push(last.offset + last.length);
      }
    }
    for (const at of [...new Set(edits)].sort((a, b) => b - a)) out = splice(out, at, 0, style === 'double-commas' ? ',,' : ',');
  }
  return { text: out, variant: style };
};

const bom: Mutation = ({ rng }, text) => {
  const style = rng.pick(['leading', 'double', 'inside', 'with-crlf'] as const);
  if (style === 'leading') return { text: '\ufeff' + text, variant: style };
  if (style === 'double') return { text: '\ufeff\ufeff' + text, variant: style };
  if (style === 'with-crlf') return { text: '\ufeff' + text.replace(/\r?\n/g, '\r\n'), variant: style };
  const at = rng.pick(samplePositions(text, rng).get('between-tokens') ?? [0]);
  return { text: splice(text, at, 0, '\ufeff'), variant: style };
};

const lineEndings: Mutation = ({ rng }, text) => {
  const style = rng.pick(['crlf', 'cr', 'mixed', 'in-string', 'line-separators', 'trailing-cr'] as const);
  switch (style) {
    case 'crlf':
      return { text: text.replace(/\r?\n/g, '\r\n'), variant: style };
    case 'cr':
      return { text: text.replace(/\r?\n/g, '\r'), variant: style };
    case 'mixed':
      return { text: text.replace(/\r?\n/g, () => rng.pick(['\n', '\r\n', '\r', '\n\r'])), variant: style };
    case 'in-string': {
      const at = rng.pick(samplePositions(text, rng).get('inside-string') ?? [0]);
      return { text: splice(text, at, 0, rng.pick(['\r\n', '\n', '\r'])), variant: style };
    }
    case 'line-separators': {
      const pos = samplePositions(text, rng);
      const offsets = [...(pos.get('inside-string') ?? []), ...(pos.get('between-tokens') ?? [])].sort((a, b) => b - a);
      let out = text;
      for (const at of offsets) out = splice(out, at, 0, rng.pick(['\u2028', '\u2029', '\u0085']));
      return { text: out, variant: style };
    }
    case 'trailing-cr':
      return { text: text + '\r', variant: style };
  }
};

const INVALID_UTF8: number[][] = [[0xff], [0xfe], [0xc3, 0x28], [0xe2, 0x28, 0xa1], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0x80], [0xf4, 0x90, 0x80, 0x80]];

const encoding: Mutation = ({ rng }, text) => {
  const style = rng.pick(['lone-surrogate', 'escaped-surrogate', 'control-chars', 'invalid-utf8', 'utf16le', 'latin1'] as const);
  const pos = samplePositions(text, rng);
  const at = () => rng.pick([...(pos.get('inside-string') ?? []), ...(pos.get('inside-key') ?? []), ...(pos.get('between-tokens') ?? []), 0]);
  switch (style) {
    case 'lone-surrogate': {
      let out = text;
      for (let i = 0; i < rng.range(1, 4); i++) out = splice(out, Math.min(at(), out.length), 0, rng.pick(['\ud800', '\udc00', '\udbff\ud800', '\udc00\ud800', '\ud83d']));
      return { text: out, variant: style };
    }
    case 'escaped-surrogate': {
      const t = tree(text);
      if (!t.strings.length) return { text: '"\\ud800"', variant: style };
      const s = rng.pick(t.strings);
      return { text: splice(text, s.offset, s.length, rng.pick(['"\\ud800"', '"a\\udc00b"', '"\\ud83d"', '"\\udc00\\ud800"', '"\\ud800\\u0041"'])), variant: style };
    }
    case 'control-chars': {
      let out = text;
      for (let i = 0; i < rng.range(1, 4); i++) out = splice(out, Math.min(at(), out.length), 0, rng.pick(['\u0000', '\u0001', '\u001f', '\u007f', '\ufffe', '\uffff', '\u000b', '\u000c']));
      return { text: out, variant: style };
    }
    case 'invalid-utf8': {
      let bytes = Buffer.from(text, 'utf8');
      for (let i = 0; i < rng.range(1, 4); i++) {
        const o = rng.int(bytes.length + 1);
        bytes = Buffer.concat([bytes.subarray(0, o), Buffer.from(rng.pick(INVALID_UTF8)), bytes.subarray(o)]);
      }
      return { text: bytes.toString('utf8'), variant: style, bytes };
    }
    case 'utf16le': {
      const bytes = Buffer.from('\ufeff' + text, 'utf16le');
      return { text: bytes.toString('utf8'), variant: style, bytes };
    }
    case 'latin1': {
      const bytes = Buffer.from(text.replace(/"name": "/, '"name": "é'), 'latin1');
      return { text: bytes.toString('utf8'), variant: style, bytes };
    }
  }
};

const TAGS = ['[]', '[{"key": "a", "value": "b"}]', '[{"key": "a", "value": "b",},]', '[/* c */ {"key": "a"}]', '[{"key": "a" // c\n}]', '{"key": 1}', '"x"', 'null', '[{"key": ', '[1, 2', '[{"key": "\\ud800"}]'];

const wrap: Mutation = ({ rng, seed }, text) => {
  if (seed.kind === 'task' || rng.chance(0.2)) {
    const style = rng.pick(['tags', 'response-metadata', 'extra-key', 'nested', 'string-inner'] as const);
    if (style === 'tags') return { text: `{"taskDefinition": ${text}, "tags": ${rng.pick(TAGS)}}`, variant: `task-${style}` };
    if (style === 'response-metadata') return { text: `{"ResponseMetadata": {}, "taskDefinition": ${text}}`, variant: `task-${style}` };
    if (style === 'extra-key') return { text: `{"taskDefinition": ${text}, "tags": [], "extra": 1}`, variant: `task-${style}` };
    if (style === 'nested') return { text: `{"taskDefinition": {"taskDefinition": ${text}}}`, variant: `task-${style}` };
    return { text: `{"taskDefinition": ${JSON.stringify(text)}}`, variant: `task-${style}` };
  }
  const style = rng.pick(['service', 'services', 'services-mixed', 'services-object', 'both'] as const);
  if (style === 'service') return { text: `{"service": ${text}}`, variant: style };
  if (style === 'services') return { text: `{"services": [${text}, ${text}]}`, variant: style };
  if (style === 'services-mixed') return { text: `{"services": [null, 1, "x", ${text}, [], ${text}]}`, variant: style };
  if (style === 'services-object') return { text: `{"services": ${text}}`, variant: style };
  return { text: `{"service": ${text}, "services": [${text}], "failures": []}`, variant: style };
};

const EMPTY = ['', ' ', '\n', '\r\n', '\t \n', '\ufeff', '//', '// only a comment\n', '/* */', '/*', '\u0000', '\ufeff\r\n'];

const empty: Mutation = ({ rng }) => {
  const i = rng.int(EMPTY.length);
  return { text: EMPTY[i], variant: `#${i}` };
};

const topLevel: Mutation = ({ rng }, text) => {
  const forms: [string, () => string][] = [
    ['array', () => `[${text}]`],
    ['string', () => JSON.stringify(text)],
    ['number', () => rng.pick(['42', '-1e400', '0', '1.5'])],
    ['literal', () => rng.pick(['true', 'false', 'null'])],
    ['twice', () => text + text],
    ['trailing-garbage', () => text + rng.pick([' garbage', ',', ']', '}', ' {}', ' // c'])],
    ['empty-containers', () => rng.pick(['{}{}', '[]', '[{}]', '{}', '[[]]'])],
    ['not-json', () => rng.pick(['undefined', 'NaN', "{'family': 'x'}", '{family: "x"}', 'Infinity', '<xml/>', 'family: x\n'])],
  ];
  const [name, f] = rng.pick(forms);
  return { text: f(), variant: name };
};

const GARBAGE_ALPHABET = '{}[]:,"\\ 0123456789truefalsenull-+.eE/\n*\t\r';

const garbage: Mutation = ({ rng }, text) => {
  const style = rng.pick(['json-alphabet', 'unicode', 'splice-into-seed'] as const);
  const n = rng.range(1, 2000);
  let s = '';
  for (let i = 0; i < n; i++) s += style === 'unicode' ? String.fromCharCode(rng.int(0x10000)) : GARBAGE_ALPHABET[rng.int(GARBAGE_ALPHABET.length)];
  if (style === 'splice-into-seed') {
    const at = rng.int(text.length + 1);
    return { text: splice(text, at, rng.int(20), s.slice(0, 40)), variant: style };
  }
  return { text: s, variant: style };
};

// --- the big ones --------------------------------------------------------------------------

const DEPTHS = [
  [1000, 10],
  [1199, 1],
  [1201, 1],
  [5000, 1],
  [100_000, 1],
] as const;

const deepNest: Mutation = ({ rng, seed }, text) => {
  const depth = rng.weighted(DEPTHS);
  const t = tree(text);
  const target = !t.root || rng.chance(0.2) ? t.root : rng.pick(t.values);
  const inner = target && rng.chance(0.5) ? nodeText(text, target) : rng.pick(['1', '{}', '[]', '"x"', 'null']);
  const parentKey = target?.parent?.type === 'property' ? String(target.parent.children?.[0]?.value ?? 'a') : 'containerDefinitions';
  const style = rng.pick(['arrays', 'objects', 'same-key', 'mixed', 'wrapper', 'unclosed', 'closers'] as const);
  let nested: string;
  switch (style) {
    case 'arrays':
      nested = '['.repeat(depth) + inner + ']'.repeat(depth);
      break;
    case 'objects':
      nested = '{"a":'.repeat(depth) + inner + '}'.repeat(depth);
      break;
    case 'same-key':
      nested = `{${JSON.stringify(parentKey)}:`.repeat(depth) + inner + '}'.repeat(depth);
      break;
    case 'mixed':
      nested = '[{"portMappings":'.repeat(Math.floor(depth / 2)) + inner + '}]'.repeat(Math.floor(depth / 2));
      break;
    case 'wrapper': {
      const key = seed.kind === 'task' ? '"taskDefinition"' : '"service"';
      const whole = `{${key}:`.repeat(depth) + text + '}'.repeat(depth);
      return { text: whole, variant: `${style}/${depth}` };
    }
    case 'unclosed':
      nested = rng.pick(['[', '{"a":', '[{"x":']).repeat(depth);
      break;
    case 'closers':
      nested = rng.pick([']', '}', '}]']).repeat(depth);
      break;
  }
  const out = target ? splice(text, target.offset, target.length, nested) : nested;
  return { text: out, variant: `${style}/${depth}` };
};

/** Units of the big strings, as JSON source (escapes stay escapes). */
const STRING_UNITS = ['a', 'x.', '${', '{{', '<a', '#{', '%{', '@@', '__', ' ', '\\u0041', '\\"', '\\\\', '\\n', 'é', '😀', '0', 'A_', 'a-', '/a', 'arn:', '\\ud800', ':', '@', '\t', 'aA1_-.'];

const hugeString: Mutation = ({ rng, sizes }, text) => {
  const unit = rng.pick(STRING_UNITS);
  const body = unit.repeat(Math.max(1, Math.floor(sizes.bigString / unit.length)));
  const style = rng.weighted([
    ['value', 6],
    ['key', 2],
    ['unterminated', 1],
    ['number', 1],
    ['whole-text', 1],
  ] as const);
  const t = tree(text);
  const label = `${style}/${JSON.stringify(unit)}`;
  if (style === 'whole-text') return { text: body, variant: label };
  if (style === 'number') {
    const target = t.numbers.length ? rng.pick(t.numbers) : t.values.length ? rng.pick(t.values) : undefined;
    const digits = rng.pick(['', '0.', '-', '1e']) + '7'.repeat(sizes.bigString);
    return { text: target ? splice(text, target.offset, target.length, digits) : digits, variant: `number` };
  }
  if (style === 'key') {
    const p = t.properties.length ? rng.pick(t.properties) : undefined;
    const k = p?.children?.[0];
    return { text: k ? splice(text, k.offset, k.length, `"${body}"`) : `{"${body}": 1}`, variant: label };
  }
  const valueStrings = t.strings.filter((s) => !(s.parent?.type === 'property' && s.parent.children?.[0] === s));
  const target = valueStrings.length && rng.chance(0.8) ? rng.pick(valueStrings) : t.values.length ? rng.pick(t.values) : undefined;
  const literal = style === 'unterminated' ? `"${body}` : `"${body}"`;
  return { text: target ? splice(text, target.offset, target.length, literal) : literal, variant: label };
};

/** Keys whose values are arrays, where a huge array is created when the text has none to grow. */
const ARRAY_KEYS_TASK = ['containerDefinitions', 'volumes', 'requiresCompatibilities', 'placementConstraints', 'tags', 'inferenceAccelerators'];
const ARRAY_KEYS_SERVICE = ['loadBalancers', 'capacityProviderStrategy', 'placementStrategy', 'placementConstraints', 'serviceRegistries', 'tags'];
const SMALL_ITEMS = ['1', '"FARGATE"', 'null', '{}', '[]', '{"name": "x"}', '{"containerPort": 80}', '"subnet-0"', '{"key": "k", "value": "v"}', 'true'];

const hugeArray: Mutation = ({ rng, sizes, seed }, text) => {
  const t = tree(text);
  const style = rng.weighted([
    ['copies', 3],
    ['renumbered', 3],
    ['small-items', 2],
    ['containers', 2],
    ['services', seed.kind === 'service' ? 2 : 0.5],
  ] as const);
  const n = sizes.hugeArray;
  const fill = (parts: (i: number) => string, each: number) => {
    const count = Math.max(1, Math.min(n, Math.floor(sizes.hugeArrayBytes / Math.max(1, each))));
    const out: string[] = new Array(count);
    for (let i = 0; i < count; i++) out[i] = parts(i);
    return { array: '[' + out.join(',') + ']', count };
  };
  let built: { array: string; count: number };
  if (style === 'copies' || style === 'renumbered') {
    const arrays = t.arrays.filter((a) => a.children?.length);
    const source = arrays.length ? rng.pick(arrays) : undefined;
    const el = source ? nodeText(text, rng.pick(source.children!)) : '{"name": "c"}';
    if (style === 'copies') built = fill(() => el, el.length + 1);
    else {
      // Each copy renames its strings: "x" -> "x-<i>", and a reference to another element's name
      // -> that name in the previous copy, which makes reference chains (dependsOn, links, volumesFrom).
      const names = new Set(t.strings.filter((s) => s.parent?.type === 'property' && s.parent.children?.[1] === s && /name/i.test(String(s.parent.children?.[0]?.value))).map((s) => String(s.value)));
      const own = /"name"\s*:\s*"([^"\\]*)"/.exec(el)?.[1];
      built = fill(
        (i) => el.replace(/"((?:[^"\\]|\\.)*)"(\s*:)?/g, (m, s: string, colon?: string) => (colon || !names.has(s) ? m : s === own ? `"${s}-${i}"` : `"${s}-${i - 1}"`)),
        el.length + 8,
      );
    }
    if (source) return { text: splice(text, source.offset, source.length, built.array), variant: `${style}/${built.count}` };
  } else if (style === 'small-items') {
    const item = rng.pick(SMALL_ITEMS);
    built = fill(() => item, item.length + 1);
  } else if (style === 'containers') {
    const refs = rng.pick(['links', 'dependsOn', 'volumesFrom', 'missing', 'none'] as const);
    const image = rng.pick(['nginx', '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1', 'Bad Image']);
    built = fill((i) => {
      const prev = refs === 'missing' ? `gone-${i}` : `c-${i - 1}`;
      const ref = refs === 'links' || refs === 'missing' ? `,"links":["${prev}"]` : refs === 'dependsOn' ? `,"dependsOn":[{"containerName":"${prev}","condition":"START"}]` : refs === 'volumesFrom' ? `,"volumesFrom":[{"sourceContainer":"${prev}"}]` : '';
      return `{"name":"c-${i}","image":"${image}","memory":128,"portMappings":[{"containerPort":${80 + (i % 3)},"hostPort":${81 + (i % 5)}}],"mountPoints":[{"sourceVolume":"v-${i}","containerPath":"/d"}]${ref}}`;
    }, 200);
    return replaceOrAdd(text, t, 'containerDefinitions', built, `${style}-${refs}/${built.count}`);
  } else {
    built = fill((i) => `{"serviceName":"s-${i}","launchType":"FARGATE","placementStrategy":[{"type":"spread","field":"x"}],"deploymentConfiguration":{"maximumPercent":50},"runningCount":1,"status":"ACTIVE"}`, 180);
    return { text: `{"services": ${built.array}}`, variant: `${style}/${built.count}` };
  }
  const keys = seed.kind === 'task' ? ARRAY_KEYS_TASK : ARRAY_KEYS_SERVICE;
  return replaceOrAdd(text, t, rng.pick(keys), built, `${style}/${built.count}`);
};

/** Puts `built.array` as the value of top-level `key` (replacing it, or adding it). */
function replaceOrAdd(text: string, t: Tree, key: string, built: { array: string; count: number }, variant: string): Result {
  const existing = t.root?.type === 'object' ? t.root.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined;
  if (existing) return { text: splice(text, existing.offset, existing.length, built.array), variant };
  const MARK = '__FUZZ_HUGE_ARRAY__';
  try {
    const edits = modify(text, [key], MARK, {});
    let out = text;
    for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = splice(out, e.offset, e.length, e.content);
    if (out.includes(`"${MARK}"`)) return { text: out.replace(`"${MARK}"`, () => built.array), variant };
  } catch {
    // not an object at the top: fall through
  }
  return { text: `{${JSON.stringify(key)}: ${built.array}}`, variant: `${variant}/alone` };
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
const BIG: [string, Mutation, number][] = [
  ['deep-nest', deepNest, 2],
  ['huge-string', hugeString, 1.5],
  ['huge-array', hugeArray, 1.5],
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

/** Case `index` of the run seeded `seed`. */
export function generateCase(opts: GeneratorOptions, index: number): FuzzCase {
  const rng = new Rng(caseSeed(opts.seed, index));
  const sizes = sizesFor(opts.scale ?? 1);
  const seed = rng.pick(opts.seeds);
  const ctx: Ctx = { rng, sizes, seed };
  const smallKinds = SMALL.map(([n, , w]) => [n, w] as const);
  const choice = rng.weighted([...smallKinds, ['stack', STACK_WEIGHT] as const, ...BIG.map(([n, , w]) => [n, w] as const)]);
  let text = seed.text;
  let bytes: Buffer | undefined;
  const labels: string[] = [];
  const apply = (name: string, m: Mutation) => {
    const r = m(ctx, text);
    text = r.text;
    bytes = r.bytes;
    labels.push(`${name}:${r.variant}`);
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
      if (rng.chance(0.3)) {
        const [name, m] = rng.pick(SMALL.filter(([n]) => n !== 'empty' && n !== 'encoding'));
        apply(name, m);
      }
      apply(big[0], big[1]);
    } else {
      const [name, m] = SMALL.find(([n]) => n === choice)!;
      apply(name, m);
    }
  }
  const kind: DocumentKind = rng.chance(0.15) ? (seed.kind === 'task' ? 'service' : 'task') : seed.kind;
  const mutation = choice === 'stack' ? `stack:${labels.map((l) => l.split(':')[0]).join('+')}` : labels[labels.length - 1];
  return {
    id: `${choice}/${opts.seed}/${index}`,
    mutation: choice === 'stack' ? `${mutation} (${labels.join(', ')})` : labels.join(' then '),
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
