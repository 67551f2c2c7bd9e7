import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { EcsWorkbenchApi } from '../../../src/extension';
import type { ExplorerNode } from '../../../src/explorer/explorerNode';

export const EXTENSION_ID = 'ecs-workbench.ecs-workbench';

export async function activateExtension(): Promise<EcsWorkbenchApi> {
  const extension = vscode.extensions.getExtension<EcsWorkbenchApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in the extension host`);
  return extension.activate();
}

export interface Shown {
  label: string;
  description?: string;
  contextValue?: string;
  /** The tooltip's text as rendered (Markdown syntax and escapes gone). */
  tooltip?: string;
  node: ExplorerNode;
  children?: Shown[];
}

const markdown = new MarkdownIt({ linkify: true });

/** What a person reads in a rendered Markdown tooltip: the text, without markup or escapes. */
export function renderedText(value: string): string {
  return markdown
    .render(value)
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

async function show(explorer: EcsWorkbenchApi['explorer'], node: ExplorerNode): Promise<Shown> {
  let item = await explorer.getTreeItem(node);
  // As VS Code does on hover: a tooltip left unset is asked of resolveTreeItem.
  if (item.tooltip === undefined && (node.kind === 'task' || node.kind === 'service')) item = await explorer.resolveTreeItem(item, node, new vscode.CancellationTokenSource().token);
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const tooltip = item.tooltip instanceof vscode.MarkdownString ? renderedText(item.tooltip.value) : item.tooltip;
  return { label, description: item.description as string | undefined, contextValue: item.contextValue, tooltip, node };
}

/** The children of a node as a person sees them (label, description, tooltip). */
export async function childrenOf(explorer: EcsWorkbenchApi['explorer'], node?: ExplorerNode): Promise<Shown[]> {
  return Promise.all((await explorer.getChildren(node)).map((child) => show(explorer, child)));
}

/** Follows a path of labels from the root, expanding as a person would; fails naming what was there. */
export async function expand(explorer: EcsWorkbenchApi['explorer'], ...labels: (string | RegExp)[]): Promise<Shown[]> {
  let node: ExplorerNode | undefined;
  let children = await childrenOf(explorer);
  for (const label of labels) {
    const next = children.find((c) => (typeof label === 'string' ? c.label === label : label.test(c.label)));
    if (!next) throw new Error(`no "${label}" among: ${children.map((c) => c.label).join(' | ')}`);
    node = next.node;
    children = await childrenOf(explorer, node);
  }
  return children;
}

/** Polls `check` until it returns a value, with a deadline (no fixed sleeps). */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Writes user settings and clears the same keys in the workspace (where pickers save). */
export async function setSettings(values: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration('ecsWorkbench');
  for (const [key, value] of Object.entries(values)) {
    await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
    await config.update(key, value, vscode.ConfigurationTarget.Global);
  }
}
