// The big mutations: deep nesting (1,000 levels and more), 5 MB strings, huge arrays.
import { modify } from 'jsonc-parser';
import { type Mutation, type Result, type Tree, nodeText, splice, tree } from './mutate';

const DEPTHS = [
  [1000, 10],
  [1199, 1],
  [1201, 1],
  [5000, 1],
  [100_000, 1],
] as const;

export const deepNest: Mutation = ({ rng, seed }, text) => {
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

export const hugeString: Mutation = ({ rng, sizes }, text) => {
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

export const hugeArray: Mutation = ({ rng, sizes, seed }, text) => {
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
