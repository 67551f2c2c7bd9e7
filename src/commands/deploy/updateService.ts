import * as vscode from 'vscode';
import { revisionLabel, taskDefinitionParts } from '../../aws/arn';
import { parseUpdateArgs } from '../../deploy/args';
import type { DeployResult } from '../../deploy/deployFlow';
import type { ServiceUpdateRequest } from '../../deploy/updatePlan';
import { pickRevision } from '../../ui/ecsPickers';
import { integerInput, pick } from '../../ui/input';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { sendUpdate } from './sendUpdate';
import { serviceTarget, targetOf, type ServiceTarget } from './targets';

export interface UpdateResult {
  serviceArn: string;
  deploymentId: string;
  region: string;
  outcome?: DeployResult['outcome'];
  reason?: string;
}

/** The public result of an update (the region it acted in included). */
export function updateResult(target: ServiceTarget, result: DeployResult | undefined, waited: boolean): UpdateResult | undefined {
  if (!result) return undefined;
  return { serviceArn: result.serviceArn, deploymentId: result.deploymentId, region: target.scope.region, ...(waited ? { outcome: result.outcome, reason: result.reason } : {}) };
}

type Field = 'taskDefinition' | 'desiredCount' | 'forceNewDeployment' | 'deploymentConfiguration' | 'platformVersion' | 'capacityProviderStrategy';

export async function updateService(ui: DeployUi, arg: unknown): Promise<UpdateResult | undefined> {
  if (isArgumentObject(arg)) {
    const { cluster, service, wait, timeoutSeconds, scope, ...request } = parseUpdateArgs(arg);
    const target = targetOf(ui, { cluster, service, scope });
    return updateResult(target, await sendUpdate(ui, target, request, { interactive: false, wait: wait ?? false, timeoutSeconds, verb: 'Update' }), wait ?? false);
  }
  const target = await serviceTarget(ui, arg);
  const service = await ui.actions(target.scope).describeService(target.cluster, target.service);
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
    request.taskDefinition = await pickRevision(ui.clients, target.scope, family, service.taskDefinition);
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
  return updateResult(target, await sendUpdate(ui, target, request, { interactive: true, wait: true, verb: 'Update' }, service), true);
}
