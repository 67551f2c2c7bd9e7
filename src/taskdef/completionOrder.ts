/**
 * The order of property completions: what the object must have first (a container's `name` and
 * `image`, a task's `family` and `containerDefinitions`), then the rest by name. VS Code sorts by
 * `sortText`, else by label: without it `command` and `cpu` came before `name`.
 */
import { type CompletionItem, CompletionItemKind } from 'vscode-json-languageservice';
import { deref, type JsonSchema, schemaFor } from './schema';
import type { DocumentKind } from './types';

/** Members the rules require although the API model does not (`missing-container-name`, `missing-container-image`). */
const RULE_REQUIRED: Record<DocumentKind, Record<string, string[]>> = {
  task: { 'containerDefinitions[]{}': ['name', 'image'] },
  service: {},
};

/** The schema of the object at `path` (definition-relative), or undefined. */
function schemaAt(kind: DocumentKind, path: (string | number)[]): JsonSchema | undefined {
  const root = schemaFor(kind);
  let s: JsonSchema | undefined = root;
  for (const seg of path) {
    if (!s) return undefined;
    s = deref(root, s);
    s = typeof seg === 'number' ? s.items : s.properties?.[seg];
  }
  return s && deref(root, s);
}

export function requiredMembers(kind: DocumentKind, where: string, path: (string | number)[]): string[] {
  const required = [...(RULE_REQUIRED[kind][where] ?? []), ...(schemaAt(kind, path)?.required ?? [])];
  return required.filter((r, i) => required.indexOf(r) === i);
}

/** Required properties first (in their order), then the others by name (with `{}` in an empty file). */
export function orderMembers(items: CompletionItem[], required: string[]): void {
  for (const item of items) {
    if (item.kind !== CompletionItemKind.Property) {
      item.sortText ??= `2${item.label}`;
      continue;
    }
    const i = required.indexOf(item.label);
    item.sortText = i >= 0 ? `1${String(i).padStart(2, '0')}` : `2${item.label}`;
  }
}
