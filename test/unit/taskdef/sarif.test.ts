import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { RULE_CODES } from '../../../src/taskdef/codes';
import { escapeData, escapeProperty } from '../../../src/taskdef/githubAnnotations';
import { RULE_DOCS } from '../../../src/taskdef/ruleDocs';
import { REPO, runCliOn } from './helpers';

const CWD = path.join(path.sep, 'work', 'repo');

const run = (args: string[], files: Record<string, string>) => runCliOn(args, files, CWD);

/**
 * The OASIS schema as published is JSON Schema draft-04, which Ajv 8 reads once `id` is `$id`: the
 * other draft-04 differences (boolean exclusiveMinimum/Maximum) do not occur in it (asserted).
 */
function sarifValidator(): ReturnType<Ajv['compile']> {
  const text = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8');
  assert.ok(!/"exclusiveM(in|ax)imum"/.test(text) && (text.match(/"id": "https/g) ?? []).length === 1, 'only draft-04 constructs Ajv 8 reads alike');
  const { $schema, id, ...schema } = JSON.parse(text) as Record<string, unknown>;
  assert.strictEqual($schema, 'http://json-schema.org/draft-04/schema#');
  const ajv = new Ajv({ allErrors: true, strict: false });
  // RFC 3986 (URI references: unreserved, reserved and percent-encoded characters) and RFC 3339.
  const uriReference = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;
  ajv.addFormat('uri-reference', uriReference);
  ajv.addFormat('uri', (s: string) => uriReference.test(s) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s));
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i);
  return ajv.compile({ $id: id as string, ...schema });
}

const BAD_TASK = '{\n  "family": "a",\n  "containerDefinitions": [\n    { "name": "a", "image": "nginx", "memory": 128, "portMappings": [{ "containerPort": 80, "hostPort": 81 }] }\n  ],\n  "networkMode": "awsvpc"\n}\n';
const WRAPPED = JSON.stringify({ taskDefinition: { family: 'a', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 128 }] } });
const BLUE_GREEN_SERVICE = JSON.stringify({ serviceName: 'web', deploymentController: { type: 'ECS' }, deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, minimumHealthyPercent: 100 }, serviceConnectConfiguration: { enabled: true } }, null, 2);
const CONTAINERS = '[\n  { "name": "web", "image": "${image}", "cpu": ${cpu}, "networkMode": "awsvpc" }\n]\n';

interface SarifLog {
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri: string; help: { text: string }; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[] }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[];
  }[];
}

describe('ecs-taskdef-lint --format sarif and github', () => {
  const validate = sarifValidator();

  it('the schema check refuses what SARIF does not allow (a driver without a name, a level it does not know, a URI with a space)', () => {
    assert.ok(!validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }));
    assert.ok(!validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }));
    assert.ok(!validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.json' } } }] }] }] }));
  });

  it('SARIF 2.1.0 valid against the OASIS schema: every rule with help and a link, results at 1-based regions, URIs relative to the working directory', () => {
    const files = { 'infra/task def.json': BAD_TASK, 'w.json': WRAPPED, 'svc/service-definition.json': BLUE_GREEN_SERVICE, 'tf/containers.json.tpl': CONTAINERS };
    const r = run(['--format', 'sarif', '--', ...Object.keys(files)], files);
    assert.strictEqual(r.code, 1);
    const log = JSON.parse(r.out) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const [sarifRun] = log.runs;
    const rules = sarifRun.tool.driver.rules;
    assert.deepStrictEqual(rules.map((x) => x.id), Object.keys(RULE_CODES));
    for (const rule of rules) {
      assert.match(rule.helpUri, /^https:\/\//, rule.id);
      assert.ok(rule.help.text.length > 20 && rule.shortDescription.text.length > 10, rule.id);
    }
    const byRule = (id: string) => sarifRun.results.find((x) => x.ruleId === id)!;
    const hostPort = byRule('host-port-mismatch');
    assert.strictEqual(rules[hostPort.ruleIndex].id, 'host-port-mismatch');
    assert.strictEqual(hostPort.level, 'error');
    assert.deepStrictEqual(hostPort.locations[0].physicalLocation.artifactLocation, { uri: 'infra/task%20def.json', uriBaseId: '%SRCROOT%' });
    // The same place as the text format's file:4:105 (end column exclusive, as the JSON format's).
    assert.deepStrictEqual(hostPort.locations[0].physicalLocation.region, { startLine: 4, startColumn: 105, endLine: 4, endColumn: 107 });
    assert.strictEqual(byRule('wrapped-task-definition').level, 'warning');
    assert.strictEqual(byRule('strategy-task-counts').level, 'note');
    assert.deepStrictEqual(byRule('task-level-in-container').locations[0].physicalLocation.artifactLocation.uri, 'tf/containers.json.tpl');
    assert.deepStrictEqual(sarifRun.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('SARIF: an unreadable file is a tool notification and exit 2; a file outside the working directory has an absolute file URI; no finding is a valid empty run', () => {
    const r = run(['--format=sarif', 'missing.json', '../elsewhere/task-definition.json'], {});
    assert.strictEqual(r.code, 2);
    const log = JSON.parse(r.out) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors));
    assert.strictEqual(log.runs[0].invocations[0].executionSuccessful, false);
    assert.strictEqual(log.runs[0].invocations[0].toolExecutionNotifications.length, 2);
    assert.match(JSON.stringify(log.runs[0].invocations[0].toolExecutionNotifications[1]), /"uri":"file:\/\/\/work\/elsewhere\/task-definition.json"/);
    const empty = run(['--format', 'sarif', 'ok.json'], { 'ok.json': JSON.stringify({ family: 'a', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 128 }] }) });
    assert.strictEqual(empty.code, 0);
    assert.ok(validate(JSON.parse(empty.out)));
    assert.deepStrictEqual((JSON.parse(empty.out) as SarifLog).runs[0].results, []);
  });

  it('github: ::error / ::warning / ::notice with file, line, col, endLine, endColumn and the code as title; exit codes as for text', () => {
    const r = run(['--format', 'github', 'infra/task def.json', 'w.json', 'svc/service-definition.json'], { 'infra/task def.json': BAD_TASK, 'w.json': WRAPPED, 'svc/service-definition.json': BLUE_GREEN_SERVICE });
    assert.strictEqual(r.code, 1);
    const lines = r.out.trimEnd().split('\n');
    assert.ok(lines.includes(lines.find((l) => l.startsWith('::error file=infra/task def.json,line=4,endLine=4,col=105,endColumn=107,title=host-port-mismatch::In awsvpc network mode "hostPort"'))!));
    assert.ok(lines.some((l) => l.startsWith('::warning file=w.json,line=1,endLine=1,col=2,endColumn=18,title=wrapped-task-definition::')));
    assert.ok(lines.some((l) => l.startsWith('::notice file=svc/service-definition.json,') && l.includes('title=strategy-task-counts::')));
    assert.ok(lines.every((l) => /^::(error|warning|notice) file=[^:]*::/.test(l)), r.out);
    assert.strictEqual(run(['--format', 'github', 'w.json'], { 'w.json': WRAPPED }).code, 0);
    const missing = run(['--format', 'github', 'gone.json'], {});
    assert.strictEqual(missing.code, 2);
    assert.match(missing.out, /^::error file=gone\.json,title=ecs-taskdef-lint::Cannot read gone\.json: ENOENT/);
  });

  it("github: GitHub's escaping: %, CR and LF in the message; also : and , in properties", () => {
    assert.strictEqual(escapeData('50% of a\r\nb: c, d'), '50%25 of a%0D%0Ab: c, d');
    assert.strictEqual(escapeProperty('dir:a,b%\n.json'), 'dir%3Aa%2Cb%25%0A.json');
    const r = run(['--format', 'github', 'a,b:c.json'], { 'a,b:c.json': '{"family": "x", "containerDefinitions": [{"name": "a", "image": "nginx", "memory": 128, "memoryReservation": 200}]}' });
    assert.match(r.out, /^::error file=a%2Cb%3Ac\.json,line=1,/);
  });

  it('every rule code has its documentation (a new code does not compile without it)', () => {
    assert.deepStrictEqual(Object.keys(RULE_DOCS).sort(), Object.keys(RULE_CODES).sort());
  });

  it('--kind takes auto, task, service, containers and cloudformation', () => {
    for (const kind of ['auto', 'task', 'service', 'containers', 'cloudformation']) assert.notStrictEqual(run(['--kind', kind, 'x.json'], { 'x.json': '[]' }).code, 2, kind);
    assert.match(run(['--kind', 'containers', 'x.json'], { 'x.json': '{}' }).out, /not-an-array/);
    assert.match(run(['x.json'], { 'x.json': CONTAINERS }).out, /task-level-in-container/);
    assert.strictEqual(run(['--kind', 'terraform', 'x.json'], { 'x.json': '[]' }).code, 2);
  });
});
