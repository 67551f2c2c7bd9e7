import * as vscode from 'vscode';
import { resourceName } from '../../aws/arn';
import { ControllerError, finishUpdate, type DeployResult } from '../../deploy/deployFlow';
import type { Service } from '../../deploy/ecsActions';
import { changeLines, controllerRefusal, planServiceUpdate, strategyRefusal, type ServiceUpdateRequest } from '../../deploy/updatePlan';
import { confirm } from '../../ui/input';
import type { DeployUi } from './context';
import { report, type PointAt } from './report';
import type { ServiceTarget } from './targets';
import { withWatch } from './watchUi';
import { scalingOf } from '../../deploy/scaling';
import { costOfUpdate } from './costChange';

export interface SendOptions {
  interactive: boolean;
  wait: boolean;
  timeoutSeconds?: number;
  /** "Update", "Scale", "Restart", "Roll back": the confirmation's button and the log's verb. */
  verb: string;
}

/**
 * Sends the UpdateService `request` holds (only what changes) in the target's scope, then watches
 * when `wait`. Interactive callers confirm the "current → new" list first (naming the service,
 * cluster, account and region); nothing to change sends nothing. Undefined when declined.
 */
export async function sendUpdate(ui: DeployUi, target: ServiceTarget, request: ServiceUpdateRequest, options: SendOptions, current?: Service): Promise<DeployResult | undefined> {
  const actions = ui.actions(target.scope);
  const service = current ?? (await actions.describeService(target.cluster, target.service));
  const plan = planServiceUpdate(service, request);
  const base = { serviceArn: service.serviceArn ?? '', taskDefinitionArn: service.taskDefinition ?? '', previousTaskDefinition: service.taskDefinition ?? '', registered: false };
  if (!plan.changes.length) {
    if (options.interactive) void vscode.window.showInformationMessage(`${target.service}: nothing to change.`);
    return { ...base, deploymentId: service.deployments?.find((d) => d.status === 'PRIMARY')?.id ?? '', outcome: options.wait ? 'COMPLETED' : 'NOT_WAITED' };
  }
  const refusal = controllerRefusal(service, Object.keys(plan.input)) ?? strategyRefusal(service, plan.input);
  if (refusal) throw new ControllerError(refusal);
  if (options.interactive) {
    const [where, cost] = await Promise.all([ui.where(target.scope), costOfUpdate(ui, target, service, plan)]);
    const question = `${options.verb} service ${target.service} in cluster ${resourceName(target.cluster)} (${where})?`;
    const detail = [changeLines(plan).join('\n'), cost.join('\n')].filter(Boolean).join('\n\n');
    if (!(await confirm(question, detail, options.verb))) return undefined;
  }
  ui.log(`${options.verb} ${target.service}: ${changeLines(plan).join('; ')}`);
  const updated = await actions.updateService(target.cluster, target.service, plan.input);
  const extra = { taskDefinitionArn: updated.taskDefinition, previousTaskDefinition: service.taskDefinition ?? '', registered: false };
  if (!options.wait) return finishUpdate(actions, target, updated, {}, extra);
  const scaling = scalingOf(service, plan.input);
  const title = scaling ? `Scale ${target.service}: ${scaling.from} → ${scaling.to} tasks` : `${options.verb} ${target.service}`;
  const result = await withWatch(ui, title, target, true, options.timeoutSeconds, (hooks) => finishUpdate(actions, target, updated, hooks, extra), scaling);
  if (options.interactive) report(ui, target, result, pointAt(ui), scaling);
  return result;
}

/** *Roll back* / *Retry update*: the service pointed at a revision and watched, in the target's scope. */
export function pointAt(ui: DeployUi): PointAt {
  return (target, taskDefinition) => sendUpdate(ui, target, { taskDefinition }, { interactive: false, wait: true, verb: 'Roll back' });
}
