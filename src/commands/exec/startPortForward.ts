import * as vscode from 'vscode';
import { resourceName, shortTaskId } from '../../aws/arn';
import { startPortForward as startForward } from '../../exec/portForward';
import { ExecSessionError } from '../../exec/sessions';
import type { ExecTarget, PortForward, PortForwardRequest } from '../../exec/types';
import type { Services } from '../../services';
import { runSteps } from '../../ui/steps';
import { isArgumentObject, readArgs } from '../../util/args';
import { forwardSteps, isHostName, type ForwardState } from './forwardSteps';
import { forwardLabel, type ActiveForward, type PortForwards } from './forwards';
import { explainStartFailure, reportedInteractively } from './startFailure';
import { execState, execTargetOf, readTarget, TARGET_MEMBERS, targetSteps } from './target';

const COMMAND = 'ecsWorkbench.startPortForward';
const USAGE = '{ cluster, task (ARN or id), container?, remotePort, remoteHost?, localPort? (0 = a free port) }';
const MAX_PORT = 65_535;

export interface StartPortForwardResult {
  localPort: number;
  sessionId: string;
}

function requestOf(services: Services, arg: Record<string, unknown>): PortForwardRequest {
  const args = readArgs(COMMAND, USAGE, arg, [...TARGET_MEMBERS, 'remotePort', 'remoteHost', 'localPort']);
  const target = readTarget(services.clientManager, args);
  const remoteHost = args.string('remoteHost', true);
  if (remoteHost !== undefined && !isHostName(remoteHost)) args.fail(`"remoteHost" must be a host name or IP address without a port, not "${remoteHost}"`);
  return { target, remotePort: args.int('remotePort', 1, MAX_PORT), remoteHost, localPort: args.int('localPort', 0, MAX_PORT, true) ?? 0 };
}

/** `port 80 of container api` or `db.internal:5432 through container api`. */
function destination(f: { remotePort: number; remoteHost?: string }, container: string | undefined): string {
  const name = container ? `container ${container}` : 'the task';
  return f.remoteHost ? `${f.remoteHost}:${f.remotePort} through ${name}` : `port ${f.remotePort} of ${name}`;
}

async function start(services: Services, forwards: PortForwards, request: PortForwardRequest, interactive: boolean): Promise<PortForward> {
  const taken = request.localPort ? forwards.get(request.localPort) : undefined;
  if (taken) throw new Error(`localhost:${request.localPort} is already forwarded (${forwardLabel(taken.forward)}, task ${taken.forward.target.taskId}): stop it first, or choose another local port.`);
  const clients = services.clientManager;
  const t: ExecTarget = request.target;
  const begin = () => startForward(clients, request);
  try {
    if (!interactive) return await begin();
    const title = `Forwarding a port to ${destination(request, t.container)} of task ${shortTaskId(t.task)} (cluster ${resourceName(t.cluster)}, ${clients.resolve(t.scope).region})…`;
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, begin);
  } catch (error) {
    if (error instanceof ExecSessionError) throw await explainStartFailure(clients, t, error, 'The port forward');
    throw error;
  }
}

/** The started forward in words (account, region, task, container) with what one does next. */
function announce(forwards: PortForwards, active: ActiveForward): void {
  const f = active.forward;
  const message = `Forwarding localhost:${f.localPort} to ${destination(f, f.target.container)}, task ${f.target.taskId} (account ${f.target.account}, ${f.target.region}).`;
  void vscode.window.showInformationMessage(message, 'Open in Browser', 'Copy Address', 'Stop').then((choice) => {
    if (choice === 'Open in Browser') void vscode.env.openExternal(vscode.Uri.parse(active.address));
    if (choice === 'Copy Address') void vscode.env.clipboard.writeText(active.address);
    if (choice === 'Stop') void forwards.stop(active);
  });
}

/**
 * `ecsWorkbench.startPortForward` (*Forward Port…*): a local port (chosen, or a free one) forwarded
 * through one SSM session to a container port of the task, or through the task to another host.
 * From a task or container node, the palette, or an argument object (no UI).
 */
export async function startPortForward(services: Services, forwards: PortForwards, arg: unknown): Promise<StartPortForwardResult> {
  const clients = services.clientManager;
  let request: PortForwardRequest;
  if (isArgumentObject(arg)) request = requestOf(services, arg);
  else {
    const initial: ForwardState = { ...execState(clients, arg), remote: 'port', remotePort: 0, local: 'same', localPort: 0 };
    const state = await runSteps('Forward Port', [...targetSteps<ForwardState>(clients), ...forwardSteps(clients)], initial);
    request = { target: execTargetOf(state), remotePort: state.remotePort, remoteHost: state.remoteHost, localPort: state.localPort };
  }
  const interactive = !isArgumentObject(arg);
  const starting = start(services, forwards, request, interactive);
  const forward = await (interactive ? reportedInteractively(services, request.target, starting) : starting);
  const active = forwards.add(forward, clients.resolve(request.target.scope));
  services.log.info(`${COMMAND}: ${forwardLabel(forward)} (${forward.mode}) to ${forward.target.container} of ${forward.target.taskArn}, session ${forward.sessionId}`);
  if (interactive) announce(forwards, active);
  return { localPort: forward.localPort, sessionId: forward.sessionId };
}
