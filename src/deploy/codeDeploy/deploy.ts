/**
 * Deploying a CODE_DEPLOY-controlled service, as the deploy Action does: find the service's
 * application and deployment group (before anything is registered), register the revision (when
 * planned), CreateDeployment with an AppSpec for it, watch the deployment until it ends.
 */
import { revisionLabel } from '../../aws/arn';
import type { ecs as EcsTypes } from '../../aws/sdk';
import type { ApplyHooks, DeployPlan, DeployRequest, DeployResult } from '../deployFlow';
import { HalfAppliedError } from '../deployFlow';
import type { EcsActions } from '../ecsActions';
import { appSpecHooks, buildAppSpec, type AppSpecHooks } from './appSpec';
import type { CodeDeployActions } from './codeDeployActions';
import { watchCodeDeploy } from './watch';

export function isCodeDeployService(service: EcsTypes.Service): boolean {
  return service.deploymentController?.type === 'CODE_DEPLOY';
}

export interface CodeDeployResult extends DeployResult {
  codeDeployDeploymentId: string;
  applicationName: string;
  deploymentGroupName: string;
}

/** The progress of the deploy, one step or watch line at a time; the watch line only when it changed. */
export async function applyCodeDeploy(
  actions: EcsActions,
  codeDeploy: CodeDeployActions,
  request: Pick<DeployRequest, 'cluster' | 'service'>,
  plan: DeployPlan,
  hooks: ApplyHooks = {},
  appSpecHookOverrides: AppSpecHooks = {},
): Promise<CodeDeployResult> {
  hooks.onStep?.(`Finding the CodeDeploy deployment group of ${request.service}…`);
  const ref = await codeDeploy.findGroup(request.cluster, request.service);
  let taskDefinitionArn = plan.revision ?? plan.service.taskDefinition ?? '';
  if (plan.registration) {
    hooks.onStep?.(`Registering a new revision of ${plan.registration.input.family}…`);
    taskDefinitionArn = (await actions.register(plan.registration.input)).taskDefinitionArn!;
  }
  // The hooks of the group's current revision stay, as the deploy Action keeps its appspec file's.
  const appSpec = buildAppSpec(plan.service, taskDefinitionArn, { ...appSpecHooks(ref.group.targetRevision), ...appSpecHookOverrides });
  hooks.onStep?.(`Creating a CodeDeploy deployment of ${revisionLabel(taskDefinitionArn)} (${ref.applicationName} / ${ref.deploymentGroupName}, ${ref.group.deploymentConfigName ?? 'default configuration'})…`);
  let id: string;
  try {
    id = await codeDeploy.createDeployment(ref, appSpec, `ECS Workbench: ${revisionLabel(taskDefinitionArn)}`);
  } catch (error) {
    if (plan.registration) throw new HalfAppliedError(taskDefinitionArn, request.cluster, request.service, error);
    throw error;
  }
  const base = {
    serviceArn: plan.service.serviceArn ?? '',
    taskDefinitionArn,
    previousTaskDefinition: plan.service.taskDefinition ?? '',
    deploymentId: id,
    codeDeployDeploymentId: id,
    applicationName: ref.applicationName,
    deploymentGroupName: ref.deploymentGroupName,
    registered: !!plan.registration,
  };
  if (!hooks.watch) return { ...base, outcome: 'NOT_WAITED' };
  hooks.onStep?.(`Watching CodeDeploy deployment ${id}…`);
  let shown = '';
  const report = await watchCodeDeploy({
    read: async () => {
      const [deployment, target] = await Promise.all([codeDeploy.deployment(id), codeDeploy.ecsTarget(id)]);
      return { deployment, target };
    },
    readDeployment: (other) => codeDeploy.deployment(other),
    intervalMs: hooks.watch.intervalMs,
    timeoutMs: hooks.watch.timeoutMs,
    clock: hooks.watch.clock,
    signal: hooks.watch.signal,
    onSnapshot: (evaluation) => {
      if (evaluation.progress !== shown) hooks.onStep?.(`${id}: ${evaluation.progress}`);
      shown = evaluation.progress;
    },
  });
  return { ...base, outcome: report.outcome, reason: report.reason, cancelled: report.cancelled, polls: report.polls, elapsedMs: report.elapsedMs };
}
