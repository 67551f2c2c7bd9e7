import * as vscode from 'vscode';
import { forwardLabel, type PortForwards } from './forwards';

/** `$(plug) 2 forwards` while any is active; a click lists them with Stop (ecsWorkbench.stopPortForward). */
export class ForwardStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ecsWorkbench.portForwards', vscode.StatusBarAlignment.Left, -11);
  private readonly listening: vscode.Disposable;

  constructor(private readonly forwards: PortForwards) {
    this.item.name = 'ECS Workbench: Port Forwards';
    this.item.command = 'ecsWorkbench.stopPortForward';
    this.listening = forwards.onDidChange(() => this.update());
  }

  private update(): void {
    const active = this.forwards.list();
    if (!active.length) {
      this.item.hide();
      return;
    }
    this.item.text = `$(plug) ${active.length} ${active.length === 1 ? 'forward' : 'forwards'}`;
    this.item.tooltip = `${active.map((a) => `${forwardLabel(a.forward)} (${a.forward.target.container}, task ${a.forward.target.taskId.slice(0, 8)})`).join('\n')}\n\nClick to stop one`;
    this.item.show();
  }

  dispose(): void {
    this.listening.dispose();
    this.item.dispose();
  }
}
