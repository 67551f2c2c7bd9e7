/**
 * A CODE_DEPLOY service's deployment history for the explorer: the deployments of its deployment
 * group (ListDeployments, every page; BatchGetDeployments in batches of 25), newest first, a page
 * at a time. CodeDeploy documents no order for ListDeployments, so all are read and sorted here.
 */
import { pageOfList, type PagedResult, type PageRequest } from '../../aws/paging';
import { appSpecTaskDefinition } from './appSpec';
import { isActiveCodeDeployment, type CodeDeployHistoryEntry } from '../../ecs/presentCodeDeployDeployment';
import type { CodeDeployActions, DeploymentInfo, EcsTarget } from './codeDeployActions';
import { errorText } from './watch';

export type { CodeDeployHistoryEntry } from '../../ecs/presentCodeDeployDeployment';

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
    errorCode: e?.code,
    rollbackDeploymentId: d.rollbackInfo?.rollbackDeploymentId,
    rollbackOf: d.rollbackInfo?.rollbackTriggeringDeploymentId,
    description: d.description,
  };
}

/** The lifecycle event in progress and the replacement (Green) task set's traffic share. */
export function withProgress(entry: CodeDeployHistoryEntry, target: EcsTarget | undefined): CodeDeployHistoryEntry {
  const green = target?.taskSetsInfo?.find((s) => s.taskSetLabel === 'Green');
  return {
    ...entry,
    lifecycleEvent: target?.lifecycleEvents?.find((e) => e.status === 'InProgress')?.lifecycleEventName,
    replacementTrafficPercent: green?.trafficWeight,
  };
}

export async function codeDeployHistory(codeDeploy: CodeDeployActions, cluster: string, service: string, page: PageRequest = {}): Promise<PagedResult<CodeDeployHistoryEntry> & { applicationName: string; deploymentGroupName: string }> {
  const ref = await codeDeploy.findGroup(cluster, service);
  const all = (await codeDeploy.deployments(await codeDeploy.deploymentIds(ref)))
    .sort((a, b) => (b.createTime?.getTime() ?? 0) - (a.createTime?.getTime() ?? 0))
    .map(historyEntry);
  const shown = pageOfList(all, page);
  // The deployments still running say where they are: their ECS target (one more read each, few at a time).
  const items = await Promise.all(shown.items.map(async (e) => (isActiveCodeDeployment(e) ? withProgress(e, await codeDeploy.ecsTarget(e.deploymentId).catch(() => undefined)) : e)));
  return { ...shown, items, applicationName: ref.applicationName, deploymentGroupName: ref.deploymentGroupName };
}
