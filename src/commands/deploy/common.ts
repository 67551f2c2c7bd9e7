import * as vscode from 'vscode';
import { SECTION } from '../../config/settings';
import type { ApplyHooks, DeployResult } from '../../deploy/deployFlow';
import { EcsActions, stoppedTaskLine } from '../../deploy/ecsActions';
import { describeDeployment } from '../../deploy/rollout';
import { EcsReader } from '../../ecs/ecsReader';
import type { Services } from '../../services';
import { resourceName, revisionLabel } from '../../aws/arn';
import { isArgumentObject } from '../../util/args';

/**
 * Restricted Mode: the runtime half of `capabilities.untrustedWorkspaces: limited`. The test seam
 * can only add a restriction on top of VS Code's own trust, never lift one.
 */
let simulatedRestricted = false;

export function setSimulatedRestrictedMode(on: boolean): void {
  simulatedRestricted = on;
}

export function isTrusted(): boolean {
  return vscode.workspace.isTrusted && !simulatedRestricted;
}

export function requireTrust(what: string): void {
  if (isTrusted()) return;
  throw new Error(`${what} is disabled in Restricted Mode: this workspace is not trusted, and the command changes resources in your AWS account. Trust the workspace (Workspaces: Manage Workspace Trust) to use it.`);
}

/** A service the commands act on: from an explorer node, an argument object or the pickers. */
export interface ServiceTarget {
  cluster: string;
  service: string;
  region?: string;
}

interface NodeLike {
  kind?: string;
  resource?: { region: string };
}

export function nodeOf(arg: unknown, kind: string): (NodeLike & Record<string, unknown>) | undefined {
  if (typeof arg !== 'object' || arg === null || isArgumentObject(arg)) return undefined;
  return (arg as NodeLike).kind === kind ? (arg as NodeLike & Record<string, unknown>) : undefined;
}

/** The deploy commands' shared tools: ECS actions per region, settings, output, confirmation, watch UI. */
export class DeployUi {
  readonly output: vscode.OutputChannel;

  constructor(readonly services: Services) {
    this.output = vscode.window.createOutputChannel('ECS Deployments');
    services.context.subscriptions.push(this.output);
  }

  actions(region?: string): EcsActions {
    return new EcsActions(this.services.clientManager, region);
  }

  reader(region?: string): EcsReader {
    return new EcsReader(this.services.clientManager, region);
  }

  watchSettings(timeoutSeconds?: number): { intervalMs: number; timeoutMs: number } {
    const config = vscode.workspace.getConfiguration(SECTION);
    const interval = Math.max(1, config.get<number>('deploy.pollIntervalSeconds', 10));
    const timeout = timeoutSeconds ?? Math.max(1, config.get<number>('deploy.timeoutSeconds', 1800));
    return { intervalMs: interval * 1000, timeoutMs: timeout * 1000 };
  }

  /** `account 123456789012, us-east-1` for confirmations. */
  async where(region?: string): Promise<string> {
    const r = region ?? this.services.clientManager.context.region;
    try {
      return `account ${(await this.services.clientManager.callerIdentity()).account}, ${r}`;
    } catch {
      return `account unknown, ${r}`;
    }
  }

  /** One modal question; true only for the action button. */
  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  }

  log(line: string): void {
    this.output.appendLine(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  }

  /**
   * Runs an update or deploy under a cancellable progress notification, writing the rollout to the
   * "ECS Deployments" output: deployments when their counts change, new service events, stopped tasks.
   */
  async withWatch(title: string, target: ServiceTarget, wait: boolean, timeoutSeconds: number | undefined, run: (hooks: ApplyHooks) => Promise<DeployResult>): Promise<DeployResult> {
    this.output.show(true);
    this.log(`${title} (cluster ${resourceName(target.cluster)}, ${await this.where(target.region)})`);
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: wait }, async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      let lastCounts = '';
      const hooks: ApplyHooks = {
        onStep: (message) => {
          progress.report({ message });
          this.log(message);
        },
        watch: wait
          ? {
              ...this.watchSettings(timeoutSeconds),
              signal: controller.signal,
              onSnapshot: (evaluation) => {
                for (const e of evaluation.newEvents) this.log(`event ${e.at.toISOString().slice(11, 19)}: ${e.message}`);
                const counts = evaluation.deployments.map(describeDeployment).join('\n    ');
                if (counts !== lastCounts) this.log(`deployments:\n    ${counts}`);
                lastCounts = counts;
                const w = evaluation.watched;
                if (w) progress.report({ message: `${revisionLabel(w.taskDefinition)}: ${w.running}/${w.desired} running, ${w.pending} pending, ${w.failed} failed${w.rolloutState ? ` · ${w.rolloutState}` : ''}` });
              },
              onStoppedTasks: (tasks) => tasks.forEach((t) => this.log(`stopped task ${stoppedTaskLine(t)}`)),
            }
          : undefined,
      };
      try {
        const result = await run(hooks);
        this.logOutcome(target, result);
        return result;
      } finally {
        cancel.dispose();
      }
    });
  }

  private logOutcome(target: ServiceTarget, result: DeployResult): void {
    if (result.cancelled) this.log(`Stopped watching ${target.service}: the deployment ${result.deploymentId} goes on in ECS.`);
    else this.log(`${target.service}: ${result.outcome}${result.reason ? ` — ${result.reason}` : ''}${result.elapsedMs !== undefined ? ` (${Math.round(result.elapsedMs / 1000)} s, ${result.polls} polls)` : ''}`);
    for (const t of result.stoppedTasks ?? []) this.log(`stopped task ${stoppedTaskLine(t)}`);
  }

  /**
   * Tells a person how it ended; on failure offers to roll back to the revision the service ran
   * before (when ECS has not already done so) and shows why tasks stopped.
   */
  report(target: ServiceTarget, result: DeployResult): void {
    const revision = revisionLabel(result.taskDefinitionArn);
    if (result.cancelled) {
      void vscode.window.showInformationMessage(`Stopped watching ${target.service}. The deployment of ${revision} goes on in ECS.`);
      return;
    }
    if (result.outcome === 'COMPLETED' || result.outcome === 'NOT_WAITED') {
      const how = result.outcome === 'COMPLETED' ? `completed${result.elapsedMs !== undefined ? ` in ${Math.round(result.elapsedMs / 1000)} s` : ''}` : 'started';
      void vscode.window.showInformationMessage(`${target.service}: deployment of ${revision} ${how}.`);
      return;
    }
    const previous = revisionLabel(result.previousTaskDefinition);
    const canRollBack = result.outcome !== 'ROLLED_BACK' && previous && previous !== revision;
    const rollBack = `Roll back to ${previous}`;
    const reasons = (result.stoppedTasks ?? []).slice(0, 3).map(stoppedTaskLine);
    const message = `${target.service}: deployment of ${revision} ${result.outcome === 'TIMED_OUT' ? 'did not finish in time' : result.outcome === 'ROLLED_BACK' ? 'failed and was rolled back' : 'failed'}. ${result.reason ?? ''}${reasons.length ? ` Stopped tasks: ${reasons.join(' | ')}` : ''}`;
    void vscode.window.showErrorMessage(message, ...(canRollBack ? [rollBack] : []), 'Show Output').then((choice) => {
      if (choice === 'Show Output') this.output.show();
      if (choice === rollBack) {
        void vscode.commands.executeCommand('ecsWorkbench.updateService', { cluster: target.cluster, service: target.service, taskDefinition: result.previousTaskDefinition, wait: true }).then(
          (r) => this.report(target, r as DeployResult),
          () => undefined,
        );
      }
    });
  }
}

/** Quick pick that resolves to the item's value, or throws CancellationError when dismissed. */
export async function pick<T>(items: (vscode.QuickPickItem & { value: T })[], title: string, placeHolder?: string): Promise<T> {
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true });
  if (!picked) throw new vscode.CancellationError();
  return picked.value;
}

export async function input(title: string, options: { value?: string; prompt?: string; validate?: (v: string) => string | undefined } = {}): Promise<string> {
  const value = await vscode.window.showInputBox({ title, value: options.value, prompt: options.prompt, ignoreFocusOut: true, validateInput: options.validate });
  if (value === undefined) throw new vscode.CancellationError();
  return value;
}

export function integerInput(title: string, current: number | undefined, min: number, max: number): Promise<number> {
  return input(title, {
    value: current === undefined ? '' : String(current),
    validate: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= min && Number(v) <= max ? undefined : `A whole number from ${min} to ${max}`),
  }).then(Number);
}

export async function pickCluster(ui: DeployUi, region?: string): Promise<string> {
  const clusters = (await ui.reader(region).clusters({ limit: 100 })).items;
  if (!clusters.length) throw new Error('There are no ECS clusters in this region.');
  return pick(clusters.map((c) => ({ label: c.clusterName ?? '', description: `${c.activeServicesCount ?? 0} services · ${c.runningTasksCount ?? 0} running tasks`, value: c.clusterArn ?? c.clusterName ?? '' })), 'Cluster');
}

/** A service from an explorer service node, else cluster and service pickers. */
export async function serviceTarget(ui: DeployUi, arg: unknown): Promise<ServiceTarget> {
  const node = nodeOf(arg, 'service') as (NodeLike & { cluster: string; service: { serviceName?: string }; region: string }) | undefined;
  if (node) return { cluster: node.cluster, service: node.service.serviceName ?? '', region: node.region };
  const cluster = await pickCluster(ui);
  const services = (await ui.reader().services(cluster, { limit: 100 })).items;
  if (!services.length) throw new Error(`Cluster ${resourceName(cluster)} has no services.`);
  const service = await pick(
    services.map((s) => ({ label: s.serviceName ?? '', description: `${s.runningCount ?? 0}/${s.desiredCount ?? 0} · ${revisionLabel(s.taskDefinition)}`, value: s.serviceName ?? '' })),
    'Service',
  );
  return { cluster, service };
}

/** A revision of a family (ACTIVE, newest first, the latest preselected). */
export async function pickRevision(ui: DeployUi, family: string, current?: string, region?: string): Promise<string> {
  const revisions = await ui.actions(region).revisions(family);
  if (!revisions.length) throw new Error(`Family ${family} has no ACTIVE revision.`);
  return pick(
    revisions.map((arn, i) => ({ label: revisionLabel(arn), description: [i === 0 ? 'latest' : '', revisionLabel(arn) === revisionLabel(current) ? 'current' : ''].filter(Boolean).join(' · '), value: arn })),
    `Task definition revision of ${family}`,
    'The latest revision is first',
  );
}

export async function pickFamily(ui: DeployUi, region?: string): Promise<string> {
  const families = (await ui.reader(region).taskDefinitionFamilies({ limit: 100 })).items;
  if (!families.length) throw new Error('There are no task-definition families in this region.');
  return pick(families.map((f) => ({ label: f, value: f })), 'Task definition family');
}
