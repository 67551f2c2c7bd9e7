// Mutations of the text as text: JSONC, BOMs, line endings, encodings (invalid UTF-8, surrogates).
import { type Mutation, splice, tree } from './mutate';
import { samplePositions } from './positions';

const COMMENTS = ['// comment\n', '/* comment */', '/**/', '/* multi\nline */', '// 🙂 ünïcode\r\n', '/* unterminated', '//'];

export const jsonc: Mutation = ({ rng }, text) => {
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

export const bom: Mutation = ({ rng }, text) => {
  const style = rng.pick(['leading', 'double', 'inside', 'with-crlf'] as const);
  if (style === 'leading') return { text: '\ufeff' + text, variant: style };
  if (style === 'double') return { text: '\ufeff\ufeff' + text, variant: style };
  if (style === 'with-crlf') return { text: '\ufeff' + text.replace(/\r?\n/g, '\r\n'), variant: style };
  const at = rng.pick(samplePositions(text, rng).get('between-tokens') ?? [0]);
  return { text: splice(text, at, 0, '\ufeff'), variant: style };
};

export const lineEndings: Mutation = ({ rng }, text) => {
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

const ENCODING_STYLES = ['lone-surrogate', 'escaped-surrogate', 'control-chars', 'invalid-utf8', 'utf16le', 'latin1'] as const;

export const encoding: Mutation = ({ rng, want }, text) => {
  const style = ENCODING_STYLES.find((s) => s === want) ?? rng.pick(ENCODING_STYLES);
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
