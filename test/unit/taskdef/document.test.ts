// The document layer's limits and strictness, each found or checked by the fuzz harness.
import * as assert from 'assert';
import { MAX_NESTING } from '../../../src/taskdef/document';
import { TextDocument } from 'vscode-json-languageservice';
import { MAX_SYNTAX_ERRORS, validate } from '../../../src/taskdef/validate';

const spans = (text: string) => validate(text, { kind: 'task' }).diagnostics.map((d) => `${d.code}@${d.offset}+${d.length}`);

describe('taskdef document: strict JSON and input limits', () => {
  it('reports a comment where it is, as strict JSON (what RegisterTaskDefinition reads)', () => {
    const d = validate('{\n  // note\n  "family": "x"\n}', { kind: 'task' }).diagnostics.find((x) => x.code === 'json-syntax');
    assert.ok(d);
    assert.deepStrictEqual([d.range.start, d.message], [{ line: 1, character: 2 }, 'Comments are not allowed (AWS reads task and service definitions as strict JSON): the file is not valid JSON.']);
  });

  it(`nested deeper than ${MAX_NESTING} levels: one positioned error at the first bracket too deep, not a stack overflow`, () => {
    for (const open of ['[', '{"a":', '[{"x":']) {
      const depth = 100_000;
      const text = open.repeat(depth);
      const r = validate(text, { kind: 'task' });
      const deep = r.diagnostics.filter((d) => d.code === 'nesting-too-deep');
      assert.strictEqual(deep.length, 1, open);
      const opened = [...text.slice(0, deep[0].offset + 1)].filter((c) => c === '[' || c === '{').length;
      assert.strictEqual(opened, MAX_NESTING + 1, open);
      assert.strictEqual(deep[0].severity, 'error');
    }
    // 1,000 levels are read (and reported for what they are).
    const thousand = '{"family": "x", "containerDefinitions": ' + '['.repeat(1000) + ']'.repeat(1000) + '}';
    assert.ok(!spans(thousand).some((s) => s.startsWith('nesting-too-deep')));
  });

  it('an unterminated comment at the end keeps every span inside the text (the scanner stepped one past it)', () => {
    for (const text of ['{"a": [1, /*', '[/*', '{"family": "x", "cpu":/*', '/*']) {
      for (const d of validate(text, { kind: 'task' }).diagnostics) assert.ok(d.offset + d.length <= text.length, `${JSON.stringify(text)}: ${d.code}@${d.offset}+${d.length}`);
    }
  });

  it(`lists ${MAX_SYNTAX_ERRORS} syntax errors, then how many more (found by the fuzz harness: 5 MB of "/a" ran out of memory)`, () => {
    const r = validate('/a'.repeat(100_000), { kind: 'task' });
    const syntax = r.diagnostics.filter((d) => d.code === 'json-syntax');
    assert.strictEqual(syntax.length, MAX_SYNTAX_ERRORS + 1);
    const more = /^([\d,]+) more syntax errors from here are not listed/.exec(syntax[MAX_SYNTAX_ERRORS].message);
    assert.ok(more && Number(more[1].replace(/,/g, '')) > 199_000, syntax[MAX_SYNTAX_ERRORS].message);
  });

  it('no span ends between CR and LF (found by the fuzz harness: a key ending in a backslash before CRLF)', () => {
    const text = '{"service": {\r\n  "abc\\\r\nx": 1\r\n}}';
    const doc = TextDocument.create('file:///x.json', 'json', 1, text);
    const r = validate(text, { kind: 'service' });
    assert.ok(r.diagnostics.length > 0);
    for (const d of r.diagnostics) assert.deepStrictEqual([doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)], [d.offset, d.offset + d.length], `${d.code}@${d.offset}+${d.length}`);
  });
});
