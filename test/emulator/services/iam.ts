/** STS GetCallerIdentity and IAM ListRoles / GetRole (global, fixed data). */
import { AwsError } from '../errors';
import { ACCOUNT, page } from '../util';
import type { Core, Handlers } from '../world';
import type { Obj } from './ecs-state';
import { CALLER_ARN } from './ecs-state';

function trust(service: string): string {
  // IAM returns policy documents URL-encoded.
  return encodeURIComponent(JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  }));
}

const created = new Date(Date.UTC(2024, 5, 1, 12, 0, 0));

/** Roles every account of the emulator has (some trust ecs-tasks.amazonaws.com). */
export const ROLES = [
  { name: 'ecsTaskExecutionRole', service: 'ecs-tasks.amazonaws.com', description: 'Lets ECS pull images and write logs' },
  { name: 'demo-api-task-role', service: 'ecs-tasks.amazonaws.com', description: 'Task role of the demo API' },
  { name: 'demo-worker-task-role', service: 'ecs-tasks.amazonaws.com', description: 'Task role of the demo worker' },
  { name: 'ecsInstanceRole', service: 'ec2.amazonaws.com', description: 'ECS container instances' },
  { name: 'lambda-basic-execution', service: 'lambda.amazonaws.com', description: 'Unrelated Lambda role' },
  { name: 'AWSServiceRoleForECS', service: 'ecs.amazonaws.com', path: '/aws-service-role/ecs.amazonaws.com/', description: 'Policy to enable Amazon ECS to manage your cluster.' },
].map((r, i) => ({
  Path: r.path ?? '/',
  RoleName: r.name,
  RoleId: `AROA${String(i + 1).padStart(2, '0')}EMULATOR${'X'.repeat(7)}`,
  Arn: `arn:aws:iam::${ACCOUNT}:role${r.path ?? '/'}${r.name}`,
  CreateDate: created,
  AssumeRolePolicyDocument: trust(r.service),
  Description: r.description,
  MaxSessionDuration: 3600,
}));

/** Temporary credentials as STS hands them out (ASIA… keys), remembered as `identity`. */
function temporaryCredentials(core: Core, hours: number, identity: { arn: string; userId: string }): Obj {
  const accessKeyId = `ASIA${core.rnd.hex(16).toUpperCase()}`;
  core.sessions.set(accessKeyId, identity);
  return {
    AccessKeyId: accessKeyId,
    SecretAccessKey: core.rnd.hex(40),
    SessionToken: Buffer.from(`emulator-session:${accessKeyId}:${core.rnd.hex(32)}`).toString('base64'),
    Expiration: new Date(core.sched.now().getTime() + hours * 3600_000),
  };
}

export const stsHandlers: Handlers = {
  GetCallerIdentity: (_input, { core, accessKeyId }) => {
    const session = accessKeyId ? core.sessions.get(accessKeyId) : undefined;
    return { UserId: session?.userId ?? 'AIDAEMULATOR00EXAMPLE', Account: ACCOUNT, Arn: session?.arn ?? CALLER_ARN };
  },
  AssumeRole: (input, { core }) => {
    const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(input.RoleArn);
    if (!m) {
      throw new AwsError('ValidationError', `${input.RoleArn} is invalid`);
    }
    const roleId = `AROA${core.rnd.hex(16).toUpperCase()}`;
    const user = { AssumedRoleId: `${roleId}:${input.RoleSessionName}`, Arn: `arn:aws:sts::${m[1]}:assumed-role/${m[2]}/${input.RoleSessionName}` };
    const hours = (input.DurationSeconds ?? 3600) / 3600;
    return { Credentials: temporaryCredentials(core, hours, { arn: user.Arn, userId: user.AssumedRoleId }), AssumedRoleUser: user };
  },
  GetSessionToken: (input, { core }) => ({
    Credentials: temporaryCredentials(core, (input.DurationSeconds ?? 43200) / 3600, { arn: CALLER_ARN, userId: 'AIDAEMULATOR00EXAMPLE' }),
  }),
};

export const iamHandlers: Handlers = {
  ListRoles: (input) => {
    const roles = ROLES.filter((r) => !input.PathPrefix || r.Path.startsWith(input.PathPrefix));
    const p = page(roles, input.MaxItems, input.Marker, { def: 100, max: 1000, error: 'ValidationError', sizeName: 'MaxItems' });
    return { Roles: p.items, IsTruncated: p.next !== undefined, Marker: p.next };
  },
  GetRole: (input) => {
    const role = ROLES.find((r) => r.RoleName === input.RoleName);
    if (!role) {
      throw new AwsError('NoSuchEntityException', `The role with name ${input.RoleName} cannot be found.`);
    }
    return { Role: role };
  },
};
