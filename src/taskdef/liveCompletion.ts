/**
 * Completion items from the account (repository URIs, tags, roles, log groups...) for the string
 * being typed. A repository URI is inserted with the cursor before its closing quote, so typing `:`
 * goes on to its tags.
 */
import { getLocation } from 'jsonc-parser';
import { type CompletionItem, CompletionItemKind, InsertTextFormat, type TextDocument } from 'vscode-json-languageservice';
import { type CachedLiveValues, type LiveValueRequest, imageTagPrefix, liveValueRequestAt } from './liveValues';
import { escapeSnippet } from './snippets';
import type { LanguageKind, Position } from './types';

/** What `resolve` of a repository item asks for ahead: that repository's tags. */
export interface LiveItemData {
  prefetch?: Omit<LiveValueRequest, 'prefix'>;
}

export interface LiveItems {
  items: CompletionItem[];
  /** The account has not answered yet: the editor should ask again as the user types. */
  incomplete: boolean;
}

export async function liveItems(live: CachedLiveValues, document: TextDocument, languageKind: LanguageKind, position: Position): Promise<LiveItems> {
  const none = { items: [], incomplete: false };
  const text = document.getText();
  const offset = document.offsetAt(position);
  const loc = getLocation(text, offset);
  const node = loc.previousNode;
  if (loc.isAtPropertyKey || !node || node.type !== 'string') return none;
  let path = loc.path;
  // A containers file is a task's containerDefinitions: the same live values as there.
  const kind = languageKind === 'containers' ? 'task' : languageKind;
  if (languageKind === 'containers') path = ['containerDefinitions', ...path];
  if (kind === 'task' && path[0] === 'taskDefinition' && path.length > 1) path = path.slice(1);
  const prefix = text.slice(node.offset + 1, offset);
  let req = liveValueRequestAt(kind, path, prefix, knownRepositories(live));
  if (req?.kind === 'ecrRepository' && imageTagPrefix(prefix)) {
    // `host:port/name:` of a registry the account may list under that host (a local registry): ask for the list first.
    const listed = await live.lookup({ kind: 'ecrRepository', prefix: '' });
    req = liveValueRequestAt(kind, path, prefix, listed.values.map((v) => v.value));
    if (req?.kind === 'ecrRepository') return { items: [], incomplete: listed.pending };
  }
  if (!req) return none;
  const request = req;
  const { values, pending } = await live.lookup(request);
  const range = { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) };
  const items = values.map((v, i): CompletionItem => {
    const value = request.kind === 'ecrImageTag' && !v.value.includes(':') ? `${request.repositoryUri}:${v.value}` : v.value;
    const quoted = JSON.stringify(value);
    const repository = request.kind === 'ecrRepository';
    return {
      label: v.label ?? v.value,
      kind: CompletionItemKind.Value,
      detail: v.detail,
      documentation: v.documentation ? { kind: 'markdown', value: v.documentation } : undefined,
      filterText: JSON.stringify(v.value),
      sortText: `0${String(i).padStart(5, '0')}`,
      ...(repository
        ? { insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: `${escapeSnippet(quoted.slice(0, -1))}$0"` }, data: { prefetch: { kind: 'ecrImageTag', repositoryUri: value } } satisfies LiveItemData }
        : { textEdit: { range, newText: quoted } }),
    };
  });
  return { items, incomplete: pending };
}

function knownRepositories(live: CachedLiveValues): string[] {
  return (live.peek({ kind: 'ecrRepository' }) ?? []).map((v) => v.value);
}
