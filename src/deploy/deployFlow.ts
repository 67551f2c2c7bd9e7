/**
 * One deploy, like the ECS deploy Action and ecspresso: task definition (a file, a revision, or the
 * service's current one) → optional image replacement → register → UpdateService → watch.
 * Plain data and hooks; the commands put pickers, confirmations and progress around it.
 */
import { EcsActions, type Service, type StoppedTask } from './ecsActions';
import { describeOutputText, prepareRegistration, type ImageReplacement, type Prepared, type TaskdefCore } from './render';
import type { RolloutEvaluation, RolloutOutcome } from './rollout';
import { controllerRefusal, planServiceUpdate, type FieldChange, type ServiceUpdateRequest } from './updatePlan';
import { watchRollout, type WatchClock, type WatchOptions, type WatchResult } from './watcher';
import { revisionLabel } from '../aws/arn';
import { applyCodeDeploy, isCodeDeployService } from './codeDeploy/deploy';
import { serviceDeploymentArnOf, serviceDeploymentReader } from './serviceDeployments';
import { strategyOf } from '../ecs/serviceDeployments';
import type { ServiceDeployment } from './serviceDeploymentState';

export interface WatchSettings {
  intervalMs: number;
  timeoutMs: number;
  clock?: WatchClock;
  signal?: AbortSignal;
  /** Events that existed before the watch began (finishUpdate fills them from the UpdateService answer). */
  knownEventIds?: string[];
  onSnapshot?(evaluation: RolloutEvaluation, service: Service): void;
  /** New stopped tasks of the watched deployment (fetched only when its failed count grows). */
  onStoppedTasks?(tasks: StoppedTask[]): void;
  /** Credentials expired mid-watch: see WatchOptions.onPause. */
  onPause?: WatchOptions['onPause'];
  /** See WatchOptions.serviceDeploymentDecides. */
  serviceDeploymentDecides?: boolean;
}

/** What the service deployment said last: every strategy's deploy and watch results carry it. */
export interface ServiceDeploymentFields {
  strategy?: string;
  serviceDeploymentArn?: string;
  /** The ServiceDeployment status (IN_PROGRESS, SUCCESSFUL, ROLLBACK_SUCCESSFUL, ...). */
  status?: string;
  lifecycleStage?: string;
  /** With PAUSED: the lifecycle hook awaiting ContinueServiceDeployment. */
  hookId?: string;
  /** The last service deployment read (for the paused notification). */
  serviceDeployment?: ServiceDeployment;
}

export interface WatchReport extends WatchResult, ServiceDeploymentFields {
  /** Stopped tasks of the deployment, when it did not complete. */
  stoppedTasks: StoppedTask[];
}

/**
 * Watches one deployment of a service, with its service deployment (`serviceDeploymentArn`, else
 * found from `snapshot`); on failure, reads why its tasks stopped.
 */
export async function watchDeployment(
  actions: EcsActions,
  cluster: string,
  service: string,
  deploymentId: string,
  settings: WatchSettings,
  snapshot?: Service,
  serviceDeploymentArn?: string,
): Promise<WatchReport> {
  const arn = serviceDeploymentArn ?? (snapshot ? await serviceDeploymentArnOf(actions, cluster, service, snapshot, deploymentId) : undefined);
  const reported = new Set<string>();
  const stoppedOf = async () => {
    // Why tasks stopped is a detail of the report: a failed read leaves it out, never the outcome.
    const tasks = await actions.stoppedTasks(cluster, service, deploymentId).catch((): StoppedTask[] => []);
    const fresh = tasks.filter((t) => !reported.has(t.taskId));
    for (const t of fresh) reported.add(t.taskId);
    return { tasks, fresh };
  };
  const result = await watchRollout({
    describe: () => actions.describeService(cluster, service),
    describeServiceDeployment: arn ? serviceDeploymentReader(actions, arn) : undefined,
    serviceDeploymentDecides: settings.serviceDeploymentDecides,
    deploymentId,
    knownEventIds: settings.knownEventIds,
    intervalMs: settings.intervalMs,
    timeoutMs: settings.timeoutMs,
    clock: settings.clock,
    signal: settings.signal,
    onPause: settings.onPause,
    onSnapshot: async (evaluation, snapshot) => {
      settings.onSnapshot?.(evaluation, snapshot);
      if (evaluation.newFailures && settings.onStoppedTasks) {
        const { fresh } = await stoppedOf();
        if (fresh.length) settings.onStoppedTasks(fresh);
      }
    },
  });
  const failed = result.outcome === 'FAILED' || result.outcome === 'ROLLED_BACK' || result.outcome === 'TIMED_OUT';
  return { ...result, ...serviceDeploymentFields(result, arn, snapshot), stoppedTasks: failed ? (await stoppedOf()).tasks : [] };
}

function serviceDeploymentFields(result: WatchResult, arn: string | undefined, snapshot: Service | undefined): ServiceDeploymentFields {
  const verdict = result.last?.serviceDeployment;
  const deployment = result.lastServiceDeployment;
  return {
    strategy: strategyOf(deployment, snapshot?.deploymentConfiguration?.strategy),
    serviceDeploymentArn: arn,
    status: verdict?.progress.status,
    lifecycleStage: verdict?.progress.stage,
    hookId: result.outcome === 'PAUSED' ? verdict?.progress.pausedHook?.hookId : undefined,
    serviceDeployment: deployment,
  };
}

export interface DeployRequest {
  cluster: string;
  service: string;
  /** A task-definition file's text (validated). */
  file?: { text: string; fileName?: string };
  /** An existing revision: deployed as is, or the base for `image`. */
  taskDefinition?: string;
  image?: ImageReplacement;
}

export interface DeployPlan {
  service: Service;
  /** What registering would send, when the deploy registers a revision. */
  registration?: Prepared;
  /** The revision deployed as is, when nothing is registered. */
  revision?: string;
  changes: FieldChange[];
  forceNewDeployment: boolean;
}

/** Thrown before anything is sent when the service's deployment controller cannot take the change. */
export class ControllerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ControllerError';
  }
}

/**
 * Reads the service and renders what would be registered; sends nothing. A service whose
 * deployment controller (CODE_DEPLOY, EXTERNAL) cannot take a new task definition through
 * UpdateService is refused here, so no revision is left registered for nothing.
 */
export async function planDeploy(actions: EcsActions, core: TaskdefCore, request: DeployRequest): Promise<DeployPlan> {
  const service = await actions.describeService(request.cluster, request.service);
  // A CODE_DEPLOY service takes its new task definition through CodeDeploy (applyDeploy), not UpdateService.
  const refusal = isCodeDeployService(service) ? undefined : controllerRefusal(service, ['taskDefinition']);
  if (refusal) throw new ControllerError(refusal);
  const current = service.taskDefinition ?? '';
  let registration: Prepared | undefined;
  let revision: string | undefined;
  if (request.file) {
    registration = prepareRegistration(request.file.text, core, { image: request.image, fileName: request.file.fileName });
  } else if (request.image) {
    const base = await actions.describeTaskDefinition(request.taskDefinition ?? current);
    registration = prepareRegistration(describeOutputText(base), core, { image: request.image, validate: false });
  } else {
    revision = request.taskDefinition ?? current;
  }
  const changes: FieldChange[] = [];
  if (registration) {
    changes.push({ field: 'taskDefinition', current: revisionLabel(current), next: `new revision of ${registration.input.family}` });
    if (registration.replaced) changes.push({ field: `image (${registration.replaced.container})`, current: registration.replaced.from, next: registration.replaced.to });
  } else {
    changes.push(...planServiceUpdate(service, { taskDefinition: revision }).changes);
  }
  const forceNewDeployment = !registration && revisionLabel(revision) === revisionLabel(current);
  if (forceNewDeployment) changes.push({ field: 'forceNewDeployment', current: '–', next: `redeploy ${revisionLabel(current)}` });
  return { service, registration, revision, changes, forceNewDeployment };
}

/** Registering worked and UpdateService did not: the new revision exists, the service is unchanged. */
export class HalfAppliedError extends Error {
  constructor(
    readonly taskDefinitionArn: string,
    readonly cluster: string,
    readonly service: string,
    override readonly cause: unknown,
  ) {
    super(`Registered ${revisionLabel(taskDefinitionArn)}, but updating service "${service}" failed: ${cause instanceof Error ? cause.message : String(cause)}. The service still runs its previous revision.`);
    this.name = 'HalfAppliedError';
  }
}

export interface DeployResult extends ServiceDeploymentFields {
  serviceArn: string;
  taskDefinitionArn: string;
  previousTaskDefinition: string;
  deploymentId: string;
  registered: boolean;
  outcome: RolloutOutcome;
  reason?: string;
  cancelled?: boolean;
  stoppedTasks?: StoppedTask[];
  polls?: number;
  elapsedMs?: number;
  /** The CodeDeploy deployment, for a CODE_DEPLOY service. */
  codeDeployDeploymentId?: string;
}

export interface ApplyHooks {
  onStep?(message: string): void;
  /** Watch settings; without them the result is NOT_WAITED. */
  watch?: WatchSettings;
}

/** Registers (when planned), updates the service, watches. */
export async function applyDeploy(actions: EcsActions, request: Pick<DeployRequest, 'cluster' | 'service'>, plan: DeployPlan, hooks: ApplyHooks = {}): Promise<DeployResult> {
  if (isCodeDeployService(plan.service)) return applyCodeDeploy(actions, actions.codeDeploy(), request, plan, hooks);
  let taskDefinitionArn = plan.revision ?? plan.service.taskDefinition ?? '';
  if (plan.registration) {
    hooks.onStep?.(`Registering a new revision of ${plan.registration.input.family}…`);
    taskDefinitionArn = (await actions.register(plan.registration.input)).taskDefinitionArn!;
  }
  hooks.onStep?.(`Updating service ${request.service} to ${revisionLabel(taskDefinitionArn)}…`);
  const request2: ServiceUpdateRequest = { taskDefinition: taskDefinitionArn, forceNewDeployment: plan.forceNewDeployment || undefined };
  const fields = planServiceUpdate(plan.service, request2).input;
  let updated: Service;
  try {
    updated = await actions.updateService(request.cluster, request.service, fields);
  } catch (error) {
    if (plan.registration) throw new HalfAppliedError(taskDefinitionArn, request.cluster, request.service, error);
    throw error;
  }
  return finishUpdate(actions, request, updated, hooks, { taskDefinitionArn, previousTaskDefinition: plan.service.taskDefinition ?? '', registered: !!plan.registration });
}

/** After an UpdateService: the new PRIMARY deployment, watched when asked. */
export async function finishUpdate(
  actions: EcsActions,
  request: Pick<DeployRequest, 'cluster' | 'service'>,
  updated: Service,
  hooks: ApplyHooks,
  extra: { taskDefinitionArn?: string; previousTaskDefinition: string; registered: boolean },
): Promise<DeployResult> {
  const primary = updated.deployments?.find((d) => d.status === 'PRIMARY');
  const base = {
    serviceArn: updated.serviceArn ?? '',
    taskDefinitionArn: extra.taskDefinitionArn ?? updated.taskDefinition ?? '',
    previousTaskDefinition: extra.previousTaskDefinition,
    deploymentId: primary?.id ?? '',
    registered: extra.registered,
  };
  if (!hooks.watch || !primary?.id) return { ...base, outcome: 'NOT_WAITED' };
  hooks.onStep?.(`Watching deployment ${primary.id}…`);
  const knownEventIds = (updated.events ?? []).flatMap((e) => (e.id ? [e.id] : []));
  return reported(base, await watchDeployment(actions, request.cluster, request.service, primary.id, { knownEventIds, ...hooks.watch }, updated));
}

/** A deploy's result from what its watch saw. */
function reported(base: Omit<DeployResult, 'outcome'>, report: WatchReport): DeployResult {
  const { outcome, reason, cancelled, stoppedTasks, polls, elapsedMs, strategy, status, lifecycleStage, hookId, serviceDeployment } = report;
  return { ...base, outcome, reason, cancelled, stoppedTasks, polls, elapsedMs, strategy, serviceDeploymentArn: report.serviceDeploymentArn ?? base.serviceDeploymentArn, status, lifecycleStage, hookId, serviceDeployment };
}

/**
 * After a rollback or a continue: watches the service deployment `serviceDeploymentArn` until its
 * status is final (or it pauses again), whatever the strategy.
 */
export async function followServiceDeployment(actions: EcsActions, request: Pick<DeployRequest, 'cluster' | 'service'>, snapshot: Service, serviceDeploymentArn: string, hooks: ApplyHooks): Promise<DeployResult> {
  const own = snapshot.deployments?.find((d) => d.id && serviceDeploymentArn.endsWith(`/${d.id.replace(/^ecs-svc\//, '')}`));
  const deploymentId = (own ?? snapshot.deployments?.find((d) => d.status === 'PRIMARY'))?.id ?? '';
  const base = { serviceArn: snapshot.serviceArn ?? '', taskDefinitionArn: own?.taskDefinition ?? snapshot.taskDefinition ?? '', previousTaskDefinition: snapshot.taskDefinition ?? '', deploymentId, registered: false, serviceDeploymentArn };
  if (!hooks.watch) return { ...base, outcome: 'NOT_WAITED' };
  const knownEventIds = (snapshot.events ?? []).flatMap((e) => (e.id ? [e.id] : []));
  return reported(base, await watchDeployment(actions, request.cluster, request.service, deploymentId, { knownEventIds, ...hooks.watch, serviceDeploymentDecides: true }, snapshot, serviceDeploymentArn));
}
