/** IAM ListRoles / GetRole: fixed roles every account of the emulator has. */
import type * as iam from '../../generated/iam';
import { ACCOUNT, partitionOf } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import { defineService } from '../../kit/service';

function trust(service: string): string {
  // IAM returns policy documents URL-encoded.
  return encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] }));
}

const created = new Date(Date.UTC(2024, 5, 1, 12, 0, 0));

/** Roles every account of the emulator has (some trust ecs-tasks.amazonaws.com). */
export const ROLES: iam.Role[] = [
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

/** A role as IAM shows it in a region's partition (aws-cn in China). */
function inPartition(role: iam.Role, region: string): iam.Role {
  return { ...role, Arn: role.Arn.replace(/^arn:aws:/, `arn:${partitionOf(region)}:`) };
}

export const iamService = defineService<iam.Operations>({
  model: 'iam',
  iamPrefix: 'iam',
  // IAM models no token error for ListRoles: a bad Marker is a front-end ValidationError "Invalid Marker." (as other IAM emulators observe it).
  pageTokens: { error: 'ValidationError', message: 'Invalid Marker.' },
  handlers: {
    ListRoles: (input, { region }) => {
      const roles = ROLES.filter((r) => !input.PathPrefix || r.Path.startsWith(input.PathPrefix)).map((r) => inPartition(r, region.name));
      const p = page(roles, input.MaxItems, input.Marker, { def: 100, max: 1000, error: 'ValidationError', sizeName: 'MaxItems' });
      return { Roles: p.items, IsTruncated: p.next !== undefined, Marker: p.next };
    },
    GetRole: (input, { region }) => {
      const role = ROLES.find((r) => r.RoleName === input.RoleName);
      if (!role) {
        throw new AwsError('NoSuchEntityException', `The role with name ${input.RoleName} cannot be found.`);
      }
      return { Role: inPartition(role, region.name) };
    },
  },
});
