/**
 * What the explorer shows for a CODE_DEPLOY service's CodeDeploy deployment (its *Deployments*
 * folder): `legacy-bg:1 → 2 · succeeded · 2d ago · CodeDeploy AllAtOnce`. Plain data, no vscode.
 */
import { revisionLabel, taskDefinitionParts } from '../aws/arn';
import { code, detailRows, safeLink } from '../util/markdown';
import { consoleUrl } from './consoleUrls';
import { ago, when, type Presented, type State } from './present';

/** One CodeDeploy deployment of a service's deployment group (deploy/codeDeploy/history.ts reads them). */
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
  /** Why it failed or was stopped, and CodeDeploy's error code. */
  error?: string;
  errorCode?: string;
  /** The rollback deployment it caused, or the deployment this one rolled back. */
  rollbackDeploymentId?: string;
  rollbackOf?: string;
  description?: string;
  /** While it runs (from its ECS target): the lifecycle event in progress and the replacement task set's traffic share. */
  lifecycleEvent?: string;
  replacementTrafficPercent?: number;
}

/** Where the deployments come from: the service's application and deployment group, and the region for console links. */
export interface CodeDeployGroupShown {
  applicationName: string;
  deploymentGroupName: string;
  region: string;
}

const ACTIVE = new Set(['Created', 'Queued', 'InProgress', 'Baking', 'Ready']);

const STATUS_WORDS: Record<string, string> = {
  Created: 'created',
  Queued: 'queued',
  InProgress: 'in progress',
  Baking: 'baking',
  Ready: 'ready to reroute',
  Succeeded: 'succeeded',
  Failed: 'failed',
  Stopped: 'stopped',
};

export function isActiveCodeDeployment(e: Pick<CodeDeployHistoryEntry, 'status'>): boolean {
  return ACTIVE.has(e.status);
}

/** `CodeDeployDefault.ECSAllAtOnce` → `CodeDeploy AllAtOnce`; a custom configuration keeps its name. */
export function deploymentConfigWord(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const builtIn = /^CodeDeployDefault\.(?:ECS)?(.+)$/.exec(name);
  return builtIn ? `CodeDeploy ${builtIn[1]}` : name;
}

/** `legacy-bg:1 → 2` (same family), `web:1 → api:2`, the target alone, else the deployment id. */
function fromTo(e: CodeDeployHistoryEntry): string {
  if (!e.taskDefinition) return e.deploymentId;
  const target = revisionLabel(e.taskDefinition);
  if (!e.previousTaskDefinition) return target;
  const source = revisionLabel(e.previousTaskDefinition);
  if (source === target) return target;
  const t = taskDefinitionParts(target);
  return `${source} → ${taskDefinitionParts(source).family === t.family && t.revision !== undefined ? t.revision : target}`;
}

function stateOf(e: CodeDeployHistoryEntry): State {
  if (isActiveCodeDeployment(e)) return 'progress';
  if (e.status === 'Succeeded') return 'ok';
  if (e.rollbackDeploymentId) return 'warning';
  return e.status === 'Failed' ? 'error' : 'inactive';
}

/** A deployment id linked to its CodeDeploy console page. */
function deploymentLink(id: string, region: string): string {
  return safeLink(id, consoleUrl(region, { kind: 'codeDeployDeployment', deploymentId: id }));
}

/**
 * The row: task definition from → to; status, then while it runs the lifecycle event and traffic,
 * when it ended why (CodeDeploy's error code) and the rollback; its age; the configuration last.
 */
export function presentCodeDeployDeployment(e: CodeDeployHistoryEntry, group: CodeDeployGroupShown, now: Date): Presented {
  const active = isActiveCodeDeployment(e);
  const traffic = e.replacementTrafficPercent === undefined ? undefined : `replacement ${e.replacementTrafficPercent}%`;
  const description = [
    e.rollbackOf ? `rollback of ${e.rollbackOf}` : '',
    STATUS_WORDS[e.status] ?? e.status.toLowerCase(),
    active ? (e.lifecycleEvent ?? '') : (e.errorCode ?? ''),
    active ? (traffic ?? '') : e.rollbackDeploymentId ? 'rolled back' : '',
    ago(active ? e.createTime : (e.completeTime ?? e.createTime), now),
    deploymentConfigWord(e.deploymentConfigName) ?? '',
  ];
  const rows = detailRows([
    ['CodeDeploy deployment', code(e.deploymentId)],
    ['Application / deployment group', `${group.applicationName} / ${group.deploymentGroupName}`],
    ['Configuration', e.deploymentConfigName],
    ['Status', e.status],
    ['Lifecycle event', active ? e.lifecycleEvent : undefined],
    ['Traffic to the replacement task set', active && e.replacementTrafficPercent !== undefined ? `${e.replacementTrafficPercent}%` : undefined],
    ['Why', e.error],
    ['Created by', e.creator],
    ['Description', e.description],
    ['Task definition', code(e.taskDefinition)],
    ['Previous task definition', code(e.previousTaskDefinition)],
    ['Created', e.createTime ? when(e.createTime) : undefined],
    ['Completed', e.completeTime ? when(e.completeTime) : undefined],
  ]);
  const links = [
    e.rollbackDeploymentId ? `**Rolled back by:** ${deploymentLink(e.rollbackDeploymentId, group.region)}` : '',
    e.rollbackOf ? `**Rollback of:** ${deploymentLink(e.rollbackOf, group.region)}` : '',
    `**Console:** ${deploymentLink(e.deploymentId, group.region)}`,
  ];
  return { label: fromTo(e), description: description.filter(Boolean).join(' · '), details: [rows, ...links].filter(Boolean).join('  \n'), state: stateOf(e) };
}
