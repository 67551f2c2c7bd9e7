/**
 * ECS ExecuteCommand: a Session Manager session to a container of a running task with ECS Exec,
 * served by the emulator's agent (a shell in the container's stand-in directory).
 */
import { AwsError } from '../../../kit/errors';
import { sessionsState } from '../../ssm/sessions';
import { bad, EcsHandlers } from '../common';
import { ecsState, type ContainerRecord, type TaskRecord } from '../state';
import { findTask } from '../tasks';
import { sessionKms } from './kms';
import { containerWorkdir, execReachable, ssmTarget } from './targets';
import { connectedRole } from './taskRole';

// AWS's words, typographic apostrophe included (as `aws ecs execute-command` prints them, e.g.
// https://github.com/aws/amazon-ecs-agent/issues/3166, https://github.com/boto/boto3/issues/2822).
export const NOT_ENABLED = 'The execute command failed because execute command was not enabled when the task was run or the execute command agent isn’t running. Wait and try again or run a new task with execute command enabled and try again.';
const ONLY_INTERACTIVE = 'Interactive is the only mode supported currently.';
/** What ECS answers when the agent cannot reach Session Manager (TargetNotConnectedException, e.g. https://github.com/aws/aws-cli/issues/9070). */
const INTERNAL = 'The execute command failed due to an internal error. Try again later.';
/** The document Session Manager shows ECS Exec sessions under. */
export const ECS_EXEC_DOCUMENT = 'AmazonECS-ExecuteInteractiveCommand';

function pickContainer(task: TaskRecord, name: string | undefined): ContainerRecord {
  if (name === undefined) {
    if (task.containers.length > 1) {
      // ECS's wording for this is not published; the rule is the API reference's ("A container name
      // only needs to be specified for tasks containing multiple containers").
      throw bad(`The task has ${task.containers.length} containers (${task.containers.map((c) => c.name).join(', ')}): specify the container to execute the command on.`);
    }
    return task.containers[0];
  }
  const c = task.containers.find((x) => x.name === name);
  if (!c) {
    throw bad(`The container ${name} was not found in the task.`);
  }
  return c;
}

export const execHandlers: EcsHandlers<'ExecuteCommand'> = {
  ExecuteCommand: (input, { core, region, caller }) => {
    if (!input.interactive) {
      throw bad(ONLY_INTERACTIVE);
    }
    const cluster = ecsState(region).cluster(input.cluster);
    if (!input.task.startsWith('arn:') && ![32, 36].includes(input.task.length)) {
      throw bad('task length should be one of [32,36]'); // https://github.com/Mic-U/ecsher/issues/56
    }
    const task = findTask(region, cluster, input.task);
    if (!task) {
      throw bad('The specified task was not found.'); // ECS's wording not found
    }
    const container = pickContainer(task, input.container);
    if (!execReachable(task, container)) {
      throw bad(NOT_ENABLED);
    }
    // Without a task role that may open Session Manager's channels, the agent never connects.
    const role = connectedRole(region, task);
    if (!role) {
      throw new AwsError('TargetNotConnectedException', INTERNAL);
    }
    const target = { task, container };
    const session = sessionsState(region).open(`ecs-execute-command-${core.rnd.hex(17)}`, caller, {
      sessionType: 'InteractiveCommands',
      target: ssmTarget(task, container),
      command: input.command,
      workdir: containerWorkdir(core, target),
      kms: sessionKms(region, cluster, role),
      documentName: ECS_EXEC_DOCUMENT,
    });
    return {
      clusterArn: cluster.clusterArn,
      containerArn: container.containerArn,
      containerName: container.name,
      interactive: true,
      session: { sessionId: session.sessionId, streamUrl: session.streamUrl, tokenValue: session.tokenValue },
      taskArn: task.taskArn,
    };
  },
};
