/**
 * The ECS Exec readiness check (what AWS's amazon-ecs-exec-checker looks at, from the same facts):
 * is the task running with ECS Exec enabled (and its service), the container's ExecuteCommandAgent
 * RUNNING, the Fargate platform or EC2 agent recent enough, may you call ecs:ExecuteCommand, does
 * the task role allow ssmmessages:*, is the cluster's logging and KMS key usable, and can this
 * machine reach the session endpoint. Every failed check says what to do; reads run in parallel
 * (readinessReads.ts), each check in the file of its subject.
 */
import type { ClientManager } from '../aws/clientManager';
import { kmsChecks, loggingCheck, loggingPermissionsCheck } from './readinessClusterChecks';
import { callerExecuteCheck, taskRoleCheck } from './readinessIamChecks';
import { startReads } from './readinessReads';
import { execAgentCheck, platformCheck, serviceExecEnabledCheck, taskExecEnabledCheck, taskRunningCheck } from './readinessTaskChecks';
import { sessionEndpointCheck } from './sessionEndpoint';
import type { ExecTarget, ReadinessCheck, ReadinessReport } from './types';

export interface ReadinessOptions {
  /** The session endpoint to try instead of the one the context implies (a URL or host:port). */
  sessionEndpoint?: string;
  endpointTimeoutMs?: number;
}

function report(checks: (ReadinessCheck | ReadinessCheck[] | undefined)[]): ReadinessReport {
  const flat = checks.flat().filter((c): c is ReadinessCheck => c !== undefined);
  return { ready: flat.every((c) => c.ok), checks: flat };
}

export async function checkExecReadiness(clients: ClientManager, target: ExecTarget, options: ReadinessOptions = {}): Promise<ReadinessReport> {
  const reads = startReads(clients, target);
  const region = clients.resolve(target.scope).region;
  const endpoint = sessionEndpointCheck(region, options.sessionEndpoint ?? clients.context.endpoint, options.endpointTimeoutMs);
  const task = await reads.task;
  if (!task) return report([taskRunningCheck(target, undefined), await endpoint]);
  return report(await Promise.all([
    taskRunningCheck(target, task),
    taskExecEnabledCheck(target, task),
    reads.service.then((service) => serviceExecEnabledCheck(target, task, service)),
    reads.containers.then((containers) => execAgentCheck(target, task, containers)),
    reads.containerInstance.then((instance) => platformCheck(task, instance)),
    callerExecuteCheck(clients, reads),
    taskRoleCheck(clients, reads),
    loggingCheck(clients, reads),
    loggingPermissionsCheck(clients, reads),
    kmsChecks(clients, reads),
    endpoint,
  ]));
}
