import * as assert from 'assert';
import { detectKind } from '../../../src/taskdef/kind';
import { MAX_NESTING, parseJsonc } from '../../../src/taskdef/document';
import { MAX_ITEMS_COMPUTED, MAX_LANGUAGE_SERVICE_LENGTH, TaskdefLanguageService } from '../../../src/taskdef/languageService';
import { CachedLiveValues, type LiveValueRequest, liveValueRequestAt } from '../../../src/taskdef/liveValues';
import { normalizeDefinition, normalizedText } from '../../../src/taskdef/normalize';
import { unwrapTaskDefinition } from '../../../src/taskdef/quickfix';
import { TextDocument } from 'vscode-json-languageservice';
import { fargateTask } from './helpers';

const DOC = '{\n  "family": "web",\n  "networkMode": "",\n  "containerDefinitions": [\n    { "name": "app", "image": "" }\n  ]\n}';

describe('taskdef language service', () => {
  const ls = new TaskdefLanguageService();

  it('completes enum values with their documentation', async () => {
    const r = await ls.complete(DOC, 'task', { line: 2, character: 18 });
    assert.deepStrictEqual(r.items.map((i) => i.label), ['"bridge"', '"host"', '"awsvpc"', '"none"']);
  });

  it('completes properties (without read-only ones) and offers snippets', async () => {
    const r = await ls.complete('{\n  \n}', 'task', { line: 1, character: 2 });
    const labels = r.items.map((i) => i.label);
    assert.ok(labels.includes('containerDefinitions') && labels.includes('enableFaultInjection'));
    assert.ok(!labels.includes('revision'));
    const v = await ls.complete('{"containerDefinitions": [{"logConfiguration": }]}', 'task', { line: 0, character: 47 });
    assert.ok(v.items.some((i) => i.label === 'awslogs'), v.items.map((i) => i.label).join());
  });

  it('hovers with AWS documentation, also inside the describe wrapper', async () => {
    const h = await ls.hover(DOC, 'task', { line: 2, character: 5 });
    assert.match(JSON.stringify(h?.contents), /networking mode/);
    const w = await ls.hover('{"taskDefinition": {"networkMode": "awsvpc"}}', 'task', { line: 0, character: 23 });
    assert.match(JSON.stringify(w?.contents), /networking mode/);
  });

  it('gives symbols, folding and formatting', () => {
    assert.ok(ls.documentSymbols(DOC, 'task').some((s) => s.name === 'containerDefinitions'));
    assert.ok(ls.foldingRanges(DOC, 'task').length >= 2);
    assert.ok(ls.format('{"a":1}', 'task', undefined, { tabSize: 2, insertSpaces: true }).length > 0);
  });

  it('adds live values, and gives up after the timeout', async () => {
    let calls = 0;
    const live = new TaskdefLanguageService({
      liveValues: { provide: async (req: LiveValueRequest) => (calls++, req.kind === 'ecrRepository' ? [{ value: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app' }] : []) },
    });
    const r = await live.complete(DOC, 'task', { line: 4, character: 31 });
    assert.ok(r.items.some((i) => i.label === '123456789012.dkr.ecr.us-east-1.amazonaws.com/app'));
    await live.complete(DOC, 'task', { line: 4, character: 31 });
    assert.strictEqual(calls, 1, 'cached');
    let resolveSlow: (v: { value: string }[]) => void = () => undefined;
    const slow = new CachedLiveValues({ provide: () => new Promise((res) => (resolveSlow = res)) }, { timeoutMs: 20 });
    const t0 = Date.now();
    assert.deepStrictEqual(await slow.get({ kind: 'iamRole', prefix: '' }), []);
    assert.ok(Date.now() - t0 < 200);
    resolveSlow([{ value: 'arn:aws:iam::1:role/r' }]);
    await new Promise((r2) => setImmediate(r2));
    assert.deepStrictEqual(await slow.get({ kind: 'iamRole', prefix: '' }), [{ value: 'arn:aws:iam::1:role/r' }]);
  });

  it('answers nothing over 1,000,000 characters or MAX_NESTING levels (validate still checks those files)', async () => {
    const sized = (n: number) => `{"family": "${'x'.repeat(n - 14)}"}`;
    const near = sized(MAX_LANGUAGE_SERVICE_LENGTH);
    assert.strictEqual(near.length, MAX_LANGUAGE_SERVICE_LENGTH);
    assert.match(JSON.stringify((await ls.hover(near, 'task', { line: 0, character: 3 }))?.contents), /family/i);
    assert.ok((await ls.complete(near, 'task', { line: 0, character: 1 })).items.length > 0);
    const over = sized(MAX_LANGUAGE_SERVICE_LENGTH + 1);
    const deep = '['.repeat(MAX_NESTING + 1) + ']'.repeat(MAX_NESTING + 1);
    for (const text of [over, deep]) {
      assert.deepStrictEqual((await ls.complete(text, 'task', { line: 0, character: 1 })).items, []);
      assert.strictEqual(await ls.hover(text, 'task', { line: 0, character: 3 }), null);
      assert.deepStrictEqual([ls.documentSymbols(text, 'task'), ls.foldingRanges(text, 'task'), ls.format(text, 'task', undefined, { tabSize: 2, insertSpaces: true })], [[], [], []]);
    }
    assert.ok(ls.foldingRanges(`[${'[1],'.repeat(6000)}[1]]`.replace(/,/g, ',\n'), 'task').length <= MAX_ITEMS_COMPUTED);
  });

  it('formats 100 levels deep (found by the fuzz harness: jsonc-parser gave edits without text at 200 columns, and unwrap threw)', () => {
    for (const [tabSize, insertSpaces, depth] of [[2, true, 100], [4, true, 50], [1, false, 200], [2, true, 101]] as const) {
      const value = { family: 'x', a: JSON.parse('['.repeat(depth) + '1' + ']'.repeat(depth)) as unknown };
      const text = JSON.stringify(value);
      const edits = ls.format(text, 'task', undefined, { tabSize, insertSpaces });
      assert.strictEqual(TextDocument.applyEdits(TextDocument.create('file:///x.json', 'json', 1, text), edits), JSON.stringify(value, null, insertSpaces ? ' '.repeat(tabSize) : '\t'));
    }
    const wrapped = `{"taskDefinition": {"family": "x"}, "tags": [${'['.repeat(100)}${']'.repeat(100)}]}`;
    assert.deepStrictEqual(JSON.parse(unwrapTaskDefinition(wrapped)), { family: 'x', tags: [JSON.parse('['.repeat(100) + ']'.repeat(100)) as unknown] });
  });

  it('maps paths to live value kinds', () => {
    assert.strictEqual(liveValueRequestAt('task', ['containerDefinitions', 0, 'image'], '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:')?.kind, 'ecrImageTag');
    assert.strictEqual(liveValueRequestAt('task', ['executionRoleArn'], '')?.kind, 'iamRole');
    assert.strictEqual(liveValueRequestAt('task', ['containerDefinitions', 0, 'logConfiguration', 'options', 'awslogs-group'], '')?.kind, 'logGroup');
    assert.strictEqual(liveValueRequestAt('service', ['loadBalancers', 0, 'targetGroupArn'], '')?.kind, 'targetGroup');
    assert.strictEqual(liveValueRequestAt('task', ['family', 'x'], ''), undefined);
  });
});

describe('taskdef kind detection and normalisation', () => {
  it('detects task vs service', () => {
    assert.strictEqual(detectKind('{"family": "x", "containerDefinitions": []}'), 'task');
    assert.strictEqual(detectKind('{"taskDefinition": {"family": "x"}}'), 'task');
    assert.strictEqual(detectKind('{"serviceName": "x", "taskDefinition": "web:1", "desiredCount": 1}'), 'service');
    assert.strictEqual(detectKind('{}', 'ecs-service-def.json'), 'service');
    assert.strictEqual(detectKind('{}', 'my-taskdef.json'), 'task');
    assert.strictEqual(detectKind('{}'), undefined);
  });

  it('normalises what parseJsonc reads, whatever the keys and values (found by the fuzz harness)', () => {
    const text = '{"family": "x", "__proto__": {"a": 1}, "constructor": 1, "requiresCompatibilities": [{"a": 1}, "FARGATE", "EC2"], /* c */ "containerDefinitions": [{"environment": [{"name": {"x": 1}}, {"name": "B"}, {"name": "A"}],},]}';
    const n = JSON.parse(normalizedText(parseJsonc(text), 'task')) as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(n), ['__proto__', 'constructor', 'containerDefinitions', 'family', 'requiresCompatibilities']);
    assert.deepStrictEqual(n.requiresCompatibilities, ['EC2', 'FARGATE', { a: 1 }]);
    assert.deepStrictEqual((n.containerDefinitions as { environment: unknown[] }[])[0].environment, [{ name: { x: 1 } }, { name: 'A' }, { name: 'B' }]);
  });

  it('normalises like ecspresso: sorted keys, no read-only fields, defaults or empties, units', () => {
    const a = normalizeDefinition(
      { taskDefinition: { ...fargateTask({ cpu: '.25 vCPU', memory: '0.5 GB', revision: 3, volumes: [], pidMode: null }, { essential: true, cpu: 0, environment: [{ name: 'B', value: '2' }, { name: 'A', value: '1' }], portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }] }) }, tags: [] },
      'task',
    );
    const b = normalizeDefinition(fargateTask({}, { environment: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], portMappings: [{ containerPort: 80 }] }), 'task');
    assert.deepStrictEqual(a, b);
    assert.deepStrictEqual(Object.keys(a), [...Object.keys(a)].sort());
    assert.strictEqual(a.cpu, '256');
    assert.strictEqual(a.revision, undefined);
  });
});
