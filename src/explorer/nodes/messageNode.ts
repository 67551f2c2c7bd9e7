import * as vscode from 'vscode';
import { ssoLoginCommand, type AwsFix, type AwsProblem } from '../../aws/errors';
import { escapeMarkdown } from '../../util/markdown';
import { shellKindOf } from '../../util/shell';
import type { ExplorerNode } from '../explorerNode';

/** A node that runs the fix for a problem: opens the picker, runs `aws sso login`, retries. */
export class FixNode implements ExplorerNode {
  readonly kind = 'fix';
  constructor(
    readonly fix: AwsFix,
    private readonly parentId = '',
    /** The node whose read failed: *Retry* reads it again, and nothing else of the tree. */
    private readonly retryTarget?: ExplorerNode,
  ) {}

  get label(): string {
    switch (this.fix.kind) {
      case 'select-profile':
        return 'Select a profile…';
      case 'sso-login':
        return `Run ${ssoLoginCommand(this.fix.profile, shellKindOf(vscode.env.shell))}`;
      case 'open-url':
        return 'Open the documentation';
      case 'retry':
        return 'Retry';
    }
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.contextValue = `fix.${this.fix.kind}`;
    if (this.parentId) item.id = `${this.parentId}/fix`;
    switch (this.fix.kind) {
      case 'select-profile':
        item.iconPath = new vscode.ThemeIcon('account');
        item.command = { title: this.label, command: 'ecsWorkbench.selectProfile' };
        break;
      case 'sso-login':
        item.iconPath = new vscode.ThemeIcon('terminal');
        item.command = { title: this.label, command: 'ecsWorkbench.runInTerminal', arguments: [{ fix: 'sso-login', profile: this.fix.profile ?? '' }] };
        break;
      case 'open-url':
        item.iconPath = new vscode.ThemeIcon('link-external');
        item.command = { title: this.label, command: 'vscode.open', arguments: [vscode.Uri.parse(this.fix.url)] };
        break;
      case 'retry':
        item.iconPath = new vscode.ThemeIcon('refresh');
        item.command = this.retryTarget
          ? { title: this.label, command: 'ecsWorkbench.refreshNode', arguments: [this.retryTarget] }
          : { title: this.label, command: 'ecsWorkbench.refreshExplorer' };
        break;
    }
    return item;
  }
}

/** What went wrong, where the user is looking; its child is the fix. */
export class MessageNode implements ExplorerNode {
  readonly kind = 'message';
  constructor(
    readonly problem: Pick<AwsProblem, 'title' | 'message' | 'fix' | 'kind'>,
    private readonly severity: 'error' | 'warning' | 'info' = 'error',
    private readonly parentId = '',
    private readonly retryTarget?: ExplorerNode,
  ) {}

  get label(): string {
    return this.problem.title;
  }

  getTreeItem(): vscode.TreeItem {
    const hasFix = this.problem.fix !== undefined;
    const item = new vscode.TreeItem(
      this.problem.title,
      hasFix ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    const icon = { error: 'error', warning: 'warning', info: 'info' }[this.severity];
    const color = { error: 'list.errorForeground', warning: 'list.warningForeground', info: undefined }[this.severity];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    // The message quotes AWS's error text: shown literally.
    item.tooltip = new vscode.MarkdownString(escapeMarkdown(this.problem.message));
    item.contextValue = `message.${this.problem.kind}`;
    if (this.parentId) item.id = `${this.parentId}/message`;
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return this.problem.fix ? [new FixNode(this.problem.fix, this.parentId && `${this.parentId}/message`, this.retryTarget)] : [];
  }
}
