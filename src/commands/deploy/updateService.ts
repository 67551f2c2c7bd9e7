import { revisionLabel, taskDefinitionParts } from '../../aws/arn';
import { parseUpdateArgs } from '../../deploy/args';
import type { DeployResult } from '../../deploy/deployFlow';
import type { ServiceUpdateRequest } from '../../deploy/updatePlan';
import { pickRevision } from '../../ui/ecsPickers';
import type { Service } from '../../deploy/ecsActions';
import { integerInput, pick, pickMany } from '../../ui/input';
import { runSteps, type Step } from '../../ui/steps';
import type { PickItem } from '../../ui/pagedPick';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { sendUpdate } from './sendUpdate';
import { serviceState, serviceSteps, targetOf, targetOfState, type ServiceState, type ServiceTarget } from './targets';
import { strategySteps, strategySummary, type StrategyState } from './strategySteps';

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

type Field = 'taskDefinition' | 'desiredCount' | 'forceNewDeployment' | 'deploymentConfiguration' | 'strategy' | 'platformVersion' | 'capacityProviderStrategy';

export async function updateService(ui: DeployUi, arg: unknown): Promise<UpdateResult | undefined> {
  if (isArgumentObject(arg)) {
    const { cluster, service, wait, timeoutSeconds, scope, ...request } = parseUpdateArgs(arg);
    const target = targetOf(ui, { cluster, service, scope });
    return updateResult(target, await sendUpdate(ui, target, request, { interactive: false, wait: wait ?? false, timeoutSeconds, verb: 'Update' }), wait ?? false);
  }
  const state = await runSteps<UpdateState>('Update', updateSteps(ui), { ...serviceState(ui, arg), fields: new Set(), answers: {}, changesStrategy: false, strategy: {} });
  const target = targetOfState(state);
  const service = state.described!;
  // Only what is checked now: an answer given before going Back and unchecking it is not sent.
  const request: ServiceUpdateRequest = {};
  for (const field of state.fields) {
    if (field === 'forceNewDeployment') request.forceNewDeployment = true;
    else if (field === 'deploymentConfiguration')
      request.deploymentConfiguration = { ...request.deploymentConfiguration, minimumHealthyPercent: state.answers.minimumHealthyPercent, maximumPercent: state.answers.maximumPercent, deploymentCircuitBreaker: state.answers.deploymentCircuitBreaker };
    else if (field === 'strategy') request.deploymentConfiguration = { ...request.deploymentConfiguration, ...state.strategy };
    else Object.assign(request, { [field]: state.answers[field] });
  }
  return updateResult(target, await sendUpdate(ui, target, request, { interactive: true, wait: true, verb: 'Update' }, service), true);
}

interface UpdateState extends ServiceState, StrategyState {
  /** The service as described when the fields are offered (the current values shown there). */
  described?: Service;
  fields: Set<Field>;
  answers: Partial<Pick<ServiceUpdateRequest, 'taskDefinition' | 'desiredCount' | 'platformVersion' | 'capacityProviderStrategy'>> & {
    minimumHealthyPercent?: number;
    maximumPercent?: number;
    deploymentCircuitBreaker?: { enable: boolean; rollback: boolean };
  };
}

/** Cluster → service → what to change → one step per field checked. */
function updateSteps(ui: DeployUi): Step<UpdateState>[] {
  const dc = (s: UpdateState) => s.described?.deploymentConfiguration ?? {};
  const has = (field: Field) => (s: UpdateState) => s.fields.has(field);
  return [
    ...serviceSteps<UpdateState>(ui),
    {
      title: (s) => `What to change in ${s.service}`,
      ask: async (view, s) => {
        const service = (s.described = await ui.actions(s.scope).describeService(s.cluster, s.service));
        const cb = dc(s).deploymentCircuitBreaker;
        const fargate = service.launchType === 'FARGATE' || service.capacityProviderStrategy?.some((p) => p.capacityProvider?.startsWith('FARGATE'));
        const options: PickItem<Field>[] = [
          { label: 'Task definition revision', description: revisionLabel(service.taskDefinition), value: 'taskDefinition' },
          { label: 'Desired count', description: String(service.desiredCount ?? 0), value: 'desiredCount' },
          { label: 'Force new deployment', description: 'replace every task, same configuration', value: 'forceNewDeployment' },
          { label: 'Deployment strategy', description: strategySummary(service), value: 'strategy' },
          { label: 'Deployment configuration', description: `min ${dc(s).minimumHealthyPercent ?? 100}% · max ${dc(s).maximumPercent ?? 200}% · circuit breaker ${cb?.enable ? `on${cb.rollback ? ' with rollback' : ''}` : 'off'}`, value: 'deploymentConfiguration' },
          ...(fargate ? [{ label: 'Platform version', description: service.platformVersion ?? 'LATEST', value: 'platformVersion' as const }] : []),
          { label: 'Capacity provider strategy', description: (service.capacityProviderStrategy ?? []).map((p) => p.capacityProvider).join(', ') || service.launchType, value: 'capacityProviderStrategy' },
        ];
        s.fields = new Set(await pickMany(options, view, 'Check what to change, then press Enter'));
        s.changesStrategy = s.fields.has('strategy');
      },
    },
    {
      title: 'Task definition revision',
      when: has('taskDefinition'),
      ask: async (view, s) => void (s.answers.taskDefinition = await pickRevision(ui.clients, s.scope, taskDefinitionParts(s.described?.taskDefinition).family, s.described?.taskDefinition, view)),
    },
    { title: (s) => `Desired count of ${s.service}`, when: has('desiredCount'), ask: async (view, s) => void (s.answers.desiredCount = await integerInput(view, s.described?.desiredCount, 0, 100000)) },
    ...strategySteps<UpdateState>(),
    { title: 'Minimum healthy percent', when: has('deploymentConfiguration'), ask: async (view, s) => void (s.answers.minimumHealthyPercent = await integerInput(view, dc(s).minimumHealthyPercent ?? 100, 0, 100)) },
    { title: 'Maximum percent', when: has('deploymentConfiguration'), ask: async (view, s) => void (s.answers.maximumPercent = await integerInput(view, dc(s).maximumPercent ?? 200, 100, 200)) },
    {
      title: 'Deployment circuit breaker',
      when: has('deploymentConfiguration'),
      ask: async (view, s) => {
        s.answers.deploymentCircuitBreaker = await pick(
          [
            { label: 'Circuit breaker on, with rollback', value: { enable: true, rollback: true } },
            { label: 'Circuit breaker on, no rollback', value: { enable: true, rollback: false } },
            { label: 'Circuit breaker off', value: { enable: false, rollback: false } },
          ],
          view,
        );
      },
    },
    {
      title: 'Platform version',
      when: has('platformVersion'),
      ask: async (view, s) => void (s.answers.platformVersion = await pick(['LATEST', '1.4.0', '1.3.0'].map((v) => ({ label: v, description: v === (s.described?.platformVersion ?? 'LATEST') ? 'current' : undefined, value: v })), view)),
    },
    {
      title: 'Capacity provider strategy',
      when: has('capacityProviderStrategy'),
      ask: async (view, s) => {
        s.answers.capacityProviderStrategy = await pick(
          [
            { label: 'FARGATE', value: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }] },
            { label: 'FARGATE_SPOT', value: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }] },
            { label: 'FARGATE base 1, then FARGATE_SPOT 3:1', value: [{ capacityProvider: 'FARGATE', weight: 1, base: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 }] },
          ],
          view,
        );
      },
    },
  ];
}
