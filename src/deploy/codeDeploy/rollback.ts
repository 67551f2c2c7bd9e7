/**
 * *Stop and roll back* of a CODE_DEPLOY service's deployment: StopDeployment with
 * autoRollbackEnabled, so CodeDeploy sends traffic back to the original task set in a rollback
 * deployment (https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_StopDeployment.html).
 * Optionally watches the stopped deployment until its rollback has finished.
 */
import { resourceName } from '../../aws/arn';
import type { WatchClock } from '../watcher';
import { ACTIVE_STATUSES, type CodeDeployActions } from './codeDeployActions';
import { watchCodeDeploy, type CodeDeployOutcome } from './watch';

export interface CodeDeployRollbackRequest {
  cluster: string;
  service: string;
  /** The deployment to stop; default: the service's deployment group's deployment in progress. */
  deploymentId?: string;
  /** Watch until the rollback has finished. */
  wait?: { intervalMs: number; timeoutMs: number; clock?: WatchClock; signal?: AbortSignal; onProgress?(line: string): void };
}

export interface CodeDeployRollbackResult {
  /** The deployment stopped. */
  codeDeployDeploymentId: string;
  /** StopDeployment's answer (Pending or Succeeded) and message. */
  status?: string;
  statusMessage?: string;
  /** The rollback deployment CodeDeploy started, once known. */
  rollbackDeploymentId?: string;
  /** With `wait`: ROLLED_BACK, STOPPED (no rollback happened), FAILED, TIMED_OUT or NOT_WAITED. */
  outcome?: CodeDeployOutcome;
  reason?: string;
}

/** The service's CodeDeploy deployment in progress, or an error saying there is none. */
export async function activeCodeDeployment(codeDeploy: CodeDeployActions, cluster: string, service: string): Promise<string> {
  const ref = await codeDeploy.findGroup(cluster, service);
  const [id] = await codeDeploy.deploymentIds(ref, ACTIVE_STATUSES);
  if (!id) throw new Error(`Service "${resourceName(service)}" has no CodeDeploy deployment in progress (deployment group ${ref.applicationName} / ${ref.deploymentGroupName}): there is nothing to stop and roll back.`);
  return id;
}

export async function stopAndRollBack(codeDeploy: CodeDeployActions, request: CodeDeployRollbackRequest): Promise<CodeDeployRollbackResult> {
  const id = request.deploymentId ?? (await activeCodeDeployment(codeDeploy, request.cluster, request.service));
  const stop = await codeDeploy.stop(id, true);
  const out: CodeDeployRollbackResult = { codeDeployDeploymentId: id, status: stop.status, statusMessage: stop.statusMessage };
  if (request.wait) {
    const { onProgress, ...wait } = request.wait;
    let shown = '';
    const report = await watchCodeDeploy({
      read: async () => ({ deployment: await codeDeploy.deployment(id) }),
      readDeployment: (other) => codeDeploy.deployment(other),
      ...wait,
      onSnapshot: (evaluation) => {
        if (evaluation.progress !== shown) onProgress?.(`${id}: ${evaluation.progress}`);
        shown = evaluation.progress;
      },
    });
    Object.assign(out, { outcome: report.outcome, reason: report.reason });
  }
  out.rollbackDeploymentId = (await codeDeploy.deployment(id)).rollbackInfo?.rollbackDeploymentId;
  return out;
}
