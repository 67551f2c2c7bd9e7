/**
 * The task role is what the SSM agent beside the container works as: it opens Session Manager's
 * channels with it (ssmmessages:CreateControlChannel, CreateDataChannel, OpenControlChannel,
 * OpenDataChannel, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-required-iam-permissions)
 * and decrypts session keys with it. The emulator asks IAM's own policy evaluation.
 */
import { seedContext } from '../../../kit/service';
import type { Region } from '../../../kit/world';
import { iamService } from '../../iam/index';
import { ecsState, type TaskRecord } from '../state';

const CHANNEL_ACTIONS = ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'];

/** The task role (the override, else the task definition's). */
function taskRoleOf(region: Region, task: TaskRecord): string | undefined {
  return task.overrides?.taskRoleArn ?? ecsState(region).findTaskDef(task.taskDefinitionArn)?.taskRoleArn;
}

/** Whether the role's policies allow every action on the resource (an unknown role allows nothing). */
export function roleAllows(region: Region, roleArn: string, actions: string[], resource = '*'): boolean {
  try {
    const r = iamService.handlers.SimulatePrincipalPolicy({ PolicySourceArn: roleArn, ActionNames: actions, ResourceArns: [resource] }, seedContext(region)) as { EvaluationResults?: { EvalDecision?: string }[] };
    return (r.EvaluationResults ?? []).length === actions.length && (r.EvaluationResults ?? []).every((e) => e.EvalDecision === 'allowed');
  } catch {
    return false;
  }
}

/** The role the task's agent connects to Session Manager with; undefined when it cannot connect (no role, or one without the channel permissions). */
export function connectedRole(region: Region, task: TaskRecord): string | undefined {
  const role = taskRoleOf(region, task);
  return role && roleAllows(region, role, CHANNEL_ACTIONS) ? role : undefined;
}
