import * as vscode from 'vscode';
import { resourceName } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import { EcsActions } from '../../deploy/ecsActions';
import { ControllerError } from '../../deploy/deployFlow';
import { controllerRefusal, type UpdateFields } from '../../deploy/updatePlan';
import type { Services } from '../../services';
import { pickCluster, pickService } from '../../ui/ecsPickers';
import { confirm } from '../../ui/input';
import { runSteps, type Step } from '../../ui/steps';
import { whereText } from '../../ui/where';
import { isArgumentObject, readArgs } from '../../util/args';
import { nodeOf } from '../deploy/targets';

const COMMAND = 'ecsWorkbench.enableExecuteCommand';
const USAGE = '{ cluster, service }';
const FIELDS: UpdateFields = { enableExecuteCommand: true, forceNewDeployment: true };

export interface EnableExecResult {
  serviceArn: string;
  /** The deployment that replaces the service's tasks with tasks that have ECS Exec. */
  deploymentId?: string;
}

/**
 * A service to enable ECS Exec on, handed over by another command (the readiness report's action):
 * not an argument object, so the command asks as from the explorer.
 */
export class ServiceToEnable {
  constructor(
    readonly cluster: string,
    readonly service: string,
    readonly scope: AwsScope,
  ) {}
}

interface EnableState {
  cluster: string;
  service: string;
  scope: AwsScope;
  fromNode: boolean;
}

function stateOf(services: Services, arg: unknown): EnableState {
  if (arg instanceof ServiceToEnable) return { cluster: arg.cluster, service: arg.service, scope: arg.scope, fromNode: true };
  const node = nodeOf<{ cluster: string; service: { serviceName?: string }; scope: AwsScope }>(arg, 'service');
  if (node) return { cluster: node.cluster, service: node.service.serviceName ?? '', scope: node.scope, fromNode: true };
  return { cluster: '', service: '', scope: services.clientManager.resolve(), fromNode: false };
}

function steps(services: Services): Step<EnableState>[] {
  const clients = services.clientManager;
  return [
    { title: 'Cluster', when: (s) => !s.fromNode, ask: async (view, s) => void (s.cluster = await pickCluster(clients, s.scope, view)) },
    { title: 'Service', when: (s) => !s.fromNode, ask: async (view, s) => void (s.service = await pickService(clients, s.scope, s.cluster, view)) },
  ];
}

/**
 * `ecsWorkbench.enableExecuteCommand`: UpdateService `enableExecuteCommand: true` with a new
 * deployment, so ECS replaces the service's tasks with tasks that have ECS Exec (a running task
 * cannot get it). From a service node, the palette or `{ cluster, service }` (no question asked);
 * interactively, a modal names the service, cluster, account and region first. Through EcsActions,
 * so the explorer shows the new deployment.
 */
export async function enableExecuteCommandCommand(services: Services, arg?: unknown): Promise<EnableExecResult | undefined> {
  const clients = services.clientManager;
  const interactive = !isArgumentObject(arg);
  let target: EnableState;
  if (isArgumentObject(arg)) {
    const args = readArgs(COMMAND, USAGE, arg, ['cluster', 'service']);
    target = { cluster: args.string('cluster'), service: args.string('service'), scope: clients.resolve(args.scope()), fromNode: false };
  } else {
    target = await runSteps('Enable ECS Exec', steps(services), stateOf(services, arg));
  }
  const actions = new EcsActions(clients, target.scope, (change) => void services.explorer.applyChange(change));
  const current = await actions.describeService(target.cluster, target.service);
  const refusal = controllerRefusal(current, Object.keys(FIELDS));
  if (refusal) throw new ControllerError(refusal);
  if (interactive) {
    const running = current.runningCount ?? 0;
    const question = `Enable ECS Exec on service ${target.service} in cluster ${resourceName(target.cluster)} (${await whereText(clients, target.scope)})?`;
    const detail = [
      current.enableExecuteCommand ? 'ECS Exec is already on for the tasks it starts; a new deployment gives it to the tasks running now.' : 'UpdateService with enableExecuteCommand: true and a new deployment.',
      `ECS replaces the service's ${running} running task${running === 1 ? '' : 's'} with tasks that have ECS Exec.`,
      'Their task role needs ssmmessages:CreateControlChannel, CreateDataChannel, OpenControlChannel and OpenDataChannel (Check ECS Exec Readiness tells).',
    ].join('\n');
    if (!(await confirm(question, detail, 'Enable ECS Exec'))) return undefined;
  }
  const updated = await actions.updateService(target.cluster, target.service, FIELDS);
  const deploymentId = updated.deployments?.find((d) => d.status === 'PRIMARY')?.id;
  services.log.info(`${COMMAND}: ECS Exec enabled on ${updated.serviceArn ?? target.service}${deploymentId ? `, deployment ${deploymentId}` : ''}`);
  if (interactive) void vscode.window.showInformationMessage(`ECS Exec enabled on ${target.service}: deployment ${deploymentId ?? '(new)'} replaces its tasks with tasks that have it.`);
  return { serviceArn: updated.serviceArn ?? '', deploymentId };
}
