import * as assert from 'assert';
import { ec2Task, fargateTask, lint } from './helpers';

const messages = (def: unknown) => lint(def).filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);

describe('taskdef messages agree with the file', () => {
  const mapping = { portMappings: [{ containerPort: 80, hostPort: 8080 }] };
  const hostPortMessage = (def: unknown) => lint(def).find((d) => d.code === 'host-port-mismatch')?.message;

  it('the host-port rule names awsvpc only when the network mode is awsvpc', () => {
    assert.match(hostPortMessage(fargateTask({}, mapping))!, /^In awsvpc network mode "hostPort" must be omitted or equal "containerPort" \(80\)/);
    assert.match(hostPortMessage(ec2Task([{ name: 'app', image: 'nginx', memory: 128, ...mapping }], { networkMode: 'awsvpc' }))!, /^In awsvpc network mode/);
    assert.match(hostPortMessage(ec2Task([{ name: 'app', image: 'nginx', memory: 128, ...mapping }], { networkMode: 'host' }))!, /^In host network mode/);
    // Fargate written with another mode (an error of its own) or none: the rule holds because of Fargate.
    for (const networkMode of ['bridge', undefined]) {
      const message = hostPortMessage(fargateTask({ networkMode }, mapping))!;
      assert.match(message, /^On Fargate "hostPort" must be omitted or equal "containerPort" \(80\)/, message);
      assert.doesNotMatch(message, /awsvpc/);
    }
    assert.strictEqual(hostPortMessage(ec2Task([{ name: 'app', image: 'nginx', memory: 128, ...mapping }], { networkMode: 'bridge' })), undefined);
  });

  it('a misspelled required key gives one error, "did you mean", not "missing" as well', () => {
    // undefined members are left out of the JSON: the container has "imagee" and no "image".
    assert.deepStrictEqual(messages(fargateTask({}, { image: undefined, imagee: 'nginx' })).filter((m) => /image/.test(m)), [
      'unknown-property: Unknown property "imagee" in containerDefinitions[0]: did you mean "image"? The AWS CLI and API reject unknown properties.',
    ]);
    assert.deepStrictEqual(messages(fargateTask({}, { name: undefined, nmae: 'app' })).map((m) => m.split(':')[0]), ['unknown-property']);
    const { family: _family, ...noFamily } = fargateTask();
    void _family;
    assert.deepStrictEqual(messages({ ...noFamily, familyy: 'web' }), ['unknown-property: Unknown property "familyy": did you mean "family"? The AWS CLI and API reject unknown properties.']);
  });

  it('a missing required key with no misspelling of it is still reported', () => {
    assert.ok(messages(fargateTask({}, { image: undefined })).some((m) => m.startsWith('missing-container-image:')));
    assert.ok(messages(fargateTask({}, { image: undefined, repository: 'nginx' })).some((m) => m.startsWith('missing-container-image:')), 'repository reads as repositoryCredentials, not image');
    const { family: _family, ...noFamily } = fargateTask();
    void _family;
    assert.ok(messages(noFamily).some((m) => m.startsWith('missing-required: Missing required property "family"')));
  });
});
