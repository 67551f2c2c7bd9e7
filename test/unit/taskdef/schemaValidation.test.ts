import * as assert from 'assert';
import { validate } from '../../../src/taskdef/validate';
import { assertError, assertNoErrors, errorKeys, fargateTask, lint } from './helpers';

describe('taskdef schema validation', () => {
  it('accepts a valid Fargate task definition', () => assertNoErrors(fargateTask()));

  it('knows fields the stale AWS Toolkit schema lacks', () => {
    assertNoErrors(fargateTask({ enableFaultInjection: true }, { restartPolicy: { enabled: true, restartAttemptPeriod: 60 }, versionConsistency: 'disabled' }));
  });

  it('reports unknown properties at the key, with did you mean', () => {
    const d = assertError(fargateTask({}, { portMapings: [] }), 'unknown-property', '/containerDefinitions/0/portMapings');
    assert.match(d.message, /did you mean "portMappings"/);
    assert.strictEqual(d.data?.suggestion, 'portMappings');
    assert.strictEqual(d.severity, 'error');
  });

  it('reports keys named like Object members ("constructor" was taken for a known property)', () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']) {
      const text = JSON.stringify(fargateTask()).replace('{', `{${JSON.stringify(key)}: {"a": 1}, `);
      assert.ok(validate(text, { kind: 'task' }).diagnostics.some((d) => d.code === 'unknown-property' && d.pointer === `/${key}`), key);
    }
  });

  it('suggests the right casing', () => {
    const d = assertError(fargateTask({ Family: 'x' }), 'unknown-property', '/Family');
    assert.strictEqual(d.data?.suggestion, 'family');
  });

  it('treats null as absent, including for required properties', () => {
    assertNoErrors(fargateTask({ pidMode: null, volumes: null }, { secrets: null, mountPoints: null, environment: null }));
    assertError(fargateTask({ family: null }), 'missing-required', '');
  });

  it('reports type mismatches at the value', () => {
    const d = assertError(fargateTask({}, { portMappings: [{ containerPort: '80' }] }), 'type-mismatch', '/containerDefinitions/0/portMappings/0/containerPort');
    assert.strictEqual(d.data?.replacement, 80);
    assertError(fargateTask({}, { portMappings: { containerPort: 80 } }), 'type-mismatch', '/containerDefinitions/0/portMappings');
    assertError(fargateTask({}, { essential: 'true' }), 'type-mismatch', '/containerDefinitions/0/essential');
  });

  it('never reports placeholders as type errors', () => {
    assertNoErrors(fargateTask({}, { portMappings: [{ containerPort: '${PORT}' }], cpu: '{{ .cpu }}', essential: '<ESSENTIAL>' }));
  });

  it('reports invalid enum values with a suggestion', () => {
    const d = assertError(fargateTask({ requiresCompatibilities: ['fargate'] }), 'invalid-enum', '/requiresCompatibilities/0');
    assert.strictEqual(d.data?.suggestion, 'FARGATE');
  });

  it('reports ranges from the model', () => {
    assertError({ capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 2000 }] }, 'number-out-of-range', '/capacityProviderStrategy/0/weight', 'service');
  });

  it('warns on read-only describe fields', () => {
    const ds = lint(fargateTask({ revision: 3, status: 'ACTIVE', registeredAt: '2024-01-01T00:00:00Z' }));
    assert.deepStrictEqual(
      ds.map((d) => `${d.severity} ${d.code}@${d.pointer}`),
      ['warning read-only-field@/revision', 'warning read-only-field@/status', 'warning read-only-field@/registeredAt'],
    );
  });

  it('accepts the describe wrapper with a warning and pointers through /taskDefinition', () => {
    const ds = lint({ taskDefinition: fargateTask({}, { portMappings: [{ containerPort: 80, hostPort: 81 }] }), tags: [{ key: 'a', value: 'b' }] });
    assert.ok(ds.some((d) => d.code === 'wrapped-task-definition' && d.severity === 'warning'));
    assert.ok(ds.some((d) => d.code === 'host-port-mismatch' && d.pointer === '/taskDefinition/containerDefinitions/0/portMappings/0/hostPort'));
  });

  it('reports duplicate keys', () => {
    assert.deepStrictEqual(errorKeys('{"family": "a", "family": "b", "containerDefinitions": []}'), ['duplicate-key@/family']);
  });

  it('reports JSON syntax errors with their position', () => {
    const r = validate('{\n  "family": "x",\n  "containerDefinitions": [\n}', { kind: 'task' });
    assert.ok(r.syntaxError);
    const d = r.diagnostics.find((x) => x.code === 'json-syntax')!;
    assert.strictEqual(d.range.start.line, 3);
  });

  it('warns on empty enum values as ecspresso writes them', () => {
    const ds = lint({ launchType: '', capacityProviderStrategy: [{ capacityProvider: 'FARGATE' }] }, 'service');
    assert.deepStrictEqual(ds.map((d) => `${d.severity} ${d.code}`), ['warning empty-value']);
  });

  it('does not require serviceName in a service definition (ecspresso, update-service)', () => {
    assertNoErrors({ desiredCount: 1, forceNewDeployment: true }, 'service');
  });
});
