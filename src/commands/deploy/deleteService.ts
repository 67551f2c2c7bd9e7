import { resourceName } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import { ClusterActions } from '../../deploy/clusterActions';
import { parseDeleteServiceArgs, type DeleteServiceArgs } from '../../deploy/clusterArgs';
import * as vscode from 'vscode';
import type { DeployUi } from './context';
import { isArgumentObject } from '../../util/args';
import { serviceTarget } from './targets';

/**
 * Delete Service: a modal naming service, cluster, account and region, with *Scale to 0 and
 * delete* or *Force delete*; then the drain (DRAINING → INACTIVE) with progress, and the row goes.
 */
export async function deleteService(ui: DeployUi, arg: unknown): Promise<{ serviceArn: string; status: string } | undefined> {
  if (isArgumentObject(arg)) {
    const args = parseDeleteServiceArgs(arg);
    return deleteOneService(ui, { ...args, scope: ui.clients.resolve(args.scope) });
  }
  const target = await serviceTarget(ui, arg, 'Delete Service');
  const cluster = resourceName(target.cluster);
  const described = await ui.actions(target.scope).describeService(target.cluster, target.service);
  const SCALE = 'Scale to 0 and Delete';
  const FORCE = 'Force Delete';
  const running = `${described.runningCount ?? 0} running, ${described.desiredCount ?? 0} desired`;
  const choice = await vscode.window.showWarningMessage(`Delete service ${target.service} in cluster ${cluster} (${await ui.where(target.scope)})?`,
    { modal: true, detail: `${running}. Its tasks stop and the service drains to INACTIVE. This cannot be undone. Force deletes without scaling to 0 first.` }, SCALE, FORCE);
  if (choice !== SCALE && choice !== FORCE) return undefined;
  return deleteOneService(ui, { cluster: target.cluster, service: target.service, scope: target.scope, force: choice === FORCE, wait: true });
}

/** Deletes one service and, with `wait`, follows its drain in a progress notification. */
export async function deleteOneService(ui: DeployUi, args: DeleteServiceArgs & { scope: AwsScope }): Promise<{ serviceArn: string; status: string }> {
  const actions = new ClusterActions(ui.clients, args.scope, ui.changeSink());
  const deleted = await actions.deleteService(args.cluster, args.service, args.force);
  const serviceArn = deleted.serviceArn ?? args.service;
  ui.log(`Deleted service ${serviceArn}${args.force ? ' (force)' : ''}: ${deleted.status ?? 'DRAINING'}`);
  if (!args.wait) return { serviceArn, status: deleted.status ?? 'DRAINING' };
  const { intervalMs, timeoutMs } = ui.watchSettings();
  const status = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Deleting service ${args.service}`, cancellable: true }, (progress, token) =>
    actions.waitInactive(args.cluster, args.service, {
      intervalMs, timeoutMs, cancelled: () => token.isCancellationRequested,
      onState: (s) => progress.report({ message: s.status === 'INACTIVE' ? 'INACTIVE' : `${s.status}: ${s.running} task${s.running === 1 ? '' : 's'} still stopping` }),
    }));
  ui.log(`Service ${args.service}: ${status}`);
  return { serviceArn, status };
}
