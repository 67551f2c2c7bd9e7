/**
 * A CODE_DEPLOY service's deployment history for the explorer: the deployments of its deployment
 * group (ListDeployments, every page; BatchGetDeployments in batches of 25), newest first, a page
 * at a time. CodeDeploy documents no order for ListDeployments, so all are read and sorted here.
 */
import { pageOfList, type PagedResult, type PageRequest } from '../../aws/paging';
import { appSpecTaskDefinition } from './appSpec';
import type { CodeDeployActions, DeploymentInfo } from './codeDeployActions';
import { errorText } from './watch';

export interface CodeDeployHistoryEntry {
  deploymentId: string;
  /** Created, Queued, InProgress, Baking, Ready, Succeeded, Failed, Stopped. */
  status: string;
  /** `user`, `codeDeployRollback`, … */
  creator?: string;
  deploymentConfigName?: string;
  createTime?: Date;
  completeTime?: Date;
  /** The task definition deployed and the one before it (from the revisions' AppSpecs). */
  taskDefinition?: string;
  previousTaskDefinition?: string;
  /** Why it failed or was stopped. */
  error?: string;
  /** The rollback deployment it caused, or the deployment this one rolled back. */
  rollbackDeploymentId?: string;
  rollbackOf?: string;
  description?: string;
}

export function historyEntry(d: DeploymentInfo): CodeDeployHistoryEntry {
  const e = d.errorInformation;
  return {
    deploymentId: d.deploymentId ?? '',
    status: d.status ?? 'Unknown',
    creator: d.creator,
    deploymentConfigName: d.deploymentConfigName,
    createTime: d.createTime,
    completeTime: d.completeTime,
    taskDefinition: appSpecTaskDefinition(d.revision),
    previousTaskDefinition: appSpecTaskDefinition(d.previousRevision),
    error: e?.message ? errorText(e) : undefined,
    rollbackDeploymentId: d.rollbackInfo?.rollbackDeploymentId,
    rollbackOf: d.rollbackInfo?.rollbackTriggeringDeploymentId,
    description: d.description,
  };
}

export async function codeDeployHistory(codeDeploy: CodeDeployActions, cluster: string, service: string, page: PageRequest = {}): Promise<PagedResult<CodeDeployHistoryEntry> & { applicationName: string; deploymentGroupName: string }> {
  const ref = await codeDeploy.findGroup(cluster, service);
  const all = (await codeDeploy.deployments(await codeDeploy.deploymentIds(ref)))
    .sort((a, b) => (b.createTime?.getTime() ?? 0) - (a.createTime?.getTime() ?? 0))
    .map(historyEntry);
  return { ...pageOfList(all, page), applicationName: ref.applicationName, deploymentGroupName: ref.deploymentGroupName };
}
