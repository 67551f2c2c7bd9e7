import * as vscode from 'vscode';
import { resourceName } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import type { ServiceRef } from '../../deploy/args';
import { followServiceDeployment, type DeployResult } from '../../deploy/deployFlow';
import type { Service } from '../../deploy/ecsActions';
import { activeServiceDeployment } from '../../deploy/serviceDeployments';
import { progressText, type ServiceDeployment } from '../../deploy/serviceDeploymentState';
import { strategyOf } from '../../ecs/serviceDeployments';
import { confirm } from '../../ui/input';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { notifyIfPaused } from './report';
import { nodeOf, serviceTarget, targetOf, type ServiceTarget } from './targets';
import { withWatch } from './watchUi';

/** An explorer deployment node (deploy-history's ServiceDeploymentNode) or the paused notification's choice. */
export interface ServiceDeploymentNodeLike {
  kind: 'serviceDeployment';
  scope: AwsScope;
  cluster: string;
  service: string;
  deployment: ServiceDeployment;
  hookId?: string;
  action?: 'CONTINUE' | 'ROLLBACK';
  /** The paused notification's button press already confirmed it. */
  confirmed?: boolean;
}

/** An explorer CodeDeploy deployment node (a CODE_DEPLOY service's Deployments folder). */
export interface CodeDeployDeploymentNodeLike {
  kind: 'codeDeployDeployment';
  scope: AwsScope;
  cluster: string;
  service: string;
  deploymentId: string;
}

export interface DeploymentTarget extends ServiceTarget {
  snapshot: Service;
  deployment: ServiceDeployment;
  /** From a menu, a node or the palette: confirm first, then watch with progress. */
  interactive: boolean;
  node?: ServiceDeploymentNodeLike;
}

/**
 * The service and service deployment a rollback, stop or continue acts on: from an argument object
 * (`parse`), a deployment node, a service node or the pickers; the deployment named, else the one in
 * progress (read again, so the action sees its current status). Services not deployed by ECS itself
 * are refused: their deployments are CodeDeploy's or an external controller's.
 */
/** The service an action on a deployment names, read once: from an argument object, a node or the pickers. */
export interface ResolvedService extends ServiceTarget {
  snapshot: Service;
  /** The service deployment named, if any. */
  arn?: string;
  interactive: boolean;
  node?: ServiceDeploymentNodeLike;
  /** From a CodeDeploy deployment node: the CodeDeploy deployment it shows. */
  codeDeployDeploymentId?: string;
}

export async function resolveService(ui: DeployUi, arg: unknown, flow: string, parse: (arg: Record<string, unknown>) => ServiceRef & { serviceDeploymentArn?: string }): Promise<ResolvedService> {
  const node = nodeOf<ServiceDeploymentNodeLike>(arg, 'serviceDeployment');
  const codeDeployNode = nodeOf<CodeDeployDeploymentNodeLike>(arg, 'codeDeployDeployment');
  let target: ServiceTarget;
  let arn: string | undefined;
  if (codeDeployNode) {
    target = { cluster: codeDeployNode.cluster, service: codeDeployNode.service, scope: codeDeployNode.scope };
  } else if (isArgumentObject(arg)) {
    const parsed = parse(arg);
    target = targetOf(ui, parsed);
    arn = parsed.serviceDeploymentArn;
  } else if (node) {
    target = { cluster: node.cluster, service: node.service, scope: node.scope };
    arn = node.deployment.serviceDeploymentArn;
  } else {
    target = await serviceTarget(ui, arg, flow);
  }
  const snapshot = await ui.actions(target.scope).describeService(target.cluster, target.service);
  return { ...target, snapshot, arn, interactive: !isArgumentObject(arg), node, codeDeployDeploymentId: codeDeployNode?.deploymentId };
}

/**
 * The service and service deployment a rollback, stop or continue acts on: from an argument object
 * (`parse`), a deployment node, a service node or the pickers; the deployment named, else the one in
 * progress (read again, so the action sees its current status). Services not deployed by ECS itself
 * are refused: their deployments are CodeDeploy's or an external controller's.
 */
export async function deploymentTarget(ui: DeployUi, arg: unknown, flow: string, parse: (arg: Record<string, unknown>) => ServiceRef & { serviceDeploymentArn?: string }, resolved?: ResolvedService): Promise<DeploymentTarget> {
  const { arn, ...target } = resolved ?? (await resolveService(ui, arg, flow, parse));
  const controller = target.snapshot.deploymentController?.type ?? 'ECS';
  if (controller !== 'ECS') {
    throw new Error(`${flow}: service "${target.service}" uses the ${controller} deployment controller; its deployments are not ECS service deployments${controller === 'CODE_DEPLOY' ? ' (use Roll Back Deployment to stop and roll back its CodeDeploy deployment)' : ''}.`);
  }
  const deployment = await activeServiceDeployment(ui.actions(target.scope), target.cluster, target.service, arn);
  return { ...target, deployment };
}

/** The modal naming service, cluster, account and region, with what the deployment is doing now. */
export async function confirmDeploymentAction(ui: DeployUi, target: DeploymentTarget, question: string, action: string): Promise<boolean> {
  const d = target.deployment;
  const detail = [`Service deployment: ${d.serviceDeploymentArn}`, `Now: ${progressText({ serviceDeploymentArn: d.serviceDeploymentArn ?? '', strategy: strategyOf(d), status: d.status ?? '', stage: d.lifecycleStage, productionPercent: d.targetServiceRevision?.requestedProductionTrafficWeight })}`].join('\n');
  return confirm(`${question} service ${target.service} in cluster ${resourceName(target.cluster)} (${await ui.where(target.scope)})?`, detail, action);
}

/** Watches the service deployment after the action (with progress when interactive) and tells how it ended. */
export async function followAfter(ui: DeployUi, target: DeploymentTarget, arn: string, title: string): Promise<DeployResult> {
  const actions = ui.actions(target.scope);
  const result = await withWatch(ui, title, target, true, undefined, (hooks) => followServiceDeployment(actions, target, target.snapshot, arn, hooks));
  if (target.interactive) tellOutcome(ui, target, result);
  return result;
}

function tellOutcome(ui: DeployUi, target: ServiceTarget, result: DeployResult): void {
  const text = `${target.service}: ${result.outcome}${result.reason ? ` — ${result.reason}` : ''}`;
  if (notifyIfPaused(ui, target, result)) return;
  if (result.outcome === 'FAILED' || result.outcome === 'TIMED_OUT') void vscode.window.showErrorMessage(text);
  else void vscode.window.showInformationMessage(text);
}
