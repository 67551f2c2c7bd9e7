import { parseArn, resourceName, shortTaskId } from '../../aws/arn';
import type { AwsScope, ClientManager } from '../../aws/clientManager';
import type { Task } from '../../ecs/ecsReader';
import { EXEC_AGENT_NAME } from '../../exec/execTarget';
import type { ExecTarget } from '../../exec/types';
import { pickCluster, pickRunningTaskForExec } from '../../ui/ecsPickers';
import { pick } from '../../ui/input';
import type { Step } from '../../ui/steps';
import type { ArgumentReader } from '../../util/args';
import { nodeOf } from '../deploy/targets';

/** The container a flow acts on: from a container or task node (its scope), else picked. */
export interface ExecState {
  scope: AwsScope;
  cluster: string;
  /** The task as DescribeTasks gave it (the node's, or the one picked). */
  task?: Task;
  container?: string;
  /** From an explorer node: the cluster and task steps are left out. */
  fromNode: boolean;
  /** The task has several containers and none is named yet: the container step is asked. */
  askContainer: boolean;
}

/** The members every exec argument object has. */
export const TARGET_MEMBERS = ['cluster', 'task', 'container'];

/** `cluster`, `task` (ARN or id), `container?` and the scope; a task ARN names its own region unless `region` says otherwise. */
export function readTarget(clients: ClientManager, args: ArgumentReader): ExecTarget {
  const task = args.string('task');
  const scope = args.scope();
  return { cluster: args.string('cluster'), task, container: args.string('container', true), scope: clients.resolve({ ...scope, region: scope.region ?? parseArn(task)?.region }) };
}

/** From a container node (everything known) or a task node (the container step stays when it has several), else empty. */
export function execState(clients: ClientManager, arg: unknown): ExecState {
  const container = nodeOf<{ container: { name?: string }; task: Task }>(arg, 'container');
  if (container?.resource) return { scope: container.resource.scope, cluster: clusterOf(container.task), task: container.task, container: container.container.name, fromNode: true, askContainer: false };
  const task = nodeOf<{ task: Task }>(arg, 'task');
  if (task?.resource) return withOnlyContainer({ scope: task.resource.scope, cluster: clusterOf(task.task), task: task.task, fromNode: true, askContainer: false });
  return { scope: clients.resolve(), cluster: '', fromNode: false, askContainer: false };
}

function clusterOf(task: Task): string {
  return resourceName(task.clusterArn);
}

/** A task with one container needs no container step; with several, the step asks. */
function withOnlyContainer<S extends ExecState>(state: S): S {
  const containers = state.task?.containers ?? [];
  state.container = containers.length === 1 ? containers[0].name : undefined;
  state.askContainer = containers.length > 1;
  return state;
}

/** The cluster, task and container steps (each left out when a node answered it). */
export function targetSteps<S extends ExecState>(clients: ClientManager): Step<S>[] {
  return [
    { title: 'Cluster', when: (s) => !s.fromNode, ask: async (view, s) => void (s.cluster = await pickCluster(clients, s.scope, view)) },
    {
      title: 'Task',
      when: (s) => !s.fromNode,
      ask: async (view, s) => {
        s.task = await pickRunningTaskForExec(clients, s.scope, s.cluster, view);
        withOnlyContainer(s);
      },
    },
    {
      title: (s) => `Container of task ${shortTaskId(s.task?.taskArn)}`,
      when: (s) => s.askContainer,
      ask: async (view, s) => {
        const items = (s.task?.containers ?? []).map((c) => {
          const agent = c.managedAgents?.find((a) => a.name === EXEC_AGENT_NAME);
          return { label: c.name ?? '', description: [c.lastStatus, agent ? `ECS Exec agent ${agent.lastStatus ?? 'unknown'}` : 'no ECS Exec agent'].join(' · '), value: c.name ?? '' };
        });
        s.container = await pick(items, view, 'The container the session runs in');
      },
    },
  ];
}

/** What src/exec is asked for. */
export function execTargetOf(state: ExecState): ExecTarget {
  return { cluster: state.cluster, task: state.task?.taskArn ?? '', container: state.container, scope: state.scope };
}
