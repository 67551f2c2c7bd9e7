import * as vscode from 'vscode';
import type { Presented, State } from '../ecs/present';

const STATE_COLOR: Record<State, string | undefined> = {
  ok: 'testing.iconPassed',
  progress: 'charts.blue',
  warning: 'list.warningForeground',
  error: 'list.errorForeground',
  inactive: 'disabledForeground',
};

/** A tree item from the plain presentation: icon coloured by state, Markdown tooltip. */
export function presentedItem(
  presented: Presented,
  options: { id: string; icon: string; contextValue: string; collapsible?: boolean; expanded?: boolean },
): vscode.TreeItem {
  const state = options.expanded
    ? vscode.TreeItemCollapsibleState.Expanded
    : options.collapsible
      ? vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(presented.label, state);
  item.id = options.id;
  item.description = presented.description;
  item.tooltip = new vscode.MarkdownString(presented.details);
  const color = STATE_COLOR[presented.state];
  item.iconPath = new vscode.ThemeIcon(options.icon, color ? new vscode.ThemeColor(color) : undefined);
  item.contextValue = options.contextValue;
  return item;
}

/** A folder node whose children are already known (no AWS call to expand it). */
export function folderItem(label: string, id: string, icon: string, contextValue: string, description?: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = id;
  item.iconPath = new vscode.ThemeIcon(icon);
  item.description = description;
  item.contextValue = contextValue;
  return item;
}
