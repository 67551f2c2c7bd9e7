import * as vscode from 'vscode';
import { resourceName, revisionLabel } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import type { ecs as EcsTypes } from '../../aws/sdk';
import { parseCreateServiceArgs } from '../../deploy/createServiceArgs';
import { finishUpdate, type DeployResult } from '../../deploy/deployFlow';
import type { Service } from '../../deploy/ecsActions';
import { DefinitionError, diagnosticLine } from '../../deploy/render';
import { ServiceNetwork, alternateName, type CreatedTargetGroups } from '../../deploy/serviceNetwork';
import { loadTaskdef } from '../../editor/taskdefLoader';
import { confirm } from '../../ui/input';
import { runSteps } from '../../ui/steps';
import { isArgumentObject } from '../../util/args';
import { shiftsTraffic } from '../../util/deploymentStrategy';
import type { DeployUi } from './context';
import { costOfCreate } from './costChange';
import { createServiceSteps, requestOf, shifting, type CreateState } from './createServiceSteps';
import type { NewTargetGroupChoice } from './createServiceLbSteps';
import { report } from './report';
import { strategySummary } from './strategySteps';
import { pointAt } from './sendUpdate';
import { nodeOf } from './targets';
import { withWatch } from './watchUi';

export interface CreateServiceResult {
  serviceArn: string;
  outcome?: string;
}

interface Plan {
  scope: AwsScope;
  request: EcsTypes.CreateServiceRequest;
  /** A target group and listener rule to make first (the quick input's "new target group"). */
  newTargetGroup?: NewTargetGroupChoice & { port: number; vpcId: string; targetType: 'ip' | 'instance'; roleArn?: string };
}

/**
 * Create Service: from the quick input (palette, cluster node), a service-definition file (the
 * CodeLens hands its Uri; `{ file }`), or an argument object (no UI). Interactive callers confirm a
 * summary naming service, cluster, account and region; then CreateService and the first deployment
 * watched. The new service is listed in the tree at once.
 */
export async function createService(ui: DeployUi, arg: unknown): Promise<CreateServiceResult | undefined> {
  const interactive = !isArgumentObject(arg);
  let plan: Plan | undefined;
  let wait = interactive;
  if (isArgumentObject(arg)) {
    const args = parseCreateServiceArgs(arg);
    const scope = ui.clients.resolve(args.scope);
    wait = args.wait;
    plan = { scope, request: args.file ? await fromFile(ui, args.file, false) : args.request! };
  } else if (arg instanceof vscode.Uri) {
    plan = { scope: ui.clients.resolve(), request: await fromFile(ui, arg.fsPath, true) };
  } else {
    plan = await ask(ui, arg);
  }
  if (!plan) return undefined;
  const cluster = plan.request.cluster ?? 'default';
  if (interactive) {
    const { serviceName, taskDefinition, desiredCount, launchType, capacityProviderStrategy } = plan.request;
    const priced: Service = { serviceName, taskDefinition, desiredCount, launchType, capacityProviderStrategy };
    const detail = [summary(plan), ...(await costOfCreate(ui, { scope: plan.scope, cluster }, priced))].join('\n');
    if (!(await confirm(`Create service ${plan.request.serviceName} in cluster ${resourceName(cluster)} (${await ui.where(plan.scope)})?`, detail, 'Create Service'))) return undefined;
  }
  return send(ui, plan, cluster, wait, interactive);
}

async function send(ui: DeployUi, plan: Plan, cluster: string, wait: boolean, interactive: boolean): Promise<CreateServiceResult> {
  const request = { ...plan.request };
  const n = plan.newTargetGroup;
  const network = new ServiceNetwork(ui.clients, plan.scope);
  let made: CreatedTargetGroups | undefined;
  if (n) {
    const groups = (made = await network.createTargetGroups({ ...n, alternate: Boolean(n.roleArn), priority: await network.freePriority(n.listenerArn) }));
    ui.log(`Created target group${groups.alternate ? 's' : ''} ${[groups.primary, groups.alternate].filter(Boolean).map((t) => t!.TargetGroupName).join(' and ')} and a rule forwarding ${n.pathPattern} on ${n.loadBalancerName}`);
    const advancedConfiguration = groups.alternate && n.roleArn ? { alternateTargetGroupArn: groups.alternate.TargetGroupArn!, productionListenerRule: groups.ruleArn, roleArn: n.roleArn } : undefined;
    request.loadBalancers = (request.loadBalancers ?? []).map((lb) => ({ ...lb, targetGroupArn: groups.primary.TargetGroupArn, advancedConfiguration }));
  }
  const actions = ui.actions(plan.scope);
  let created: Service;
  try {
    created = await actions.createService(request);
  } catch (error) {
    // The target groups and rule were made for this service only: they go again with it.
    if (made) {
      await network.removeTargetGroups({ ruleArn: made.ruleArn, groups: [made.primary, ...(made.alternate ? [made.alternate] : [])] }, 'CreateService', error);
      ui.log('The service was not created: its new target groups and listener rule were removed again.');
    }
    throw error;
  }
  const target = { cluster, service: created.serviceName ?? request.serviceName ?? '', scope: plan.scope };
  ui.log(`Created service ${target.service} in ${resourceName(cluster)} (${created.serviceArn})`);
  const extra = { taskDefinitionArn: created.taskDefinition, previousTaskDefinition: '', registered: false };
  if (!wait) return { serviceArn: created.serviceArn ?? '' };
  const result: DeployResult = await withWatch(ui, `Create ${target.service}`, target, true, undefined, (hooks) => finishUpdate(actions, target, created, hooks, extra));
  if (interactive) report(ui, target, result, pointAt(ui));
  return { serviceArn: created.serviceArn ?? '', outcome: result.outcome };
}

/** A service-definition file, validated by the service-definition language first: its errors refuse it. */
async function fromFile(ui: DeployUi, file: string, interactive: boolean): Promise<EcsTypes.CreateServiceRequest> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(file)));
  const core = await loadTaskdef();
  const errors = core.validate(text, { kind: 'service', fileName: file }).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    const error = new DefinitionError(`The service definition has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was created:\n${errors.slice(0, 5).map(diagnosticLine).join('\n')}`, errors);
    ui.log(error.message);
    if (interactive) void vscode.commands.executeCommand('workbench.actions.view.problems');
    throw error;
  }
  const request = JSON.parse(text) as EcsTypes.CreateServiceRequest;
  if (!request.serviceName) throw new DefinitionError('The service definition has no "serviceName"; nothing was created.');
  return request;
}

async function ask(ui: DeployUi, arg: unknown): Promise<Plan> {
  const clusterNode = nodeOf<{ cluster: { clusterArn?: string } }>(arg, 'cluster');
  const scope: AwsScope = clusterNode?.resource?.scope ?? ui.clients.resolve();
  const initial: CreateState = {
    scope, cluster: clusterNode?.cluster.clusterArn ?? '', clusterFromNode: Boolean(clusterNode), family: '', taskDefinition: '', serviceName: '', launch: {},
    desiredCount: 1, vpcId: '', subnets: [], securityGroups: [], publicIp: true, lbChoice: 'none', minimumHealthyPercent: 100, maximumPercent: 200,
    breaker: 'rollback', exec: false, tags: [], expression: '', changesStrategy: true, strategy: {},
  };
  const s = await runSteps('Create Service', createServiceSteps(ui), initial);
  const n = s.lbChoice === 'new' && s.newTargetGroup && s.lb
    ? { ...s.newTargetGroup, port: s.lb.containerPort, vpcId: s.vpcId, targetType: s.td?.networkMode === 'awsvpc' ? 'ip' as const : 'instance' as const, roleArn: shifting(s) ? s.lbRoleArn : undefined }
    : undefined;
  return { scope, request: requestOf(s), newTargetGroup: n };
}

/** The confirmation's detail: what will be created, one line each. */
function summary(plan: Plan): string {
  const r = plan.request;
  const vpc = r.networkConfiguration?.awsvpcConfiguration;
  const lb = r.loadBalancers?.[0];
  const dc = r.deploymentConfiguration;
  const n = plan.newTargetGroup;
  return [
    `Task definition: ${taskDefinitionLine(r.taskDefinition ?? '')}`,
    `Compute: ${r.launchType ?? ((r.capacityProviderStrategy ?? []).map((c) => c.capacityProvider).join(', ') || 'the cluster\'s default capacity provider strategy')} · ${r.desiredCount ?? 0} task(s)`,
    vpc ? `Network: ${(vpc.subnets ?? []).join(', ')} · ${(vpc.securityGroups ?? []).join(', ')} · public IP ${vpc.assignPublicIp === 'ENABLED' ? 'on' : 'off'}` : '',
    n ? `Load balancer: new target group${n.roleArn ? `s ${n.name} and ${alternateName(n.name)}` : ` ${n.name}`} on ${n.loadBalancerName}, rule ${n.pathPattern} → ${lb?.containerName}:${lb?.containerPort}` : lb ? `Load balancer: ${resourceName(lb.targetGroupArn ?? '')} → ${lb.containerName}:${lb.containerPort}` : 'Load balancer: none',
    dc ? `Deployment: ${deploymentLine(dc)} · circuit breaker ${dc.deploymentCircuitBreaker?.enable ? (dc.deploymentCircuitBreaker.rollback ? 'with rollback' : 'on') : 'off'}${n?.roleArn ? ` · role ${resourceName(n.roleArn)}` : ''}` : '',
    r.placementStrategy?.length || r.placementConstraints?.length ? `Placement: ${[...(r.placementStrategy ?? []).map((p) => `${p.type}${p.field ? ` ${p.field}` : ''}`), ...(r.placementConstraints ?? []).map((c) => c.expression ?? c.type)].join(', ')}` : '',
    `ECS Exec: ${r.enableExecuteCommand ? 'on' : 'off'}${r.tags?.length ? ` · tags ${r.tags.map((t) => `${t.key}=${t.value ?? ''}`).join(', ')}` : ''}`,
  ].filter(Boolean).join('\n');
}

/** `rolling 100%–200%`, or the traffic-shifting strategy with its bake and steps (`CANARY · 5% canary · bake 5 min`). */
function deploymentLine(dc: EcsTypes.DeploymentConfiguration): string {
  if (!shiftsTraffic(dc.strategy ?? 'ROLLING')) return `rolling ${dc.minimumHealthyPercent ?? 100}%–${dc.maximumPercent ?? 200}%`;
  return strategySummary({ deploymentConfiguration: dc });
}

/** A bare family is what ECS resolves to its latest ACTIVE revision: say so in the summary. */
function taskDefinitionLine(ref: string): string {
  const label = revisionLabel(ref);
  return label && !label.includes(':') ? `${label} (its latest ACTIVE revision)` : label;
}
