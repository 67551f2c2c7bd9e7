import * as vscode from 'vscode';
import { parseUpdateArgs } from '../../deploy/args';
import { finishUpdate, type DeployResult } from '../../deploy/deployFlow';
import type { Service } from '../../deploy/ecsActions';
import { changeLines, planServiceUpdate, type ServiceUpdateRequest } from '../../deploy/updatePlan';
import { integerInput, pick, pickRevision, requireTrust, serviceTarget, type DeployUi, type ServiceTarget } from './common';
import { resourceName, revisionLabel, taskDefinitionParts } from '../../aws/arn';
import { isArgumentObject } from '../../util/args';

export interface UpdateResult {
  serviceArn: string;
  deploymentId: string;
  outcome?: DeployResult['outcome'];
  reason?: string;
}

/**
 * Sends the UpdateService `request` holds (only what changes), then watches when `wait`.
 * Interactive callers confirm the "current → new" list first; nothing to change sends nothing.
 */
export async function sendUpdate(
  ui: DeployUi,
  target: ServiceTarget,
  request: ServiceUpdateRequest,
  options: { interactive: boolean; wait: boolean; timeoutSeconds?: number; verb: string },
  current?: Service,
): Promise<UpdateResult | undefined> {
  const actions = ui.actions(target.region);
  const service = current ?? (await actions.describeService(target.cluster, target.service));
  const plan = planServiceUpdate(service, request);
  if (!plan.changes.length) {
    if (options.interactive) void vscode.window.showInformationMessage(`${target.service}: nothing to change.`);
    return { serviceArn: service.serviceArn ?? '', deploymentId: service.deployments?.find((d) => d.status === 'PRIMARY')?.id ?? '', outcome: options.wait ? 'COMPLETED' : undefined };
  }
  if (options.interactive) {
    const question = `${options.verb} service ${target.service} in cluster ${resourceName(target.cluster)} (${await ui.where(target.region)})?`;
    if (!(await ui.confirm(question, changeLines(plan).join('\n'), options.verb))) return undefined;
  }
  ui.log(`${options.verb} ${target.service}: ${changeLines(plan).join('; ')}`);
  const updated = await actions.updateService(target.cluster, target.service, plan.input);
  ui.services.explorer.refresh();
  const extra = { taskDefinitionArn: updated.taskDefinition, previousTaskDefinition: service.taskDefinition ?? '', registered: false };
  if (!options.wait) {
    const result = await finishUpdate(actions, target, updated, {}, extra);
    return { serviceArn: result.serviceArn, deploymentId: result.deploymentId };
  }
  const result = await ui.withWatch(`${options.verb} ${target.service}`, target, true, options.timeoutSeconds, (hooks) => finishUpdate(actions, target, updated, hooks, extra));
  if (options.interactive) ui.report(target, result);
  return { serviceArn: result.serviceArn, deploymentId: result.deploymentId, outcome: result.outcome, reason: result.reason };
}

type Field = 'taskDefinition' | 'desiredCount' | 'forceNewDeployment' | 'deploymentConfiguration' | 'platformVersion' | 'capacityProviderStrategy';

export async function updateService(ui: DeployUi, arg: unknown): Promise<UpdateResult | undefined> {
  requireTrust('Updating a service');
  if (isArgumentObject(arg)) {
    const { cluster, service, wait, timeoutSeconds, ...request } = parseUpdateArgs(arg);
    return sendUpdate(ui, { cluster, service }, request, { interactive: false, wait: wait ?? false, timeoutSeconds, verb: 'Update' });
  }
  const target = await serviceTarget(ui, arg);
  const service = await ui.actions(target.region).describeService(target.cluster, target.service);
  const dc = service.deploymentConfiguration ?? {};
  const cb = dc.deploymentCircuitBreaker;
  const fargate = service.launchType === 'FARGATE' || service.capacityProviderStrategy?.some((s) => s.capacityProvider?.startsWith('FARGATE'));
  const options: (vscode.QuickPickItem & { field: Field })[] = [
    { label: 'Task definition revision', description: revisionLabel(service.taskDefinition), field: 'taskDefinition' },
    { label: 'Desired count', description: String(service.desiredCount ?? 0), field: 'desiredCount' },
    { label: 'Force new deployment', description: 'replace every task, same configuration', field: 'forceNewDeployment' },
    { label: 'Deployment configuration', description: `min ${dc.minimumHealthyPercent ?? 100}% · max ${dc.maximumPercent ?? 200}% · circuit breaker ${cb?.enable ? `on${cb.rollback ? ' with rollback' : ''}` : 'off'}`, field: 'deploymentConfiguration' },
    ...(fargate ? [{ label: 'Platform version', description: service.platformVersion ?? 'LATEST', field: 'platformVersion' as const }] : []),
    { label: 'Capacity provider strategy', description: (service.capacityProviderStrategy ?? []).map((s) => s.capacityProvider).join(', ') || service.launchType, field: 'capacityProviderStrategy' },
  ];
  const chosen = await vscode.window.showQuickPick(options, { title: `Update ${target.service}: what to change`, canPickMany: true, ignoreFocusOut: true });
  if (!chosen?.length) throw new vscode.CancellationError();
  const fields = new Set(chosen.map((c) => c.field));
  const request: ServiceUpdateRequest = {};
  if (fields.has('taskDefinition')) {
    const family = taskDefinitionParts(service.taskDefinition).family;
    request.taskDefinition = await pickRevision(ui, family, service.taskDefinition, target.region);
  }
  if (fields.has('desiredCount')) request.desiredCount = await integerInput(`Desired count of ${target.service}`, service.desiredCount, 0, 100000);
  if (fields.has('forceNewDeployment')) request.forceNewDeployment = true;
  if (fields.has('deploymentConfiguration')) {
    request.deploymentConfiguration = {
      minimumHealthyPercent: await integerInput('Minimum healthy percent', dc.minimumHealthyPercent ?? 100, 0, 100),
      maximumPercent: await integerInput('Maximum percent', dc.maximumPercent ?? 200, 100, 200),
      deploymentCircuitBreaker: await pick(
        [
          { label: 'Circuit breaker on, with rollback', value: { enable: true, rollback: true } },
          { label: 'Circuit breaker on, no rollback', value: { enable: true, rollback: false } },
          { label: 'Circuit breaker off', value: { enable: false, rollback: false } },
        ],
        'Deployment circuit breaker',
      ),
    };
  }
  if (fields.has('platformVersion')) {
    request.platformVersion = await pick(['LATEST', '1.4.0', '1.3.0'].map((v) => ({ label: v, description: v === (service.platformVersion ?? 'LATEST') ? 'current' : undefined, value: v })), 'Platform version');
  }
  if (fields.has('capacityProviderStrategy')) {
    request.capacityProviderStrategy = await pick(
      [
        { label: 'FARGATE', value: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }] },
        { label: 'FARGATE_SPOT', value: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }] },
        { label: 'FARGATE base 1, then FARGATE_SPOT 3:1', value: [{ capacityProvider: 'FARGATE', weight: 1, base: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 }] },
      ],
      'Capacity provider strategy',
    );
  }
  return sendUpdate(ui, target, request, { interactive: true, wait: true, verb: 'Update' }, service);
}
