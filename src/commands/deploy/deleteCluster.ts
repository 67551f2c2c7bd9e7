import { resourceName } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import { ClusterActions, ClusterNotEmptyError, isEmpty, leftText } from '../../deploy/clusterActions';
import { parseDeleteClusterArgs } from '../../deploy/clusterArgs';
import { pickCluster } from '../../ui/ecsPickers';
import { confirm } from '../../ui/input';
import { isArgumentObject } from '../../util/args';
import * as vscode from 'vscode';
import type { DeployUi } from './context';
import { deleteOneService } from './deleteService';
import { nodeOf } from './targets';

/**
 * Delete Cluster: only an empty cluster. Otherwise what is left is said, with an offer to delete
 * its services first (each as Delete Service does: scale to 0, delete, drain), after which the
 * cluster is deleted once its tasks have stopped.
 */
export async function deleteCluster(ui: DeployUi, arg: unknown): Promise<{ clusterArn: string; status: string } | undefined> {
  if (isArgumentObject(arg)) {
    const args = parseDeleteClusterArgs(arg);
    const cluster = await new ClusterActions(ui.clients, ui.clients.resolve(args.scope), ui.changeSink()).deleteCluster(args.cluster);
    return { clusterArn: cluster.clusterArn ?? args.cluster, status: cluster.status ?? 'INACTIVE' };
  }
  const node = nodeOf<{ cluster: { clusterName?: string; clusterArn?: string }; scope: AwsScope }>(arg, 'cluster');
  const scope = node?.scope ?? ui.clients.resolve();
  const cluster = node?.cluster.clusterName ?? resourceName(await pickCluster(ui.clients, scope, 'Delete Cluster: Cluster'));
  const actions = new ClusterActions(ui.clients, scope, ui.changeSink());
  const where = await ui.where(scope);
  const contents = await actions.contents(cluster);
  if (!isEmpty(contents)) {
    if (!contents.services.length || contents.moreServices) throw new ClusterNotEmptyError(cluster, contents);
    const action = `Delete ${contents.services.length === 1 ? 'the service' : `${contents.services.length} services`} first`;
    const ok = await confirm(`Cluster ${cluster} (${where}) is not empty: ${leftText(contents)}.`,
      `Only an empty cluster can be deleted. Delete its services (each scaled to 0, deleted and drained to INACTIVE), then the cluster?${contents.containerInstances ? ' Its container instances must still be deregistered before the cluster can go.' : ''}`, action);
    if (!ok) return undefined;
    for (const service of contents.services) await deleteOneService(ui, { cluster, service, scope, force: false, wait: true });
  } else if (!(await confirm(`Delete cluster ${cluster} (${where})?`, 'The cluster becomes INACTIVE and leaves the list. This cannot be undone.', 'Delete Cluster'))) {
    return undefined;
  }
  const deleted = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Deleting cluster ${cluster}` }, () => deleteWhenTasksStopped(ui, actions, cluster));
  ui.log(`Deleted cluster ${deleted.clusterArn}`);
  void vscode.window.showInformationMessage(`Cluster ${cluster} deleted (${where}).`);
  return { clusterArn: deleted.clusterArn ?? contents.clusterArn, status: deleted.status ?? 'INACTIVE' };
}

/** After its services drained, the cluster's last tasks may still be stopping: retry while only tasks are left. */
async function deleteWhenTasksStopped(ui: DeployUi, actions: ClusterActions, cluster: string) {
  const { intervalMs, timeoutMs } = ui.watchSettings();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await actions.deleteCluster(cluster);
    } catch (error) {
      const onlyTasks = error instanceof ClusterNotEmptyError && !error.contents.services.length && !error.contents.containerInstances;
      if (!onlyTasks || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
