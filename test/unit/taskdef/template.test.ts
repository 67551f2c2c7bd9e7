import * as assert from 'assert';
import { maskTemplate, templateEnd } from '../../../src/taskdef/formats/template';
import { hasPlaceholder } from '../../../src/taskdef/placeholders';

/** The masked text parses as JSON, keeps its length and line breaks. */
function masked(text: string): string {
  const m = maskTemplate(text).text;
  assert.strictEqual(m.length, text.length);
  assert.deepStrictEqual([...m.matchAll(/\r\n|\r|\n/g)].map((x) => x.index), [...text.matchAll(/\r\n|\r|\n/g)].map((x) => x.index));
  return m;
}

describe('Terraform template masking (containers files)', () => {
  it('a text without template syntax is returned as it is', () => {
    const text = '[{"name": "a", "image": "nginx"}]';
    assert.strictEqual(maskTemplate(text).text, text);
  });

  it('an interpolation where a value goes becomes a string placeholder of the same length', () => {
    const m = masked('[{"name": "app", "cpu": ${cpu}, "memory": ${var.memory}}]');
    const v = JSON.parse(m) as { cpu: string; memory: string }[];
    assert.ok(hasPlaceholder(v[0].cpu) && hasPlaceholder(v[0].memory), m);
  });

  it('inside a string it stays a ${…} placeholder, its quotes and braces masked', () => {
    const m = masked('[{"image": "${lookup(var.images, "web")}:${var.tag}"}]');
    const v = JSON.parse(m) as { image: string }[];
    assert.ok(hasPlaceholder(v[0].image));
    assert.match(v[0].image, /^\$\{[^"]*\}:\$\{var\.tag\}$/);
  });

  it('a multi-line jsonencode with an HCL object (braces and quoted strings) is one placeholder', () => {
    const text = '[{\n  "environment": ${jsonencode([\n    { name = "A}", value = "${b}" }\n  ])},\n  "name": "x"\n}]';
    const v = JSON.parse(masked(text)) as { environment: string; name: string }[];
    assert.ok(hasPlaceholder(v[0].environment));
    assert.strictEqual(v[0].name, 'x');
  });

  it('directives are blanked with the commas they leave dangling', () => {
    const text = '[\n%{ for i, c in containers ~}\n  %{ if i > 0 },%{ endif }{"name": "${c}", "image": "x"},\n%{ endfor ~}\n]';
    const m = masked(text);
    assert.deepStrictEqual(JSON.parse(m), [{ name: '${c}', image: 'x' }]);
    assert.strictEqual(maskTemplate(text).directives, 4);
  });

  it('$${ and %%{ are literals; an unterminated interpolation leaves the rest as written', () => {
    assert.strictEqual(maskTemplate('["$${a}"]').interpolations, 0);
    const text = '[{"a": ${x}, "b": ${unterminated ';
    assert.strictEqual(maskTemplate(text).text.slice(18), text.slice(18));
    assert.strictEqual(templateEnd('a}', 0), 1);
    assert.strictEqual(templateEnd('"x\n}', 0), -1);
  });

  it('5 MB of "${" is read once (linear), not once per opener', () => {
    const text = '[' + '${'.repeat(2_500_000);
    const started = process.hrtime.bigint();
    maskTemplate(text);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 2000);
  });
});
