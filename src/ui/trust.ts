/**
 * Restricted Mode: the runtime half of `capabilities.untrustedWorkspaces: limited`. Every command
 * that changes AWS resources, starts a program (docker, podman, finch, git, a terminal command) or
 * opens a session into a container (ECS Exec: a shell, a command, a port forward) is named here, once; registerCommand refuses them in an untrusted workspace before anything
 * loads or runs. A unit test compares these lists with package.json, so a new command must be
 * classified to ship.
 */
export type TrustReason = 'aws' | 'program' | 'aws+program' | 'session';

/** Mutating commands: what they do (for the refusal) and why trust matters. */
export const MUTATING_COMMANDS: Readonly<Record<string, { does: string; because: TrustReason }>> = {
  'ecsWorkbench.registerTaskDefinition': { does: 'Registering a task definition', because: 'aws' },
  'ecsWorkbench.deploy': { does: 'Deploying', because: 'aws' },
  'ecsWorkbench.updateService': { does: 'Updating a service', because: 'aws' },
  'ecsWorkbench.scaleService': { does: 'Scaling a service', because: 'aws' },
  'ecsWorkbench.restartService': { does: 'Restarting a service', because: 'aws' },
  'ecsWorkbench.createExpressService': { does: 'Creating an Express service', because: 'aws' },
  'ecsWorkbench.stopTask': { does: 'Stopping a task', because: 'aws' },
  'ecsWorkbench.runTask': { does: 'Running a task', because: 'aws' },
  'ecsWorkbench.createService': { does: 'Creating a service', because: 'aws' },
  'ecsWorkbench.deregisterTaskDefinition': { does: 'Deregistering a task definition', because: 'aws' },
  'ecsWorkbench.rollbackDeployment': { does: 'Rolling back a deployment', because: 'aws' },
  'ecsWorkbench.stopServiceDeployment': { does: 'Stopping a deployment', because: 'aws' },
  'ecsWorkbench.continueDeployment': { does: 'Continuing a paused deployment', because: 'aws' },
  'ecsWorkbench.createCluster': { does: 'Creating a cluster', because: 'aws' },
  'ecsWorkbench.deleteCluster': { does: 'Deleting a cluster', because: 'aws' },
  'ecsWorkbench.deleteService': { does: 'Deleting a service', because: 'aws' },
  'ecsWorkbench.createRepository': { does: 'Creating a repository', because: 'aws' },
  'ecsWorkbench.deleteRepository': { does: 'Deleting a repository', because: 'aws' },
  'ecsWorkbench.deleteImage': { does: 'Deleting an image', because: 'aws' },
  'ecsWorkbench.deleteImageTag': { does: 'Deleting an image tag', because: 'aws' },
  'ecsWorkbench.startImageScan': { does: 'Starting an image scan', because: 'aws' },
  'ecsWorkbench.pushImage': { does: 'Pushing an image', because: 'aws+program' },
  'ecsWorkbench.buildAndPushImage': { does: 'Building and pushing an image', because: 'aws+program' },
  'ecsWorkbench.runInTerminal': { does: 'Running a command in a terminal', because: 'program' },
  // ECS Exec changes nothing in AWS, but a shell or a command in a container can change anything there.
  'ecsWorkbench.openShell': { does: 'Opening a shell in a container', because: 'session' },
  'ecsWorkbench.execCommand': { does: 'Running a command in a container', because: 'session' },
  'ecsWorkbench.startPortForward': { does: 'Forwarding a port to a task', because: 'session' },
  'ecsWorkbench.enableExecuteCommand': { does: 'Enabling ECS Exec on a service', because: 'aws' },
  'ecsWorkbench.setScalingCapacity': { does: 'Setting a service\'s scaling capacity', because: 'aws' },
  'ecsWorkbench.suspendScaling': { does: 'Suspending auto scaling', because: 'aws' },
  'ecsWorkbench.resumeScaling': { does: 'Resuming auto scaling', because: 'aws' },
  'ecsWorkbench.putScalingPolicy': { does: 'Setting a scaling policy', because: 'aws' },
  'ecsWorkbench.deleteScalingPolicy': { does: 'Deleting a scaling policy', because: 'aws' },
  'ecsWorkbench.putScheduledAction': { does: 'Setting a scheduled scaling action', because: 'aws' },
  'ecsWorkbench.deleteScheduledAction': { does: 'Deleting a scheduled scaling action', because: 'aws' },
};

/** Commands that only read AWS, the editor's own state or the clipboard: allowed in Restricted Mode. */
export const READ_ONLY_COMMANDS: readonly string[] = [
  'ecsWorkbench.selectProfile',
  'ecsWorkbench.selectRegion',
  'ecsWorkbench.refreshExplorer',
  'ecsWorkbench.openDescribe',
  'ecsWorkbench.copyArn',
  'ecsWorkbench.copyName',
  'ecsWorkbench.openInConsole',
  'ecsWorkbench.explainStoppedTask',
  'ecsWorkbench.refreshNode',
  'ecsWorkbench.loadMore',
  'ecsWorkbench.filterList',
  'ecsWorkbench.clearFilter',
  'ecsWorkbench.showStoppedTasks',
  'ecsWorkbench.showRunningTasks',
  'ecsWorkbench.switchDefinitionLanguage',
  'ecsWorkbench.validateDefinition',
  'ecsWorkbench.diffWithLatestRevision',
  'ecsWorkbench.editAsNewRevision',
  'ecsWorkbench.refreshEcr',
  'ecsWorkbench.copyImageUri',
  'ecsWorkbench.showScanFindings',
  'ecsWorkbench.useImage',
  'ecsWorkbench.showPushResult',
  'ecsWorkbench.watchService',
  'ecsWorkbench.showServiceMetrics',
  'ecsWorkbench.showLogs',
  'ecsWorkbench.followLogs',
  'ecsWorkbench.stopFollowingLogs',
  'ecsWorkbench.filterLogs',
  'ecsWorkbench.logTimeRange',
  'ecsWorkbench.loadOlderLogs',
  'ecsWorkbench.listServiceDeployments',
  'ecsWorkbench.compareServiceRevisions',
  'ecsWorkbench.showScalingActivities',
  'ecsWorkbench.stopPortForward',
  'ecsWorkbench.checkExecReadiness',
  'ecsWorkbench.estimateCost',
];

const WHY: Record<TrustReason, string> = {
  aws: 'it changes resources in your AWS account',
  program: 'it starts a program on this machine',
  'aws+program': 'it starts a program on this machine and changes resources in your AWS account',
  session: 'it opens a session into a container of your AWS account (a shell, a command or a forwarded port)',
};

/** Thrown when a mutating command runs in an untrusted workspace; the notification offers Manage Workspace Trust. */
export class RestrictedModeError extends Error {
  constructor(command: string) {
    const entry = MUTATING_COMMANDS[command];
    super(`${entry?.does ?? command} is disabled in Restricted Mode: this workspace is not trusted, and ${WHY[entry?.because ?? 'aws']}. Trust the workspace (Manage Workspace Trust) to use it.`);
    this.name = 'RestrictedModeError';
  }
}

/** Throws RestrictedModeError when `command` mutates and the workspace is not trusted. */
export function requireTrust(command: string, trusted: boolean): void {
  if (!trusted && MUTATING_COMMANDS[command]) throw new RestrictedModeError(command);
}
