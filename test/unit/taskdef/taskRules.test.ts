import * as assert from 'assert';
import { assertError, assertNoErrors, ec2Task, errorKeys, fargateTask, lint } from './helpers';

const c = (name: string, extra: Record<string, unknown> = {}) => ({ name, image: 'nginx:1.25', memory: 256, ...extra });

describe('taskdef rules: Fargate', () => {
  it('needs awsvpc', () => {
    assertError(fargateTask({ networkMode: 'bridge' }), 'fargate-requires-awsvpc', '/networkMode');
    const { networkMode: _n, ...noMode } = fargateTask();
    void _n;
    assertError(noMode, 'fargate-requires-awsvpc', '/requiresCompatibilities');
  });

  it('needs task cpu and memory', () => {
    const { cpu: _c, memory: _m, ...t } = fargateTask();
    void _c;
    void _m;
    assert.deepStrictEqual(errorKeys(t).sort(), ['fargate-cpu-required@/requiresCompatibilities', 'fargate-memory-required@/requiresCompatibilities']);
  });

  it('accepts every documented value form and size', () => {
    for (const [cpu, memory] of [['256', '512'], ['.25 vCPU', '0.5 GB'], ['1 vcpu', '2 GB'], ['1024', '2GB'], ['2 vCPU', '16 GB'], ['4096', '30720'], ['8 vCPU', '60 GB'], ['16384', '122880'], ['16 vCPU', '32GB']])
      assertNoErrors(fargateTask({ cpu, memory }));
  });

  it('rejects sizes outside the table, with the nearest memory as replacement', () => {
    const d = assertError(fargateTask({ cpu: '1 vCPU', memory: '1 GB' }), 'fargate-invalid-memory', '/memory');
    assert.strictEqual(d.data?.replacement, '2 GB');
    assertError(fargateTask({ cpu: '8192', memory: '18432' }), 'fargate-invalid-memory', '/memory');
    assertError(fargateTask({ cpu: '300', memory: '512' }), 'fargate-invalid-cpu', '/cpu');
    assertError(fargateTask({ cpu: 'one vcpu' }), 'invalid-task-cpu', '/cpu');
  });

  it('forbids privileged, links, host paths, docker volumes and placement constraints', () => {
    const t = fargateTask(
      { volumes: [{ name: 'h', host: { sourcePath: '/data' } }, { name: 'd', dockerVolumeConfiguration: { scope: 'task' } }, { name: 'ok', host: {} }], placementConstraints: [{ type: 'memberOf', expression: 'x' }] },
      { privileged: true, links: ['other'] },
    );
    const keys = errorKeys(t);
    for (const k of ['fargate-privileged@/containerDefinitions/0/privileged', 'fargate-links@/containerDefinitions/0/links', 'fargate-host-volume@/volumes/0/host/sourcePath', 'fargate-docker-volume@/volumes/1/dockerVolumeConfiguration', 'fargate-placement-constraints@/placementConstraints'])
      assert.ok(keys.includes(k), `${k} in ${keys}`);
  });
});

describe('taskdef rules: containers', () => {
  it('awsvpc and host: hostPort absent or equal', () => {
    assertError(fargateTask({}, { portMappings: [{ containerPort: 80, hostPort: 8080 }] }), 'host-port-mismatch', '/containerDefinitions/0/portMappings/0/hostPort');
    assertNoErrors(fargateTask({}, { portMappings: [{ containerPort: 80, hostPort: 80 }] }));
    assertError(ec2Task([c('a', { portMappings: [{ containerPort: 80, hostPort: 81 }] })], { networkMode: 'host' }), 'host-port-mismatch', '/containerDefinitions/0/portMappings/0/hostPort');
    assertNoErrors(ec2Task([c('a', { portMappings: [{ containerPort: 80, hostPort: 8080 }] })]));
  });

  it('duplicate container names', () => assertError(ec2Task([c('a'), c('a')]), 'duplicate-container-name', '/containerDefinitions/1/name'));

  it('needs an essential container', () => {
    assertError(ec2Task([c('a', { essential: false }), c('b', { essential: false })]), 'no-essential-container', '/containerDefinitions');
    assertNoErrors(ec2Task([c('a', { essential: false }), c('b')]));
  });

  it('dependsOn: missing container, cycles, HEALTHY without healthCheck', () => {
    const d = assertError(ec2Task([c('app', { dependsOn: [{ containerName: 'envoi', condition: 'START' }] }), c('envoy')]), 'depends-on-missing-container', '/containerDefinitions/0/dependsOn/0/containerName');
    assert.strictEqual(d.data?.suggestion, 'envoy');
    const cyc = errorKeys(ec2Task([c('a', { dependsOn: [{ containerName: 'b', condition: 'START' }] }), c('b', { dependsOn: [{ containerName: 'a', condition: 'START' }] })]));
    assert.deepStrictEqual(cyc, ['depends-on-cycle@/containerDefinitions/0/dependsOn/0/containerName', 'depends-on-cycle@/containerDefinitions/1/dependsOn/0/containerName']);
    assertError(ec2Task([c('a', { dependsOn: [{ containerName: 'a', condition: 'START' }] })]), 'depends-on-cycle', '/containerDefinitions/0/dependsOn/0/containerName');
    assertError(ec2Task([c('a', { dependsOn: [{ containerName: 'b', condition: 'HEALTHY' }] }), c('b')]), 'depends-on-healthy-without-healthcheck', '/containerDefinitions/0/dependsOn/0/condition');
    assertNoErrors(ec2Task([c('a', { dependsOn: [{ containerName: 'b', condition: 'HEALTHY' }] }), c('b', { healthCheck: { command: ['CMD', 'true'] } })]));
  });

  it('mountPoints, volumesFrom and links refer to what exists', () => {
    assertError(ec2Task([c('a', { mountPoints: [{ sourceVolume: 'data', containerPath: '/d' }] })]), 'mount-point-unknown-volume', '/containerDefinitions/0/mountPoints/0/sourceVolume');
    assertNoErrors(ec2Task([c('a', { mountPoints: [{ sourceVolume: 'data', containerPath: '/d' }] })], { volumes: [{ name: 'data' }] }));
    assertError(ec2Task([c('a', { volumesFrom: [{ sourceContainer: 'b' }] })]), 'volumes-from-missing-container', '/containerDefinitions/0/volumesFrom/0/sourceContainer');
    assertError(ec2Task([c('a', { links: ['db:database'] })]), 'link-missing-container', '/containerDefinitions/0/links/0');
    assertNoErrors(ec2Task([c('a', { links: ['db:database'] }), c('db')]));
  });

  it('links only in bridge mode', () => {
    assertError(ec2Task([c('a', { links: ['b'] }), c('b')], { networkMode: 'host' }), 'links-requires-bridge', '/containerDefinitions/0/links');
  });

  it('duplicate port mappings', () => {
    assertError(ec2Task([c('a', { portMappings: [{ containerPort: 80 }, { containerPort: 80 }] })]), 'duplicate-port-mapping', '/containerDefinitions/0/portMappings/1/containerPort');
    assertError(ec2Task([c('a', { portMappings: [{ containerPort: 80, hostPort: 8080 }] }), c('b', { portMappings: [{ containerPort: 81, hostPort: 8080 }] })]), 'duplicate-port-mapping', '/containerDefinitions/1/portMappings/0/hostPort');
    assertNoErrors(ec2Task([c('a', { portMappings: [{ containerPort: 53, protocol: 'udp' }, { containerPort: 53, protocol: 'tcp' }] })]));
  });

  it('container names, family names and images', () => {
    assertError(ec2Task([c('my app')]), 'invalid-name', '/containerDefinitions/0/name');
    assertError(ec2Task([c('a')], { family: 'my.family' }), 'invalid-name', '/family');
    for (const bad of ['Nginx:latest', 'myOrg/App:1', 'nginx:', 'https://ghcr.io/x/y', 'nginx latest', 'nginx@sha256:abc', '123456789012.dkr.ecr.us-east-1.amazonaws.com.app:1'])
      assertError(ec2Task([c('a', { image: bad })]), 'invalid-image', '/containerDefinitions/0/image');
    // Capitals written as placeholders in samples and docs are not repository names.
    for (const ok of ['ACCOUNT_ID.dkr.ecr.REGION.amazonaws.com/app:latest', 'REPOSITORY_URI:TAG', 'CHANGEME_IMAGE', 'XXXXXXXXXXXX.dkr.ecr.us-east-1.amazonaws.com/api:1'])
      assertNoErrors(ec2Task([c('a', { image: ok })]));
    for (const ok of ['nginx', 'public.ecr.aws/nginx/nginx:1.25-alpine', 'localhost:5000/a/b', 'ghcr.io/Owner/repo:v1'.toLowerCase(), `busybox@sha256:${'a'.repeat(64)}`, '${ECR}/app:${TAG}', '<IMAGE1_NAME>'])
      assertNoErrors(ec2Task([c('a', { image: ok })]));
    assertError(ec2Task([{ name: 'a', memory: 128 }]), 'missing-container-image', '/containerDefinitions/0/name');
  });
});

describe('taskdef rules: resources', () => {
  it('container memory vs task memory, reservation vs memory', () => {
    assertError(fargateTask({}, { memory: 1024 }), 'container-memory-exceeds-task', '/containerDefinitions/0/memory');
    assertError(ec2Task([c('a', { memory: 256, memoryReservation: 512 })]), 'memory-reservation-exceeds-memory', '/containerDefinitions/0/memoryReservation');
  });

  it('sum of container cpu vs task cpu', () => {
    assertError(fargateTask({}, { cpu: 512 }), 'container-cpu-exceeds-task', '/containerDefinitions/0/cpu');
  });

  it('EC2 containers need memory when the task has none', () => {
    assertError(ec2Task([{ name: 'a', image: 'nginx' }]), 'container-memory-missing', '/containerDefinitions/0/name');
    assertNoErrors(ec2Task([{ name: 'a', image: 'nginx' }], { memory: '512' }));
  });
});

describe('taskdef rules: logs, secrets, execution role', () => {
  it('awslogs options', () => {
    const d = assertError(fargateTask({}, { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g' } } }), 'awslogs-missing-option', '/containerDefinitions/0/logConfiguration/options');
    assert.match(d.message, /awslogs-region/);
    assert.match(d.message, /awslogs-stream-prefix/);
    assertNoErrors(ec2Task([c('a', { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g', 'awslogs-region': 'us-east-1' } } })]));
  });

  it('secrets valueFrom forms', () => {
    const ok = ['arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::', 'arn:aws:ssm:us-east-1:123456789012:parameter/app/db', '/app/db', 'db_password', 'arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/x'];
    for (const v of ok) assertNoErrors(fargateTask({}, { secrets: [{ name: 'S', valueFrom: v }] }));
    // Documentation writes region and account as words: the form is what matters.
    for (const v of ['arn:aws:secretsmanager:region:aws_account_id:secret:db-AbCdEf', 'arn:aws:secretsmanager:REGION:ACCOUNT_ID:secret:app/db::', 'arn:aws:ssm:region:account-id:parameter/app/db'])
      assertNoErrors(fargateTask({}, { secrets: [{ name: 'S', valueFrom: v }] }));
    for (const v of ['arn:aws:secretsmanager:us-east-1::secret:db', 'arn:aws:s3:::bucket/key', 'arn:aws:secretsmanager:us-east-1:123456789012:db', '/app/db ', ''])
      assertError(fargateTask({}, { secrets: [{ name: 'S', valueFrom: v }] }), 'invalid-secret-value-from', '/containerDefinitions/0/secrets/0/valueFrom');
  });

  it('execution role for awslogs on Fargate, secrets, private ECR on Fargate', () => {
    assertError(fargateTask({ executionRoleArn: null }), 'execution-role-required', '/containerDefinitions/0/logConfiguration/logDriver');
    assertError(ec2Task([c('a', { secrets: [{ name: 'A', valueFrom: '/x' }] })]), 'execution-role-required', '/containerDefinitions/0/secrets');
    assertError(fargateTask({ executionRoleArn: null }, { logConfiguration: null }), 'execution-role-required', '/containerDefinitions/0/image');
    assertNoErrors(fargateTask({ executionRoleArn: null }, { logConfiguration: null, image: 'nginx' }));
  });

  it('placeholders anywhere are never errors', () => {
    const t = fargateTask({ family: '${FAMILY}', cpu: '{{ .cpu }}', memory: '<MEMORY>', executionRoleArn: '${ROLE}' }, { name: '{{name}}', secrets: [{ name: 'A', valueFrom: '${SECRET_ARN}' }] });
    assert.deepStrictEqual(errorKeys(t), []);
    assert.deepStrictEqual(lint(t), []);
  });
});
