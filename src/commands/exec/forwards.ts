import * as vscode from 'vscode';
import type { AwsScope } from '../../aws/clientManager';
import type { PortForward } from '../../exec/types';
import type { PortForwardRow } from '../../explorer/explorerNode';
import type { Services } from '../../services';

const HAS_FORWARDS = 'ecsWorkbench.hasPortForwards';

/** One forward this window started, with where it was started and the address the user opens. */
export interface ActiveForward {
  readonly forward: PortForward;
  readonly scope: AwsScope;
  /** `http://localhost:<port>`, or what `vscode.env.asExternalUri` made of it (code-server, a remote window). */
  address: string;
}

/** `localhost:8080 → 80` or `localhost:5432 → db.internal:5432`. */
export function forwardLabel(forward: PortForward): string {
  return `localhost:${forward.localPort} → ${forward.remoteHost ? `${forward.remoteHost}:${forward.remotePort}` : forward.remotePort}`;
}

/**
 * The port forwards of this window, by local port: shown as rows under their task (and counted in
 * the status bar, forwardStatusBar.ts), given an address that reaches them where the window is
 * remote, and stopped when the extension stops. A forward that ends by itself (the task stopped, the network went) leaves with a
 * warning saying why.
 */
export class PortForwards implements vscode.Disposable {
  private readonly byPort = new Map<number, ActiveForward>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  constructor(private readonly services: Services) {
    services.explorer.usePortForwards((taskArn) => this.rowsOf(taskArn));
  }

  list(): ActiveForward[] {
    return [...this.byPort.values()];
  }

  get(localPort: number): ActiveForward | undefined {
    return this.byPort.get(localPort);
  }

  add(forward: PortForward, scope: AwsScope): ActiveForward {
    const active: ActiveForward = { forward, scope, address: `http://localhost:${forward.localPort}` };
    this.byPort.set(forward.localPort, active);
    forward.onEnd((end) => {
      if (this.byPort.get(forward.localPort) !== active) return;
      this.remove(active);
      if (end.failed) void vscode.window.showWarningMessage(`The port forward ${forwardLabel(forward)} (task ${forward.target.taskId}) ended: ${end.reason}`);
    });
    this.announce(forward.target.taskArn);
    void this.externalAddress(active);
    return active;
  }

  /** Stops the forward on `localPort`; resolves once the port is free. */
  async stop(active: ActiveForward): Promise<void> {
    this.remove(active);
    await active.forward.stop();
  }

  dispose(): void {
    for (const active of this.list()) void active.forward.stop().catch(() => undefined);
    this.byPort.clear();
    this.changed.dispose();
  }

  private remove(active: ActiveForward): void {
    if (this.byPort.get(active.forward.localPort) !== active) return;
    this.byPort.delete(active.forward.localPort);
    this.announce(active.forward.target.taskArn);
  }

  private announce(taskArn: string): void {
    void vscode.commands.executeCommand('setContext', HAS_FORWARDS, this.byPort.size > 0);
    this.services.explorer.portForwardsChanged(taskArn);
    this.changed.fire();
  }

  private rowsOf(taskArn: string): PortForwardRow[] {
    return this.list()
      .filter((a) => a.forward.target.taskArn === taskArn)
      .map(({ forward, address }) => ({
        localPort: forward.localPort,
        remotePort: forward.remotePort,
        remoteHost: forward.remoteHost,
        container: forward.target.container,
        taskArn,
        connections: () => forward.connections(),
        address,
      }));
  }

  /**
   * In a remote window (code-server, SSH, a dev container) the extension host's localhost is not the
   * user's: asExternalUri has VS Code forward the port (a tunnel the Ports view lists; code-server's
   * proxy URL) and says the address to open. In a local window it changes nothing, so it is not asked.
   */
  private async externalAddress(active: ActiveForward): Promise<void> {
    if (vscode.env.remoteName === undefined && vscode.env.uiKind !== vscode.UIKind.Web) return;
    try {
      const external = await vscode.env.asExternalUri(vscode.Uri.parse(active.address));
      active.address = external.toString();
      this.announce(active.forward.target.taskArn);
    } catch (error) {
      this.services.log.warn(`No external address for localhost:${active.forward.localPort}: ${String(error)}`);
    }
  }
}
