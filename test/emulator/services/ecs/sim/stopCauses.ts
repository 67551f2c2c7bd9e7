/**
 * Why simulated tasks stop, with AWS's own stop codes and wording
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-errors.html and
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html): what
 * stops a task before it runs (image pull, secrets, logging) and what a running task's image makes
 * happen later (exit 1, out of memory, a failing container health check), plus Spot interruptions.
 */
import type * as ecs from '../../../generated/ecs';
import { ACCOUNT, arn, partitionOf } from '../../../kit/arn';
import { logsState } from '../../logs/state';
import { taskId, type TaskDefinitionRecord, type TaskRecord } from '../state';
import type { EcsSim } from './index';
import type { StopHow } from './tasks';
import { crashLines, healthCheckFailureLine, memoryLine, outOfMemoryLines, sigtermLines, startupLines, workLine } from './taskLogs';
import { essential, imageBehaviour, TIMING } from './timing';

export class StopCauses {
  constructor(private readonly sim: EcsSim) {}

  /** Why a task cannot start (checked as its images are pulled), or undefined when it can. */
  failsToStart(task: TaskRecord, td: TaskDefinitionRecord | undefined): StopHow | undefined {
    const unpullable = task.containers.find((c) => imageBehaviour(c.image) === 'nopull');
    if (unpullable) {
      // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html
      const reason = `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${unpullable.image}: not found`;
      return { stopCode: 'TaskFailedToStart', reason, failure: true, containerReasons: { [unpullable.name]: reason } };
    }
    const secretive = td?.containerDefinitions.find((c) => imageBehaviour(c.image ?? '') === 'badsecret');
    if (secretive) {
      return { stopCode: 'TaskFailedToStart', reason: this.secretsError(task, td!, secretive), failure: true };
    }
    const logProblem = td ? logsState(this.sim.region).checkTaskLogging(td) : undefined;
    return logProblem ? { stopCode: 'TaskFailedToStart', reason: `ResourceInitializationError: ${logProblem}`, failure: true } : undefined;
  }

  /**
   * AWS's message when the execution role cannot read a secret
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/resource-initialization-error.html).
   */
  private secretsError(task: TaskRecord, td: TaskDefinitionRecord, cd: ecs.ContainerDefinition): string {
    const region = this.sim.region.name;
    const secret = cd.secrets?.[0]?.valueFrom ?? arn('secretsmanager', region, `secret:${td.family}/${cd.name}-AbCdEf`);
    const role = (td.executionRoleArn ?? 'role/ecsTaskExecutionRole').split('/').pop();
    return `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret ${secret} from secrets manager: AccessDeniedException: User: arn:${partitionOf(region)}:sts::${ACCOUNT}:assumed-role/${role}/${taskId(task)} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secret} because no identity-based policy allows the secretsmanager:GetSecretValue action`;
  }

  /** A task just went RUNNING: its start-up lines, then what its essential containers' images make happen. */
  running(task: TaskRecord, td: TaskDefinitionRecord | undefined): void {
    this.sim.tasks.writeLogs(task, td, (c) => startupLines(c));
    const defs = td?.containerDefinitions ?? [];
    const cause = (b: string) => defs.find((c) => essential(td, c.name ?? '') && imageBehaviour(c.image ?? '') === b);
    const failing = cause('fail');
    const oom = cause('oom');
    const unhealthy = defs.find((c) => imageBehaviour(c.image ?? '') === 'unhealthy' && c.healthCheck);
    if (failing) {
      return this.sim.after(TIMING.failAfter, () => this.exitWith(task, td, failing, 1, crashLines(failing)));
    }
    if (oom) {
      this.climbMemory(task, td, oom);
    }
    if (unhealthy) {
      this.failHealthChecks(task, td, unhealthy);
    }
    this.work(task, td);
  }

  private live(task: TaskRecord): boolean {
    return task.lastStatus === 'RUNNING' && task.desiredStatus === 'RUNNING';
  }

  private exitWith(task: TaskRecord, td: TaskDefinitionRecord | undefined, cd: ecs.ContainerDefinition, exitCode: number, lines: string[], containerReason?: string): void {
    if (!this.live(task)) return;
    this.sim.tasks.writeLogs(task, td, (c) => (c.name === cd.name ? lines : []));
    this.sim.tasks.stop(task, {
      stopCode: 'EssentialContainerExited',
      reason: 'Essential container in task exited',
      exitCodes: { [cd.name!]: exitCode },
      containerReasons: containerReason ? { [cd.name!]: containerReason } : undefined,
      failure: true,
    });
  }

  /**
   * An `oom` container's heap climbs towards its limit (the container's hard `memory`, else the
   * task's), then the kernel kills it: "OutOfMemoryError: Container killed due to memory usage",
   * exit 137 (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/out-of-memory.html).
   */
  private climbMemory(task: TaskRecord, td: TaskDefinitionRecord | undefined, cd: ecs.ContainerDefinition): void {
    const limit = cd.memory ?? Number(td?.memory ?? task.memory ?? 512);
    const steps = 4;
    for (let i = 0; i < steps; i++) {
      this.sim.after(((i + 1) * TIMING.oomAfter) / (steps + 1), () => {
        if (this.live(task)) this.sim.tasks.writeLogs(task, td, (c) => (c.name === cd.name ? [memoryLine(cd, limit, i, steps)] : []));
      });
    }
    this.sim.after(TIMING.oomAfter, () => this.exitWith(task, td, cd, 137, outOfMemoryLines(cd), 'OutOfMemoryError: Container killed due to memory usage'));
  }

  /**
   * An `unhealthy` container fails its health check: UNHEALTHY after startPeriod + interval ×
   * retries; the service scheduler then replaces the task ("Task failed container health checks");
   * a standalone task keeps running, unhealthy
   * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html).
   */
  private failHealthChecks(task: TaskRecord, td: TaskDefinitionRecord | undefined, cd: ecs.ContainerDefinition): void {
    const hc = cd.healthCheck!;
    const after = ((hc.startPeriod ?? 0) + (hc.interval ?? 30) * (hc.retries ?? 3)) * 1000;
    this.sim.after(after, () => {
      if (!this.live(task)) return;
      this.sim.tasks.writeLogs(task, td, (c) => (c.name === cd.name ? [healthCheckFailureLine(cd)] : []));
      const container = task.containers.find((c) => c.name === cd.name);
      if (container) container.healthStatus = 'UNHEALTHY';
      if (essential(td, cd.name ?? '')) task.healthStatus = 'UNHEALTHY';
      task.version += 1;
      if (task.healthStatus === 'UNHEALTHY' && this.sim.ecs.serviceOfTask(task)) {
        this.sim.tasks.stop(task, { stopCode: 'ServiceSchedulerInitiated', reason: 'Task failed container health checks', failure: true });
      }
    });
  }

  /** Ordinary work lines every TIMING.logEvery while the task runs. */
  private work(task: TaskRecord, td: TaskDefinitionRecord | undefined): void {
    this.sim.after(TIMING.logEvery, () => {
      if (!this.live(task)) return;
      this.sim.tasks.writeLogs(task, td, (c) => [workLine(c, this.sim.rnd)]);
      this.work(task, td);
    });
  }

  /**
   * Fargate Spot takes its capacity back: a two-minute warning (SIGTERM), then the task stops with
   * SpotInterruption, "Your Spot Task was interrupted."
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html).
   * Returns whether the task runs on FARGATE_SPOT (only those can be interrupted).
   */
  interruptSpot(task: TaskRecord): boolean {
    if (task.capacityProviderName !== 'FARGATE_SPOT' || task.desiredStatus !== 'RUNNING') return false;
    const td = this.sim.ecs.findTaskDef(task.taskDefinitionArn);
    this.sim.tasks.writeLogs(task, td, (c) => sigtermLines(c));
    this.sim.after(TIMING.spotWarning, () => {
      this.sim.tasks.stop(task, { stopCode: 'SpotInterruption', reason: 'Your Spot Task was interrupted.' });
    });
    return true;
  }
}
