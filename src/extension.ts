import * as vscode from 'vscode';
import { ClientManager } from './aws/clientManager';
import { resolveContext } from './aws/context';
import { listProfiles } from './aws/profiles';
import { isSdkRequested } from './aws/sdkLoader';
import { registerProfileCommands } from './commands/profileCommands';
import { registerExplorerCommands } from './commands/explorerCommands';
import { registerDeployCommands } from './commands/deploy';
import { registerMetricsCommands, taskCostSource } from './commands/metrics';
import { registerLogCommands } from './commands/logs';
import { registerDiagnoseCommands } from './commands/diagnose';
import { registerExpressCommands } from './commands/express';
import { registerHistoryCommands } from './commands/history';
import { registerScalingCommands } from './commands/scaling';
import { registerExecCommands } from './commands/exec';
import { registerCostCommands } from './commands/cost';
import { registerEcr, type EcrApi } from './commands/ecr/registerEcr';
import { EndpointGate } from './config/endpointGate';
import { affectsAwsContext, explorerSettings, readAwsSettings } from './config/settings';
import { DESCRIBE_SCHEME, DescribeDocuments } from './explorer/describeDocuments';
import { registerTaskDefinitionEditor } from './editor';
import { ExplorerProvider } from './explorer/explorerProvider';
import type { Services } from './services';
import { ProfileStatusBar } from './ui/statusBar';

/** What activate() returns: used by the integration tests, and open to other extensions. */
export interface EcsWorkbenchApi {
  readonly clientManager: ClientManager;
  readonly explorer: ExplorerProvider;
  /** The ECR view and push state. */
  readonly ecr: EcrApi;
  readonly statusBarText: () => string;
  /** Time spent inside activate(), in milliseconds. */
  readonly activationMs: number;
  /** Time from the first line of the bundle to the start of activate() (module evaluation and the host's context set-up), in milliseconds. */
  readonly loadMs: number | undefined;
  /** Whether the AWS SDK bundle had been requested when activate() returned (it must not be). */
  readonly sdkLoadedAtActivation: boolean;
  /** The workspace endpoint URLs the user has been asked to confirm this session. */
  readonly endpointQuestions: () => readonly string[];
  /** Resolves once the profile/region/endpoint have been read from settings and shared config. */
  readonly ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): EcsWorkbenchApi {
  const started = performance.now();
  const loadStart = (globalThis as { __ecsWorkbenchLoadStart?: number }).__ecsWorkbenchLoadStart;
  const loadMs = loadStart === undefined ? undefined : started - loadStart;
  const log = vscode.window.createOutputChannel('ECS Workbench', { log: true });
  const initial = readAwsSettings();
  // Until the profile files are read (just after activation), the region comes from settings/env.
  const clientManager = new ClientManager(resolveContext(initial, []), initial.clientOptions);
  const statusBar = new ProfileStatusBar(clientManager);

  let ready: Promise<void> = Promise.resolve();
  const endpointGate = new EndpointGate(context.workspaceState);
  const refreshAwsContext = async () => {
    const settings = { ...readAwsSettings(), endpoint: await endpointGate.endpoint() };
    let profiles: Awaited<ReturnType<typeof listProfiles>> = [];
    try {
      profiles = await listProfiles();
    } catch (error) {
      log.warn(`Could not read the AWS shared config files: ${String(error)}`);
    }
    clientManager.setOptions(settings.clientOptions);
    clientManager.setContext(resolveContext(settings, profiles));
  };
  const explorer = new ExplorerProvider(clientManager, () => ready, () => void statusBar.loadAccount(), explorerSettings(), (m) => log.warn(m));
  const treeView = vscode.window.createTreeView('ecsWorkbench.explorer', { treeDataProvider: explorer, showCollapseAll: true });
  const describeDocuments = new DescribeDocuments();
  // The profile item appears only once ECS Workbench is in use: the explorer is open or an ECS
  // definition is being edited (a command run from the palette activates the extension too).
  const showStatusBarWhenInUse = () => {
    const language = vscode.window.activeTextEditor?.document.languageId ?? '';
    if (treeView.visible || language === 'ecs-task-definition' || language === 'ecs-service-definition') statusBar.show();
  };
  const services: Services = { context, clientManager, log, explorer, documents: describeDocuments, refreshAwsContext };

  context.subscriptions.push(
    log,
    statusBar,
    explorer,
    { dispose: () => clientManager.dispose() },
    treeView,
    describeDocuments,
    vscode.workspace.registerTextDocumentContentProvider(DESCRIBE_SCHEME, describeDocuments),
    // Deployments in progress refresh themselves only while someone can see them.
    treeView.onDidChangeVisibility(({ visible }) => {
      explorer.autoRefresher.setVisible(visible);
      showStatusBarWhenInUse();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => showStatusBarWhenInUse()),
    vscode.workspace.onDidOpenTextDocument(() => showStatusBarWhenInUse()),
    clientManager.onDidChangeContext(({ current }) => {
      log.info(`AWS context: profile=${current.profile ?? '(default chain)'} region=${current.region}${current.endpoint ? ` endpoint=${current.endpoint}` : ''}`);
      statusBar.contextChanged();
      explorer.startOver();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsAwsContext(event)) ready = refreshAwsContext();
      else if (event.affectsConfiguration('ecsWorkbench.explorer')) explorer.refresh();
    }),
  );
  explorer.autoRefresher.setVisible(treeView.visible);
  showStatusBarWhenInUse();
  registerProfileCommands(services);
  registerTaskDefinitionEditor(services, taskCostSource(services));
  registerExplorerCommands(services);
  registerDeployCommands(services);
  registerMetricsCommands(services);
  registerLogCommands(services);
  registerDiagnoseCommands(services);
  registerExpressCommands(services);
  registerHistoryCommands(services);
  registerScalingCommands(services);
  registerExecCommands(services);
  registerCostCommands(services);
  const ecr = registerEcr(services);

  ready = refreshAwsContext();
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms; ${loadMs?.toFixed(1) ?? '?'} ms from the bundle's first line to activate() (the host's context set-up included)`);
  return {
    clientManager,
    explorer,
    ecr,
    statusBarText: () => statusBar.text,
    endpointQuestions: () => [...endpointGate.asked],
    activationMs,
    loadMs,
    sdkLoadedAtActivation: isSdkRequested(),
    ready,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
