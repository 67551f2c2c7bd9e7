import * as assert from 'assert';
import { checkQuery } from '../../../src/taskdef/rules/placementQuery';
import { validate } from '../../../src/taskdef/validate';
import { assertError, assertNoErrors, ec2Task, lint } from './helpers';

const svc = (over: Record<string, unknown> = {}) => ({ serviceName: 'web', cluster: 'prod', taskDefinition: 'web:3', desiredCount: 2, launchType: 'EC2', ...over });
const CONTAINERS = [{ name: 'app', image: 'nginx', memory: 128 }];
const memberOf = (expression: string) => ({ placementConstraints: [{ type: 'memberOf', expression }] });

/** The problem of an expression as `start-end: message`, or '' when it parses. */
function problem(expression: string): string {
  const p = checkQuery(expression).problem;
  return p ? `${p.start}-${p.end}: ${p.message}` : '';
}

describe('taskdef: the cluster query language checker (positions in the expression)', () => {
  it('accepts the documentation\'s expressions', () => {
    for (const e of [
      'attribute:ecs.instance-type == t2.small',
      'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
      'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d',
      'task:group == service:production',
      'not(task:group == database)',
      'runningTasksCount == 1',
      'agentVersion < 1.14.5',
      'registeredAt < 2018-02-13',
      "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']",
      '(attribute:stack == prod || attribute:stack == staging) && !(attribute:gpu exists)',
      'attribute:ecs.instance-type matches (t3|m5).* or attribute:ecs.os-type not_in [windows]',
      'attribute:ecs.capability.task-eni exists and attribute:custom !exists',
    ]) assert.strictEqual(problem(e), '', e);
  });

  it('says what is wrong and where', () => {
    assert.strictEqual(problem('attribute:ecs.instance-type = t3.large'), '28-29: Expected an operator (==, !=, in, not_in, =~, exists, …) after "attribute:ecs.instance-type", found "=".');
    assert.strictEqual(problem('ecs.instance-type == t3.large'), '0-17: Unknown subject "ecs.instance-type". Attributes are written "attribute:ecs.instance-type".');
    assert.strictEqual(problem('attribute:ecs.availability-zone in us-east-1a'), '35-45: "in" takes a list: [value1, value2].');
    assert.strictEqual(problem('(attribute:stack == prod'), '0-1: This "(" is never closed: add ")".');
    assert.strictEqual(problem('attribute:stack == prod and'), '27-27: The expression ends where a comparison (subject operator value) is expected.');
    assert.strictEqual(problem('attribute:stack == prod attribute:x exists'), '24-35: Expected "and", "or" or the end of the expression, found "attribute:x".');
    assert.strictEqual(problem('runningTasksCount =~ 1'), '18-20: "runningTasksCount" does not take "=~": use ==, !=, >, >=, <, <=.');
    assert.strictEqual(problem('registeredAt > last-week'), '15-24: registeredAt compares with a date (2018-06-18, 2018-06-18T22:28:28, 2018-06-18T22:28:28Z or 2018-06-18T22:28:28+00:00), not "last-week".');
    assert.strictEqual(problem('attribute:ecs.instance-type =~ t3.(large'), '31-40: "t3.(large" is not a valid regular expression.');
    assert.strictEqual(problem("attribute:stack == 'prod"), "19-24: The quoted value 'prod is never closed.");
    assert.strictEqual(problem('   '), '0-3: The expression is empty.');
  });

  it('lists the attributes it names, with their positions', () => {
    assert.deepStrictEqual(checkQuery('attribute:ecs.instance-type =~ t3.* and not attribute:stack == x').attributes, [
      { name: 'ecs.instance-type', start: 10, end: 27 },
      { name: 'stack', start: 54, end: 59 },
    ]);
  });
});

describe('taskdef rules: placement', () => {
  it('a malformed memberOf expression is an error on the span inside the string (service and task definitions)', () => {
    const text = JSON.stringify(svc(memberOf('attribute:ecs.instance-type = t3.large')), null, 2);
    const d = validate(text, { kind: 'service' }).diagnostics.find((x) => x.code === 'placement-expression-syntax')!;
    assert.ok(d, 'reported');
    assert.strictEqual(text.slice(d.offset, d.offset + d.length), '=');
    assert.strictEqual(d.pointer, '/placementConstraints/0/expression');
    assert.match(d.message, /^memberOf expression, column 29: Expected an operator/);
    assertError(ec2Task(CONTAINERS, memberOf('attribute:stack ==')), 'placement-expression-syntax', '/placementConstraints/0/expression');
  });

  it('positions count escapes in the JSON string', () => {
    const text = '{"serviceName": "web", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "attribute:\\u0073tack == \\"prod\\" and"}]}';
    const d = validate(text, { kind: 'service' }).diagnostics.find((x) => x.code === 'placement-expression-syntax')!;
    assert.strictEqual(d.offset, text.indexOf(' and"') + 4, 'the end of the expression, after the escaped quotes and \\u0073');
  });

  it('an unknown ecs. attribute is a warning naming the nearest known one; custom and capability attributes pass', () => {
    const text = JSON.stringify(svc(memberOf('attribute:ecs.instance_type =~ t3.* and attribute:stack == prod and attribute:ecs.capability.task-eni exists')), null, 2);
    const found = validate(text, { kind: 'service' }).diagnostics.filter((x) => x.code === 'placement-unknown-attribute');
    assert.strictEqual(found.length, 1);
    const [d] = found;
    assert.strictEqual(d.severity, 'warning');
    assert.strictEqual(text.slice(d.offset, d.offset + d.length), 'ecs.instance_type');
    assert.match(d.message, /^"ecs.instance_type" is not an attribute ECS sets: did you mean "ecs.instance-type"\?/);
    assert.strictEqual(d.data?.suggestion, 'ecs.instance-type');
    assert.strictEqual(d.data?.replacement, 'attribute:ecs.instance-type =~ t3.* and attribute:stack == prod and attribute:ecs.capability.task-eni exists');
    assert.ok(!lint(svc(memberOf('attribute:ecs.availability-zone in [us-east-1a] and attribute:ecs.os-family == LINUX')), 'service').some((x) => x.code === 'placement-unknown-attribute'));
  });

  it('a task definition takes memberOf only: distinctInstance is explained, once', () => {
    const found = lint(ec2Task(CONTAINERS, { placementConstraints: [{ type: 'distinctInstance' }] })).filter((x) => x.pointer === '/placementConstraints/0/type');
    assert.deepStrictEqual(found.map((x) => x.code), ['placement-distinct-instance-in-task']);
    assert.match(found[0].message, /service's \(or RunTask's\) placementConstraints/);
    assertError(ec2Task(CONTAINERS, { placementConstraints: [{ type: 'memberOf' }] }), 'placement-constraint-expression', '/placementConstraints/0/type');
    assertNoErrors(ec2Task(CONTAINERS, memberOf('attribute:ecs.cpu-architecture == arm64')));
  });

  it('at most 5 strategies a service and 10 constraints', () => {
    assertError(svc({ placementStrategy: Array(6).fill({ type: 'random' }) }), 'placement-too-many', '/placementStrategy', 'service');
    assertError(svc({ placementConstraints: Array(11).fill({ type: 'distinctInstance' }) }), 'placement-too-many', '/placementConstraints', 'service');
    assertNoErrors(svc({ placementStrategy: Array(5).fill({ type: 'random' }) }), 'service');
  });

  it('no placement on Fargate (strategies on services, constraints on task definitions) still holds; placeholders are not parsed', () => {
    assertError(svc({ launchType: 'FARGATE', placementStrategy: [{ type: 'spread', field: 'instanceId' }] }), 'placement-with-fargate', '/placementStrategy', 'service');
    assertNoErrors(svc(memberOf('attribute:ecs.availability-zone in [${ZONES}]')), 'service');
  });
});
