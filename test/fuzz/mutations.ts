// The small mutations: keys, values, cuts, duplicates, wrappers, top-level forms, garbage.
import { type Mutation, allSchemaKeys, nodeText, splice, tree } from './mutate';
import { type PositionClass, samplePositions } from './positions';
import type { Rng } from './rng';

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

export const renameKey: Mutation = ({ rng }, text) => {
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

export const typeSwap: Mutation = ({ rng }, text) => {
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

/** A cut at a position of one class (`want` when the generator asks for one: every class is cut in a run). */
export const truncate: Mutation = ({ rng, want }, text) => {
  let pos = samplePositions(text, rng);
  if (want === 'inside-comment' && !pos.has('inside-comment')) {
    // The fixtures are strict JSON: put a comment between two tokens to cut inside.
    const at = rng.pick(pos.get('between-tokens') ?? [0]);
    text = splice(text, at, 0, rng.pick(['/* a comment */', '// a comment\n']));
    pos = samplePositions(text, rng);
  }
  const c = want && pos.has(want as PositionClass) ? (want as PositionClass) : rng.pick([...pos.keys()]);
  const at = rng.pick(pos.get(c) ?? [0]);
  return { text: text.slice(0, at), variant: c };
};

export const cutSlice: Mutation = ({ rng }, text) => {
  const pos = samplePositions(text, rng);
  const all = [...pos.values()].flat();
  const a = rng.pick(all);
  const b = rng.pick(all);
  return { text: text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b)), variant: 'between-positions' };
};

export const duplicateKeys: Mutation = ({ rng }, text) => {
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

const TAGS = ['[]', '[{"key": "a", "value": "b"}]', '[{"key": "a", "value": "b",},]', '[/* c */ {"key": "a"}]', '[{"key": "a" // c\n}]', '{"key": 1}', '"x"', 'null', '[{"key": ', '[1, 2', '[{"key": "\\ud800"}]'];

export const wrap: Mutation = ({ rng, seed }, text) => {
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

export const empty: Mutation = ({ rng }) => {
  const i = rng.int(EMPTY.length);
  return { text: EMPTY[i], variant: `#${i}` };
};

export const topLevel: Mutation = ({ rng }, text) => {
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

export const garbage: Mutation = ({ rng }, text) => {
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
