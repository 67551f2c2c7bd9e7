/**
 * ECS Exec's managed agent: ECS runs an SSM agent beside every container of a task started with
 * `enableExecuteCommand`, and DescribeTasks shows it per container as `managedAgents`
 * `[{ name: 'ExecuteCommandAgent', lastStatus, lastStartedAt }]`: PENDING while the task starts,
 * RUNNING once the container runs, STOPPED with it
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html, "managedAgents").
 */
import type * as ecs from '../../../generated/ecs';
import type { ContainerRecord } from '../state';

export const EXEC_AGENT: ecs.ManagedAgentName = 'ExecuteCommandAgent';

/** The agents of a new container: one ExecuteCommandAgent when ECS Exec is on, none otherwise. */
export function pendingAgents(enableExecuteCommand: boolean | undefined): Partial<ContainerRecord> {
  return enableExecuteCommand ? { managedAgents: [{ name: EXEC_AGENT, lastStatus: 'PENDING' }] } : {};
}

export function agentsRunning(c: ContainerRecord, at: Date): void {
  for (const a of c.managedAgents ?? []) {
    Object.assign(a, { lastStatus: 'RUNNING', lastStartedAt: at });
  }
}

export function agentsStopped(c: ContainerRecord): void {
  for (const a of c.managedAgents ?? []) {
    a.lastStatus = 'STOPPED';
  }
}

/** The container's ExecuteCommandAgent when it is RUNNING (what ExecuteCommand and StartSession need). */
export function execAgentRunning(c: ContainerRecord): boolean {
  return (c.managedAgents ?? []).some((a) => a.name === EXEC_AGENT && a.lastStatus === 'RUNNING');
}
