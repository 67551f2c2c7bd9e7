import * as assert from 'assert';
import { TaskdefLanguageService } from '../../../src/taskdef/languageService';
import type { LiveValueRequest } from '../../../src/taskdef/liveValues';
import { getQuickFixes } from '../../../src/taskdef/quickfix';
import { validate } from '../../../src/taskdef/validate';

const FILE = '[\n  {\n    "name": "web",\n    "image": "",\n    "cpu": ${cpu},\n    "networkMode": "awsvpc",\n    \n  }\n]\n';

describe('taskdef language service: Terraform containers files', () => {
  const ls = new TaskdefLanguageService();

  it('completes a container\'s properties inside the array, template syntax and all', async () => {
    const r = await ls.complete(FILE, 'containers', { line: 6, character: 4 });
    const labels = r.items.map((i) => i.label);
    for (const p of ['portMappings', 'logConfiguration', 'essential']) assert.ok(labels.includes(p), p);
    assert.ok(!labels.includes('family') && !labels.includes('containerDefinitions'), labels.join());
    // A container snippet where a container goes.
    const item = await ls.complete('[\n  \n]', 'containers', { line: 1, character: 2 });
    assert.ok(item.items.some((i) => i.kind === 15 /* Snippet */), item.items.map((i) => i.label).join());
  });

  it('hovers container properties with AWS documentation', async () => {
    const h = await ls.hover(FILE, 'containers', { line: 3, character: 6 });
    assert.match(JSON.stringify(h?.contents), /image used to start a container/);
  });

  it('live values as in containerDefinitions: repositories in "image"', async () => {
    const live = new TaskdefLanguageService({ liveValues: { provide: async (req: LiveValueRequest) => (req.kind === 'ecrRepository' ? [{ value: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web' }] : []) } });
    const r = await live.complete(FILE, 'containers', { line: 3, character: 14 });
    assert.ok(r.items.some((i) => i.label === '123456789012.dkr.ecr.us-east-1.amazonaws.com/web'), r.items.map((i) => i.label).join());
  });

  it('outline and folding; no formatting of a template (its layout is Terraform\'s)', () => {
    assert.ok(ls.documentSymbols(FILE, 'containers').some((s) => s.name === 'name' || s.children?.some((c) => c.name === 'name')));
    assert.ok(ls.foldingRanges(FILE, 'containers').length >= 1);
    assert.deepStrictEqual(ls.format(FILE, 'containers', undefined, { tabSize: 2, insertSpaces: true }), []);
    assert.ok(ls.format('[{"name":"a"}]', 'containers', undefined, { tabSize: 2, insertSpaces: true }).length > 0);
  });

  it('quick fixes: a task-level key removed, a key in another case renamed', () => {
    const text = '[{"Name": "web", "image": "nginx", "networkMode": "awsvpc"}]';
    const [caseDiag, taskLevel] = validate(text, { kind: 'containers' }).diagnostics;
    assert.deepStrictEqual(getQuickFixes(text, caseDiag).map((f) => f.title), ['Rename to "name"']);
    const remove = getQuickFixes(text, taskLevel);
    assert.deepStrictEqual(remove.map((f) => f.title), ['Remove "networkMode"']);
    assert.ok(remove[0].isPreferred);
  });
});
