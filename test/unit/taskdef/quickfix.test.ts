import * as assert from 'assert';
import { applyEdits } from 'jsonc-parser';
import { ParsedDocument } from '../../../src/taskdef/document';
import { getQuickFixes, unwrapTaskDefinition } from '../../../src/taskdef/quickfix';
import type { TextEdit } from '../../../src/taskdef/types';
import { validate } from '../../../src/taskdef/validate';
import { fargateTask } from './helpers';

function apply(text: string, edits: TextEdit[]): string {
  const doc = new ParsedDocument(text);
  return applyEdits(text, edits.map((e) => ({ offset: doc.offsetAt(e.range.start), length: doc.offsetAt(e.range.end) - doc.offsetAt(e.range.start), content: e.newText })));
}

/** Applies the first fix for `code` and returns the new text. */
function fix(text: string, code: string, title?: RegExp): string {
  const d = validate(text).diagnostics.find((x) => x.code === code);
  assert.ok(d, `no ${code}`);
  const fixes = getQuickFixes(text, d!);
  const f = title ? fixes.find((x) => title.test(x.title)) : fixes[0];
  assert.ok(f, `no fix for ${code}: ${fixes.map((x) => x.title)}`);
  return apply(text, f!.edits);
}

const text = (o: unknown) => JSON.stringify(o, null, 2);
const errs = (t: string) => validate(t).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

describe('taskdef quick fixes', () => {
  it('renames an unknown property to the suggestion', () => {
    const out = fix(text(fargateTask({}, { enviroment: [] })), 'unknown-property', /Rename/);
    assert.ok(JSON.parse(out).containerDefinitions[0].environment);
    assert.deepStrictEqual(errs(out), []);
  });

  it('sets networkMode awsvpc', () => {
    const out = fix(text(fargateTask({ networkMode: 'bridge' })), 'fargate-requires-awsvpc');
    assert.strictEqual(JSON.parse(out).networkMode, 'awsvpc');
    const { networkMode: _n, ...t } = fargateTask();
    void _n;
    assert.strictEqual(JSON.parse(fix(text(t), 'fargate-requires-awsvpc')).networkMode, 'awsvpc');
  });

  it('picks the nearest valid Fargate memory in the same style', () => {
    assert.strictEqual(JSON.parse(fix(text(fargateTask({ cpu: '1 vCPU', memory: '1 GB' })), 'fargate-invalid-memory')).memory, '2 GB');
    assert.strictEqual(JSON.parse(fix(text(fargateTask({ cpu: '2048', memory: '3000' })), 'fargate-invalid-memory')).memory, '4096');
  });

  it('adds a missing volume', () => {
    const out = fix(text(fargateTask({}, { mountPoints: [{ sourceVolume: 'data', containerPath: '/d' }] })), 'mount-point-unknown-volume', /Add volume/);
    assert.deepStrictEqual(JSON.parse(out).volumes, [{ name: 'data' }]);
    const out2 = fix(text(fargateTask({ volumes: [{ name: 'a' }] }, { mountPoints: [{ sourceVolume: 'zzz', containerPath: '/d' }] })), 'mount-point-unknown-volume', /Add volume/);
    assert.deepStrictEqual(JSON.parse(out2).volumes, [{ name: 'a' }, { name: 'zzz' }]);
  });

  it('strips read-only fields', () => {
    const out = fix(text(fargateTask({ revision: 2, status: 'ACTIVE', compatibilities: ['EC2', 'FARGATE'] })), 'read-only-field', /Strip 3/);
    assert.deepStrictEqual(validate(out).diagnostics, []);
  });

  it('unwraps describe output, keeping tags and dropping read-only fields', () => {
    const wrapped = text({ taskDefinition: { ...fargateTask(), revision: 4, taskDefinitionArn: 'arn:aws:ecs:us-east-1:1:task-definition/web:4' }, tags: [{ key: 'team', value: 'a' }] });
    const out = fix(wrapped, 'wrapped-task-definition');
    const v = JSON.parse(out);
    assert.deepStrictEqual(v.tags, [{ key: 'team', value: 'a' }]);
    assert.strictEqual(v.revision, undefined);
    assert.strictEqual(v.family, 'web');
    assert.deepStrictEqual(validate(out).diagnostics, []);
    assert.strictEqual(unwrapTaskDefinition('{"family": "x"}'), '{"family": "x"}');
  });

  it('quotes a number given for a string and removes a mismatching hostPort', () => {
    assert.strictEqual(JSON.parse(fix(text(fargateTask({ cpu: 256 })), 'type-mismatch')).cpu, '256');
    const out = fix(text(fargateTask({}, { portMappings: [{ containerPort: 80, hostPort: 8080 }] })), 'host-port-mismatch');
    assert.deepStrictEqual(JSON.parse(out).containerDefinitions[0].portMappings, [{ containerPort: 80 }]);
  });
});
