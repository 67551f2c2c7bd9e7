import * as assert from 'assert';
import { detectFileKind } from '../../../src/taskdef/kind';
import { validate } from '../../../src/taskdef/validate';
import { looksLikeContainers } from '../../../src/taskdef/formats/containers';
import { parseDocument } from '../../../src/taskdef/document';

function keys(text: string | unknown[], fileName?: string, severity = 'error'): string[] {
  const t = typeof text === 'string' ? text : JSON.stringify(text, null, 2);
  const r = validate(t, { kind: 'containers', fileName });
  assert.strictEqual(r.kind, 'containers');
  return r.diagnostics.filter((d) => d.severity === severity).map((d) => `${d.code}@${d.pointer}`);
}

const WEB = { name: 'web', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4', essential: true, portMappings: [{ containerPort: 8080 }] };

describe('Terraform containers files: the rules that hold for containers alone', () => {
  it('a valid array has no diagnostics; pointers index the array', () => {
    assert.deepStrictEqual(keys([WEB]), []);
    assert.deepStrictEqual(keys([{ ...WEB, image: 'Bad Image' }]), ['invalid-image@/0/image']);
    assert.deepStrictEqual(keys([WEB, { name: 'web', image: 'nginx' }]), ['duplicate-container-name@/1/name']);
  });

  it('nothing that needs the task: no network-mode port rule, no volume lookup, no execution role, no task memory', () => {
    const containers = [
      {
        name: 'app',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1',
        portMappings: [{ containerPort: 80, hostPort: 8080 }],
        mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }],
        links: ['db'],
        secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db' }],
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/app', 'awslogs-region': 'us-east-1' } },
        privileged: true,
      },
      { name: 'db', image: 'postgres:16', essential: false },
    ];
    assert.deepStrictEqual(keys(containers), []);
    // The same containers in a Fargate task definition are wrong in five ways.
    const task = { family: 'f', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: containers };
    const inTask = validate(JSON.stringify(task), { kind: 'task' }).diagnostics.map((d) => d.code);
    for (const code of ['host-port-mismatch', 'mount-point-unknown-volume', 'execution-role-required', 'fargate-privileged', 'fargate-links']) assert.ok(inTask.includes(code), code);
  });

  it('what a container alone gets wrong is still found: references between containers, memory, secrets, awslogs', () => {
    const containers = [
      { name: 'app', image: 'nginx', memory: 256, memoryReservation: 512, dependsOn: [{ containerName: 'dbb', condition: 'START' }], volumesFrom: [{ sourceContainer: 'nope' }] },
      { name: 'db', image: 'postgres', links: ['ap'], secrets: [{ name: 'X', valueFrom: 'not a secret' }], logConfiguration: { logDriver: 'awslogs', options: {} } },
    ];
    assert.deepStrictEqual(keys(containers).sort(), [
      'awslogs-missing-option@/1/logConfiguration/options',
      'depends-on-missing-container@/0/dependsOn/0/containerName',
      'invalid-secret-value-from@/1/secrets/0/valueFrom',
      'link-missing-container@/1/links/0',
      'memory-reservation-exceeds-memory@/0/memoryReservation',
      'volumes-from-missing-container@/0/volumesFrom/0/sourceContainer',
    ]);
  });

  it('explicit host ports still clash between containers; container ports alone do not (the mode is unknown)', () => {
    assert.deepStrictEqual(keys([{ name: 'a', image: 'x', portMappings: [{ containerPort: 80 }] }, { name: 'b', image: 'y', portMappings: [{ containerPort: 80 }] }]), []);
    assert.deepStrictEqual(keys([{ name: 'a', image: 'x', portMappings: [{ containerPort: 80, hostPort: 8080 }] }, { name: 'b', image: 'y', portMappings: [{ containerPort: 81, hostPort: 8080 }] }]), ['duplicate-port-mapping@/1/portMappings/0/hostPort']);
  });

  it('no essential container: on the first "essential": false', () => {
    assert.deepStrictEqual(keys([{ name: 'a', image: 'x', essential: false }, { name: 'b', image: 'y', essential: false }]), ['no-essential-container@/0/essential']);
  });

  it('a task-level parameter in a container names the Terraform argument', () => {
    const r = validate(JSON.stringify([{ ...WEB, networkMode: 'awsvpc', executionRoleArn: 'arn:aws:iam::123456789012:role/x' }]), { kind: 'containers' });
    assert.deepStrictEqual(r.diagnostics.map((d) => `${d.code}@${d.pointer}`), ['task-level-in-container@/0/networkMode', 'task-level-in-container@/0/executionRoleArn']);
    assert.match(r.diagnostics[0].message, /"network_mode" argument of aws_ecs_task_definition/);
  });

  it('an unknown property says Terraform drops it; a key in another case is a warning (Terraform reads it), checked as the property', () => {
    const r = validate(JSON.stringify([{ ...WEB, portMapings: [] }]), { kind: 'containers' });
    assert.match(r.diagnostics[0].message, /did you mean "portMappings"\? Terraform drops unknown properties/);
    assert.deepStrictEqual(keys([{ Name: 'web', Image: 'nginx', Essential: 'yes' }]), ['type-mismatch@/0/Essential']);
    assert.deepStrictEqual(keys([{ Name: 'web', Image: 'nginx' }, { name: 'side', image: 'x', dependsOn: [{ containerName: 'web', condition: 'START' }] }]), []);
    assert.deepStrictEqual(keys([{ Name: 'web', Image: 'nginx' }], undefined, 'warning'), ['property-name-case@/0/Name', 'property-name-case@/0/Image']);
  });

  it('not an array, an empty array, invalid JSON', () => {
    assert.deepStrictEqual(keys('{"family": "x", "containerDefinitions": []}'), ['not-an-array@']);
    assert.match(validate('{"family": "x", "containerDefinitions": []}', { kind: 'containers' }).diagnostics[0].message, /--kind task/);
    assert.deepStrictEqual(keys('[]'), ['array-too-short@']);
    assert.deepStrictEqual([...new Set(keys('[{"name": "a", "image": "x",}]'))], ['json-syntax@']);
  });

  it('templatefile syntax: interpolations are unknown values, directives are not errors, ranges are the file\'s', () => {
    const text = [
      '[',
      '  {',
      '    "name": "${name}",',
      '    "image": "${repository_url}:${tag}",',
      '    "cpu": ${cpu},',
      '    "environment": ${jsonencode(environment)},',
      '    "portMappings": [',
      '      %{ for p in ports ~}',
      '      { "containerPort": ${p} },',
      '      %{ endfor ~}',
      '    ],',
      '    "memoryReservation": "512"',
      '  }',
      ']',
    ].join('\n');
    const r = validate(text, { kind: 'containers' });
    assert.deepStrictEqual(r.diagnostics.map((d) => `${d.code}@${d.pointer}@${d.range.start.line}:${d.range.start.character}`), ['type-mismatch@/0/memoryReservation@11:25']);
    assert.strictEqual(detectFileKind(text), 'containers');
  });
});

describe('Terraform containers files: detection', () => {
  const root = (t: string) => parseDocument(t).root;
  it('auto-detected: an array of objects with container keys', () => {
    assert.strictEqual(detectFileKind(JSON.stringify([WEB])), 'containers');
    assert.strictEqual(validate(JSON.stringify([WEB])).kind, 'containers');
  });

  it('not containers: an environment list, an array of numbers, an object', () => {
    assert.strictEqual(looksLikeContainers(root('[{"name": "A", "value": "b"}]')), false);
    assert.strictEqual(looksLikeContainers(root('[1, 2]')), false);
    assert.strictEqual(looksLikeContainers(root('{"name": "x", "image": "y"}')), false);
    assert.strictEqual(detectFileKind('[{"name": "A", "value": "b"}]'), undefined);
  });

  it('by file name: an empty array or a container still being written', () => {
    assert.strictEqual(looksLikeContainers(root('[]'), '[]', 'infra/containers.json'), true);
    assert.strictEqual(looksLikeContainers(root('[{"name": "app"}]'), undefined, 'container-definitions.json.tpl'), true);
    assert.strictEqual(looksLikeContainers(root('[{"name": "app"}]'), undefined, 'container_definitions.tftpl'), true);
    assert.strictEqual(looksLikeContainers(root('[]'), '[]', 'package.json'), false);
    assert.strictEqual(detectFileKind('[]', 'ecs/containers.json'), 'containers');
  });
});
