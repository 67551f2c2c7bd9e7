import type * as vscode from 'vscode';
import type { AwsScope, ClientManager } from '../aws/clientManager';
import type { ConsoleTarget } from '../ecs/consoleUrls';
import type { EcsReader, Service, Task } from '../ecs/ecsReader';
import type { NodeIndex } from './nodeIndex';
import type { ServiceAutoRefresher } from './serviceAutoRefresher';
import type { ecs } from '../aws/sdk';
import type { CodeDeployHistoryEntry } from '../ecs/presentCodeDeployDeployment';

/** A stopped task's cause in plain words; `events`: its service's, when the explorer already read them. */
export type StopCauseWords = (task: Task, events?: ecs.ServiceEvent[]) => Promise<string>;

/**
 * A service's cost as tooltip rows (label, plain value: the row escapes it), e.g. `Cost` and
 * `Cost with auto scaling`. Set by the commands layer: the figure comes from the cost bundle,
 * loaded on the first hover.
 */
export type ServiceCostRows = (scope: AwsScope, cluster: string, service: Service) => Promise<[string, string][]>;

/** What the paused-hook notification needs: the deployment a PAUSE hook holds, where it runs. */
export interface PausedDeployment {
  scope: AwsScope;
  cluster: string;
  service: string;
  deployment: ecs.ServiceDeployment;
  hook: ecs.DeploymentLifecycleHookDetail;
}

/** A CODE_DEPLOY service's CodeDeploy deployments (all, newest first), or why there are none to read. */
export type CodeDeployHistory =
  | { entries: CodeDeployHistoryEntry[]; applicationName: string; deploymentGroupName: string }
  | { noGroup: string };

/** A local port forwarded to a task, as its row under the task shows it (the commands layer owns the forwards). */
export interface PortForwardRow {
  localPort: number;
  remotePort: number;
  /** Set when the forward goes through the task to another host (an RDS endpoint, say). */
  remoteHost?: string;
  container: string;
  taskArn: string;
  /** TCP connections open now and since the start (read when the row's tooltip is). */
  connections(): { open: number; total: number };
  /** The address the user opens: `http://localhost:8080`, or what `vscode.env.asExternalUri` made of it. */
  address: string;
}

/** One node kind per file under nodes/; `kind` is the discriminator tests and menus rely on. */
export interface ExplorerNode {
  readonly kind: string;
  getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;
  getChildren?(): Promise<ExplorerNode[]>;
  /** Fills a tooltip left unset by getTreeItem, read only when the person hovers the row. */
  resolveTreeItem?(item: vscode.TreeItem, token: vscode.CancellationToken): Promise<vscode.TreeItem>;
  /** What the node's commands act on (copy, console, describe). */
  readonly resource?: NodeResource;
}

export interface NodeResource {
  /** The profile and region the node was read with: its commands act there. */
  scope: AwsScope;
  name: string;
  arn?: string;
  console?: ConsoleTarget;
  /** The full describe output, for "Open Describe Output". */
  describe?(): Promise<{ title: string; value: unknown; language?: string }>;
}

/** What every node needs from the explorer, handed down from the provider. */
export interface ExplorerContext {
  readonly clients: ClientManager;
  reader(scope: AwsScope): EcsReader;
  refresh(node?: ExplorerNode): void;
  pageSize(): number;
  now(): Date;
  readonly autoRefresher: ServiceAutoRefresher;
  /** The nodes on screen by what they show: a command's change finds the ones to re-read here. */
  readonly index: NodeIndex;
  /** Tasks folders (by id) set to show stopped tasks: kept when the folder node is rebuilt. */
  readonly stoppedShown: Set<string>;
  /** Why a stopped task stopped, in plain words: set once the "why did it stop?" command is registered (it loads its bundle on first use). */
  readonly stopCauses: { words?: StopCauseWords };
  /** A service's cost for its tooltip (read on hover): set by the commands layer, which may load the cost code. */
  readonly serviceCosts: { rows?: ServiceCostRows };
  /** Raises the paused-hook notification (*Continue*, *Roll back*): set by the commands layer, which owns it. */
  readonly pausedDeployments: { notify?: (paused: PausedDeployment) => void };
  /** Reads a CODE_DEPLOY service's CodeDeploy deployments: set by the commands layer (the CodeDeploy reader lives in deploy/, loaded on first use). */
  readonly codeDeployHistory: { read?: (scope: AwsScope, cluster: string, service: string) => Promise<CodeDeployHistory> };
  /**
   * The port forwards of a task (set by the exec commands once the first forward starts), and the
   * task nodes drawn by task ARN and node id, so a forward started or stopped redraws their rows.
   */
  readonly portForwards: { of?: (taskArn: string) => PortForwardRow[]; shownTasks: Map<string, Map<string, ExplorerNode>> };
}
