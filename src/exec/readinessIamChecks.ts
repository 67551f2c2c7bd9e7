/**
 * The readiness checks that ask IAM's policy simulator (iam:SimulatePrincipalPolicy): may the caller
 * call ecs:ExecuteCommand on the task, and does the task role exist and allow the four ssmmessages
 * actions the agent needs (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-required-iam-permissions).
 * A simulation the caller may not run is said as "could not verify", not as a failure.
 */
import { resourceName } from '../aws/arn';
import type { ClientManager } from '../aws/clientManager';
import { isRefused, simulate, type ExecReads, type Simulation } from './readinessReads';
import type { ReadinessCheck } from './types';

export const SSM_CHANNEL_ACTIONS = ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'];

export interface PermissionQuestion {
  id: string;
  /** Who is asked about, as the message names them (`you (arn…)`, `task role demo-api-task-role`). */
  who: string;
  actions: string[];
  /** The resource, as the message names it; omitted: any (`*`). */
  resource?: string;
  /** The fix's first words when something is not allowed; the missing actions follow. */
  fix: (missing: string[]) => string;
}

/** A check from a simulation's answer: every action allowed, or the ones that are not. */
export function permissionCheck(q: PermissionQuestion, simulation: Simulation): ReadinessCheck {
  const on = q.resource ? ` on ${q.resource}` : '';
  if ('unverified' in simulation) return { id: q.id, ok: true, unverified: true, message: `Could not verify that ${q.who} may call ${q.actions.join(', ')}${on}: ${simulation.unverified}.` };
  if ('missingRole' in simulation) return { id: q.id, ok: false, message: `${q.who} does not exist (${simulation.missingRole}).`, fix: `Create the role ${resourceName(simulation.missingRole)} (trusted by ecs-tasks.amazonaws.com) or point the task definition's taskRoleArn at one that exists.` };
  const missing = q.actions.filter((a) => simulation.decisions.get(a) !== 'allowed');
  if (!missing.length) return { id: q.id, ok: true, message: `${capitalised(q.who)} may call ${q.actions.join(', ')}${on}.` };
  const denied = missing.filter((a) => simulation.decisions.get(a) === 'explicitDeny');
  const why = denied.length ? ` (explicitly denied: ${denied.join(', ')})` : '';
  return { id: q.id, ok: false, message: `${capitalised(q.who)} may not call ${missing.join(', ')}${on}${why}.`, fix: q.fix(missing) };
}

function capitalised(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** A question about the caller; the caller's principal may be one the simulator cannot take. */
export async function callerPermission(clients: ClientManager, reads: ExecReads, q: Omit<PermissionQuestion, 'who'>, resourceArn?: string): Promise<ReadinessCheck> {
  const caller = await reads.caller;
  if ('unsupported' in caller) return { id: q.id, ok: true, unverified: true, message: `Could not verify that you may call ${q.actions.join(', ')}: you are ${caller.unsupported}.` };
  return permissionCheck({ ...q, who: `you (${caller.arn})` }, await simulate(clients, reads.scope, caller.arn, q.actions, resourceArn));
}

export async function callerExecuteCheck(clients: ClientManager, reads: ExecReads): Promise<ReadinessCheck | undefined> {
  const task = await reads.task;
  const taskArn = task?.taskArn;
  if (!taskArn) return undefined;
  const taskId = resourceName(taskArn);
  return callerPermission(clients, reads, {
    id: 'caller-execute-command',
    actions: ['ecs:ExecuteCommand'],
    resource: `task ${taskId}`,
    fix: () => `Ask for an IAM policy that allows ecs:ExecuteCommand on ${taskArn.replace(/[^/]+$/, '*')} (and no Deny of it).`,
  }, taskArn);
}

/** The task role: present, existing, and allowed the agent's ssmmessages actions. */
export async function taskRoleCheck(clients: ClientManager, reads: ExecReads): Promise<ReadinessCheck | undefined> {
  if (!(await reads.task)) return undefined;
  const role = await reads.taskRoleArn;
  if (isRefused(role)) return { id: 'task-role', ok: true, unverified: true, message: `Could not read the task definition to find the task role: ${role.refused}.` };
  if (!role) {
    return {
      id: 'task-role', ok: false,
      message: 'The task has no task role: the ECS Exec agent in the container uses the task role to open its channels.',
      fix: `Give the task definition a task role (taskRoleArn) that allows ${SSM_CHANNEL_ACTIONS.join(', ')}, register the revision and deploy it.`,
    };
  }
  const name = resourceName(role);
  return permissionCheck({
    id: 'task-role',
    who: `task role ${name}`,
    actions: SSM_CHANNEL_ACTIONS,
    fix: (missing) => `Add a policy to role ${name} that allows ${missing.join(', ')} on "*": the agent opens its channels with the task role.`,
  }, await simulate(clients, reads.scope, role, SSM_CHANNEL_ACTIONS));
}
