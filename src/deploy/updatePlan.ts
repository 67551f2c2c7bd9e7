/**
 * "What will change" for UpdateService: the current service against the request, field by field,
 * and the UpdateService input holding only the fields that change. Scaling alone sends
 * `desiredCount` and nothing else, so it needs ecs:UpdateService but never iam:PassRole.
 */
import type { ecs as EcsTypes } from '../aws/sdk';
import { revisionLabel } from '../aws/arn';
import { pathText, strategyFindings, configuredStrategy } from '../util/deploymentStrategy';
import type { StrategySettings } from './strategyArgs';
import { strategyChanges } from './strategyPlan';

export interface DeploymentConfigurationChange extends StrategySettings {
  minimumHealthyPercent?: number;
  maximumPercent?: number;
  deploymentCircuitBreaker?: { enable: boolean; rollback: boolean };
}

export interface ServiceUpdateRequest {
  /** A full ARN or `family:revision`. */
  taskDefinition?: string;
  desiredCount?: number;
  forceNewDeployment?: boolean;
  deploymentConfiguration?: DeploymentConfigurationChange;
  platformVersion?: string;
  capacityProviderStrategy?: EcsTypes.CapacityProviderStrategyItem[];
}

export interface FieldChange {
  field: string;
  current: string;
  next: string;
}

export type UpdateFields = Omit<EcsTypes.UpdateServiceRequest, 'cluster' | 'service'>;

export interface UpdatePlan {
  changes: FieldChange[];
  /** UpdateService input without cluster and service: only what changes. */
  input: UpdateFields;
  /** True when ECS starts a new deployment (new revision, platform, strategy or forced). */
  startsDeployment: boolean;
}

const onOff = (v: boolean | undefined) => (v ? 'on' : 'off');

function strategyText(s: EcsTypes.CapacityProviderStrategyItem[] | undefined): string {
  if (!s?.length) return '(launch type)';
  return s.map((i) => `${i.capacityProvider} weight ${i.weight ?? 0} base ${i.base ?? 0}`).join(', ');
}

/** True when the two references name the same revision (ARN or `family:revision`). */
export function sameRevision(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && revisionLabel(a) === revisionLabel(b);
}

export function planServiceUpdate(current: EcsTypes.Service, request: ServiceUpdateRequest): UpdatePlan {
  const changes: FieldChange[] = [];
  const input: UpdateFields = {};
  let startsDeployment = false;

  if (request.taskDefinition !== undefined && !sameRevision(request.taskDefinition, current.taskDefinition)) {
    changes.push({ field: 'taskDefinition', current: revisionLabel(current.taskDefinition), next: revisionLabel(request.taskDefinition) });
    input.taskDefinition = request.taskDefinition;
    startsDeployment = true;
  }
  if (request.desiredCount !== undefined && request.desiredCount !== current.desiredCount) {
    changes.push({ field: 'desiredCount', current: String(current.desiredCount ?? 0), next: String(request.desiredCount) });
    input.desiredCount = request.desiredCount;
  }
  if (request.platformVersion !== undefined && request.platformVersion !== (current.platformVersion ?? 'LATEST')) {
    changes.push({ field: 'platformVersion', current: current.platformVersion ?? 'LATEST', next: request.platformVersion });
    input.platformVersion = request.platformVersion;
    startsDeployment = true;
  }
  if (request.capacityProviderStrategy !== undefined && strategyText(request.capacityProviderStrategy) !== strategyText(current.capacityProviderStrategy)) {
    changes.push({ field: 'capacityProviderStrategy', current: strategyText(current.capacityProviderStrategy), next: strategyText(request.capacityProviderStrategy) });
    input.capacityProviderStrategy = request.capacityProviderStrategy;
    startsDeployment = true;
  }
  const dc = request.deploymentConfiguration;
  if (dc) {
    const now = current.deploymentConfiguration ?? {};
    const merged: EcsTypes.DeploymentConfiguration = { ...now };
    const sub = (field: string, before: string, after: string) => before !== after && changes.push({ field: `deploymentConfiguration.${field}`, current: before, next: after });
    const before = changes.length;
    if (dc.minimumHealthyPercent !== undefined) {
      sub('minimumHealthyPercent', `${now.minimumHealthyPercent ?? 100}%`, `${dc.minimumHealthyPercent}%`);
      merged.minimumHealthyPercent = dc.minimumHealthyPercent;
    }
    if (dc.maximumPercent !== undefined) {
      sub('maximumPercent', `${now.maximumPercent ?? 200}%`, `${dc.maximumPercent}%`);
      merged.maximumPercent = dc.maximumPercent;
    }
    if (dc.deploymentCircuitBreaker) {
      const cb = now.deploymentCircuitBreaker;
      sub('circuitBreaker', `${onOff(cb?.enable)}, rollback ${onOff(cb?.rollback)}`, `${onOff(dc.deploymentCircuitBreaker.enable)}, rollback ${onOff(dc.deploymentCircuitBreaker.rollback)}`);
      merged.deploymentCircuitBreaker = dc.deploymentCircuitBreaker;
    }
    strategyChanges(now, dc, merged, sub);
    // AWS documents no reset of members left out (API_UpdateService.html: "Modifies the parameters of a
    // service"; DeploymentCircuitBreaker's members are all required, so a block sent replaces the old
    // one), and field reports say they keep their values. Sending the structure whole, merged over the
    // current one, is right either way and says exactly what the service ends with; only when a member changes.
    if (changes.length > before) input.deploymentConfiguration = merged;
  }
  if (request.forceNewDeployment) {
    changes.push({ field: 'forceNewDeployment', current: '–', next: 'new deployment, same configuration' });
    input.forceNewDeployment = true;
    startsDeployment = true;
  }
  return { changes, input, startsDeployment };
}

/** `taskDefinition: demo-api:3 → demo-api:4`, one line per change. */
export function changeLines(plan: Pick<UpdatePlan, 'changes'>): string[] {
  return plan.changes.map((c) => `${c.field}: ${c.current} → ${c.next}`);
}

/**
 * Why ECS would refuse the deployment configuration about to be sent, given the service's load
 * balancers, controller and Service Connect (the rules of src/util/deploymentStrategy.ts), or
 * undefined. Update Service never sends `loadBalancers`: their advancedConfiguration stays as it is.
 */
export function strategyRefusal(service: EcsTypes.Service, input: UpdateFields): string | undefined {
  const dc = input.deploymentConfiguration;
  if (!dc) return undefined;
  const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
  const plain = JSON.parse(JSON.stringify({ deploymentConfiguration: dc, deploymentController: service.deploymentController, loadBalancers: service.loadBalancers, serviceConnectConfiguration: primary?.serviceConnectConfiguration })) as Record<string, unknown>;
  const errors = strategyFindings(plain).filter((f) => f.severity === 'error');
  if (!errors.length) return undefined;
  const needsTraffic = errors.some((f) => f.code === 'strategy-needs-traffic' || f.code === 'advanced-configuration-field');
  const instead = needsTraffic
    ? ` Update Service keeps the load balancers as they are: first give each of them "advancedConfiguration" (alternate target group, production listener rule, role), in the service definition or with UpdateService "loadBalancers", or turn on Service Connect; then choose ${configuredStrategy(dc)} again.`
    : '';
  return `Service "${service.serviceName}" was not changed: ECS would refuse this deployment configuration. ${errors.map((f) => `${pathText(f.path)}: ${f.message}`).join(' ')}${instead}`;
}

/**
 * What UpdateService may change per deployment controller, as the API reference says
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html): with
 * CODE_DEPLOY "only the desired count, deployment configuration, health check grace period, task
 * placement constraints and strategies, enable ECS managed tags option, and propagate tags"; with
 * EXTERNAL "only the desired count, task placement constraints and strategies, health check grace
 * period, enable ECS managed tags option, and propagate tags option".
 */
const CONTROLLER_FIELDS: Record<string, { allowed: string[]; instead: string }> = {
  CODE_DEPLOY: {
    allowed: ['desiredCount', 'deploymentConfiguration', 'healthCheckGracePeriodSeconds', 'placementConstraints', 'placementStrategy', 'enableECSManagedTags', 'propagateTags'],
    instead: 'deploy a new task definition through a CodeDeploy deployment (CreateDeployment on its application and deployment group)',
  },
  EXTERNAL: {
    allowed: ['desiredCount', 'healthCheckGracePeriodSeconds', 'placementConstraints', 'placementStrategy', 'enableECSManagedTags', 'propagateTags'],
    instead: 'create a new task set (CreateTaskSet) with the new task definition through the tool that controls its deployments',
  },
};

/** Why the service's deployment controller refuses these UpdateService fields, or undefined when it accepts them. */
export function controllerRefusal(service: EcsTypes.Service, fields: string[]): string | undefined {
  const controller = service.deploymentController?.type ?? 'ECS';
  const rule = CONTROLLER_FIELDS[controller];
  const refused = rule ? fields.filter((f) => !rule.allowed.includes(f)) : [];
  if (!rule || !refused.length) return undefined;
  return `Service "${service.serviceName}" uses the ${controller} deployment controller, which does not take ${refused.join(', ')} through UpdateService. Nothing was changed or registered. To roll out a change, ${rule.instead}.`;
}
