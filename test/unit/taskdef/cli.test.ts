import * as assert from 'assert';
import type { CliDiagnostic } from '../../../src/taskdef/cli';
import { runCliOn } from './helpers';

const run = runCliOn;

const GOOD = JSON.stringify({ family: 'a', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 128 }] }, null, 2);
const BAD = '{\n  "family": "a",\n  "containerDefinitions": [\n    { "name": "a", "image": "nginx", "memory": 128, "portMappings": [{ "containerPort": 80, "hostPort": 81 }] }\n  ],\n  "networkMode": "awsvpc"\n}\n';
const WARN = JSON.stringify({ taskDefinition: JSON.parse(GOOD), tags: [] });

describe('ecs-taskdef-lint CLI', () => {
  it('exits 0 without errors (warnings allowed)', () => {
    assert.strictEqual(run(['good.json'], { 'good.json': GOOD }).code, 0);
    const r = run(['w.json'], { 'w.json': WARN });
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /^w\.json:1:2 warning wrapped-task-definition /m);
  });

  it('text format: file:line:col severity code message, 1-based', () => {
    const r = run(['--format', 'text', 'bad.json'], { 'bad.json': BAD });
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /^bad\.json:4:105 error host-port-mismatch In awsvpc network mode/m);
  });

  it('json format: one array with pointers, 1-based positions', () => {
    const r = run(['--format=json', 'bad.json', 'good.json'], { 'bad.json': BAD, 'good.json': GOOD });
    assert.strictEqual(r.code, 1);
    const arr = JSON.parse(r.out) as CliDiagnostic[];
    assert.deepStrictEqual(arr, [
      {
        file: 'bad.json',
        line: 4,
        column: 105,
        endLine: 4,
        endColumn: 107,
        severity: 'error',
        code: 'host-port-mismatch',
        message: arr[0].message,
        pointer: '/containerDefinitions/0/portMappings/0/hostPort',
      },
    ]);
  });

  it('wrapper pointers include /taskDefinition', () => {
    const r = run(['--format', 'json', 'w.json'], { 'w.json': JSON.stringify({ taskDefinition: JSON.parse(BAD) }) });
    const arr = JSON.parse(r.out) as CliDiagnostic[];
    assert.ok(arr.some((d) => d.pointer === '/taskDefinition/containerDefinitions/0/portMappings/0/hostPort'));
  });

  it('exits 1 on invalid JSON (a json-syntax error, with its position), and still lints the other files', () => {
    const r = run(['--format', 'json', 'broken.json', 'bad.json'], { 'broken.json': '{\n  "family": "x",\n}}', 'bad.json': BAD });
    assert.strictEqual(r.code, 1);
    const arr = JSON.parse(r.out) as CliDiagnostic[];
    assert.ok(arr.some((d) => d.file === 'broken.json' && d.code === 'json-syntax' && d.line === 3));
    assert.ok(arr.some((d) => d.file === 'bad.json' && d.code === 'host-port-mismatch'));
    // Found by the fuzz harness: a readable file that is not JSON at all used to exit 2, the code for
    // usage errors and unreadable files.
    for (const text of ['', 'garbage', '{', '\ufeff', '[1, 2', '"\ud800']) assert.strictEqual(run(['x.json'], { 'x.json': text }).code, 1, JSON.stringify(text));
  });

  it('a file with 150,000 diagnostics is reported (found by the fuzz harness: they overflowed the stack as arguments of push)', () => {
    const text = JSON.stringify({ family: 'x', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 128 }], requiresCompatibilities: Array(150_000).fill(1) });
    const r = run(['x.json'], { 'x.json': text });
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.out.split('\n').filter((l) => l.includes(' type-mismatch ')).length, 150_000);
  });

  it('exits 2 on unreadable files and usage errors', () => {
    assert.strictEqual(run(['missing.json'], {}).code, 2);
    assert.strictEqual(run([], {}).code, 2);
    assert.strictEqual(run(['--format', 'xml', 'a.json'], { 'a.json': GOOD }).code, 2);
    assert.strictEqual(run(['--kind', 'cluster', 'a.json'], { 'a.json': GOOD }).code, 2);
    assert.strictEqual(run(['--bogus', 'a.json'], { 'a.json': GOOD }).code, 2);
  });

  it('--kind forces the kind; auto detects services', () => {
    const service = JSON.stringify({ serviceName: 'web', desiredCount: 1, launchType: 'FARGATE', placementStrategy: [{ type: 'random' }] });
    assert.match(run(['s.json'], { 's.json': service }).out, /placement-with-fargate/);
    assert.match(run(['--kind', 'task', 's.json'], { 's.json': service }).out, /unknown-property/);
  });
});
