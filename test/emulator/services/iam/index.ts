/**
 * IAM ListRoles / GetRole: the roles every account of the emulator has (fixtures may add more), in
 * the partition of the region asked (IAM is global within a partition: aws, aws-cn, aws-us-gov each
 * have their own). A role assumed through STS records when and where it was last used, as IAM's
 * RoleLastUsed does (https://docs.aws.amazon.com/IAM/latest/APIReference/API_RoleLastUsed.html).
 * SimulatePrincipalPolicy evaluates the policies of a role or user (policies.ts, evaluate.ts).
 */
import type * as iam from '../../generated/iam';
import { ACCOUNT, partitionOf } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import { defineService } from '../../kit/service';
import { perCore, type Core } from '../../kit/world';
import { EMULATOR_USER_POLICIES, ROLE_POLICIES, type PolicyDocument, type PrincipalPolicies } from './policies';
import { simulatePrincipalPolicy } from './simulate';

function trust(service: string): string {
  // IAM returns policy documents URL-encoded.
  return encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] }));
}

const created = new Date(Date.UTC(2024, 5, 1, 12, 0, 0));

const BUILT_IN = [
  { name: 'ecsTaskExecutionRole', service: 'ecs-tasks.amazonaws.com', description: 'Lets ECS pull images and write logs' },
  { name: 'demo-api-task-role', service: 'ecs-tasks.amazonaws.com', description: 'Task role of the demo API' },
  { name: 'demo-worker-task-role', service: 'ecs-tasks.amazonaws.com', description: 'Task role of the demo worker' },
  { name: 'ecsInstanceRole', service: 'ec2.amazonaws.com', description: 'ECS container instances' },
  { name: 'lambda-basic-execution', service: 'lambda.amazonaws.com', description: 'Unrelated Lambda role' },
  { name: 'AWSServiceRoleForECS', service: 'ecs.amazonaws.com', path: '/aws-service-role/ecs.amazonaws.com/', description: 'Policy to enable Amazon ECS to manage your cluster.' },
];

function role(i: number, r: { name: string; service: string; path?: string; description?: string }, at = created): iam.Role {
  return {
    Path: r.path ?? '/',
    RoleName: r.name,
    RoleId: `AROA${String(i + 1).padStart(2, '0')}EMULATOR${'X'.repeat(7)}`,
    Arn: `arn:aws:iam::${ACCOUNT}:role${r.path ?? '/'}${r.name}`,
    CreateDate: at,
    AssumeRolePolicyDocument: trust(r.service),
    Description: r.description,
    MaxSessionDuration: 3600,
  };
}

interface PartitionState {
  roles: iam.Role[];
  /** Policies of each role and user, by principal ARN. */
  policies: Map<string, PrincipalPolicies>;
}

/** The roles and policies of each partition, created on first use. */
const iamState = perCore('iam', () => new Map<string, PartitionState>());

function partitionState(core: Core, region: string): PartitionState {
  const partition = partitionOf(region);
  const byPartition = iamState(core);
  let state = byPartition.get(partition);
  if (!state) {
    const roles = BUILT_IN.map((r, i) => role(i, r)).map((r) => ({ ...r, Arn: r.Arn.replace(/^arn:aws:/, `arn:${partition}:`) }));
    const copy = (p: PrincipalPolicies): PrincipalPolicies => structuredClone(p);
    const policies = new Map(roles.map((r) => [r.Arn, copy(ROLE_POLICIES[r.RoleName] ?? { attached: [], inline: {} })]));
    policies.set(`arn:${partition}:iam::${ACCOUNT}:user/emulator`, copy(EMULATOR_USER_POLICIES));
    state = { roles, policies };
    byPartition.set(partition, state);
  }
  return state;
}

function rolesOf(core: Core, region: string): iam.Role[] {
  return partitionState(core, region).roles;
}

/** Adds a role to the partition of `region` (fixtures), with no policies. */
export function addRole(core: Core, name: string, service: string, region = 'us-east-1'): iam.Role {
  const state = partitionState(core, region);
  const r = role(state.roles.length, { name, service }, core.sched.now());
  r.Arn = r.Arn.replace(/^arn:aws:/, `arn:${partitionOf(region)}:`);
  state.roles.push(r);
  state.policies.set(r.Arn, { attached: [], inline: {} });
  return r;
}

/** Adds or replaces an inline policy of a role (fixtures; what PutRolePolicy does). */
export function putRolePolicy(core: Core, roleName: string, policyName: string, document: PolicyDocument, region = 'us-east-1'): void {
  const state = partitionState(core, region);
  const found = state.roles.find((r) => r.RoleName === roleName);
  if (!found) {
    throw new Error(`emulator fixture: no role ${roleName}`);
  }
  state.policies.get(found.Arn)!.inline[policyName] = document;
}

/** Records a use of the role `roleArn` names (STS AssumeRole). */
export function roleUsed(core: Core, roleArn: string, region: string): void {
  const found = rolesOf(core, region).find((r) => r.Arn === roleArn);
  if (found) {
    found.RoleLastUsed = { LastUsedDate: core.sched.now(), Region: region };
  }
}

export const iamService = defineService<iam.Operations>({
  model: 'iam',
  iamPrefix: 'iam',
  // IAM models no token error for ListRoles: a bad Marker is a front-end ValidationError "Invalid Marker." (as other IAM emulators observe it).
  pageTokens: { error: 'ValidationError', message: 'Invalid Marker.' },
  handlers: {
    ListRoles: (input, { region, core }) => {
      // ListRoles leaves RoleLastUsed out ("not returned by ListRoles": API_ListRoles.html); GetRole has it.
      const roles = rolesOf(core, region.name).filter((r) => !input.PathPrefix || r.Path.startsWith(input.PathPrefix)).map(({ RoleLastUsed: _used, ...r }) => r);
      const p = page(roles, input.MaxItems, input.Marker, { def: 100, max: 1000, error: 'ValidationError', sizeName: 'MaxItems' });
      return { Roles: p.items, IsTruncated: p.next !== undefined, Marker: p.next };
    },
    GetRole: (input, { region, core }) => {
      const found = rolesOf(core, region.name).find((r) => r.RoleName === input.RoleName);
      if (!found) {
        throw new AwsError('NoSuchEntityException', `The role with name ${input.RoleName} cannot be found.`);
      }
      return { Role: { ...found, RoleLastUsed: found.RoleLastUsed ?? {} } };
    },
    SimulatePrincipalPolicy: (input, { region, core }) => simulatePrincipalPolicy(input, partitionOf(region.name), (arn) => partitionState(core, region.name).policies.get(arn)),
  },
});
