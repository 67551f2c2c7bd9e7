/**
 * The definition snippets (snippets/*.json), offered by completion only where each fits: a whole
 * file in an empty file or an empty top-level object, a container where a container goes, a
 * container's health check inside a container (see snippets/README.md).
 */
import { getLocation } from 'jsonc-parser';
import { type CompletionItem, CompletionItemKind, InsertTextFormat } from 'vscode-json-languageservice';
import type { DocumentKind, LanguageKind } from './types';

interface SnippetEntry {
  prefix: string;
  where: string;
  description: string;
  body: string[];
}

const loaded: Partial<Record<DocumentKind, [string, SnippetEntry][]>> = {};

// `require` on purpose: parsed on first use, and esbuild still bundles the JSON.
/* eslint-disable @typescript-eslint/no-require-imports */
function snippetsOf(kind: DocumentKind): [string, SnippetEntry][] {
  loaded[kind] ??= Object.entries(
    (kind === 'task' ? require('./snippets/ecs-task-definition.json') : require('./snippets/ecs-service-definition.json')) as Record<string, SnippetEntry>,
  );
  return loaded[kind]!;
}
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Where completion was asked, as a snippet's `where`: `file`, `{}` (a member of the top-level
 * object), `containerDefinitions[]` (an item), `containerDefinitions[]{}` (a member of an item);
 * with the span of what is typed there (a bare word or a quoted key) and what must be added around.
 */
export interface CompletionPlace {
  where: string;
  /** The JSON path of the object or array completed in (inside a `taskDefinition` wrapper). */
  path: (string | number)[];
  /** The definition is an empty object: a whole-file snippet goes inside its braces. */
  emptyObject: boolean;
  start: number;
  end: number;
  /** The typed span starts with a quote (a key being typed). */
  quoted: boolean;
  /** A member or item follows: the insertion needs a comma after it. */
  commaAfter: boolean;
  /** The insertion starts on a line of its own (only whitespace before it on that line). */
  ownLine: boolean;
  /** The closing `}` of an empty object is on the line of the insertion. */
  closeOnLine: boolean;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\w-]/.test(c);

function previousChar(text: string, offset: number): string {
  for (let i = offset - 1; i >= 0; i--) if (!/\s/.test(text[i])) return text[i];
  return '';
}

function nextChar(text: string, offset: number): string {
  for (let i = offset; i < text.length; i++) if (!/\s/.test(text[i])) return text[i];
  return '';
}

/**
 * A Terraform containers file (`kind` containers) is the containerDefinitions array alone: its
 * places are those of a task definition's containers (`containerDefinitions[]`, `…[]{}`).
 */
export function completionPlace(text: string, offset: number, kind: LanguageKind): CompletionPlace | undefined {
  const loc = getLocation(text, offset);
  const node = loc.previousNode;
  // A loop, not /[\w-]*$/: that regex is quadratic in a long word (a 100 kB string).
  let start = offset;
  while (start > 0 && isWordChar(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && isWordChar(text[end])) end++;
  let quoted = false;
  if (node && node.type === 'property' && loc.isAtPropertyKey && node.offset < offset && offset <= node.offset + node.length) {
    start = node.offset;
    end = node.offset + node.length;
    quoted = true;
  } else if (node && node.offset + node.length >= start) {
    return undefined; // inside or right after a value
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const ownLine = /^\s*$/.test(text.slice(lineStart, start));
  const rest = text.slice(0, start) + text.slice(end);
  if (rest.trim() === '') return kind === 'containers' ? undefined : { where: 'file', path: [], emptyObject: false, start, end, quoted, commaAfter: false, ownLine, closeOnLine: false };
  let path = loc.path;
  if (kind === 'task' && path[0] === 'taskDefinition' && path.length > 1) path = path.slice(1);
  if (kind === 'containers') path = ['containerDefinitions', ...path];
  const atKey = loc.isAtPropertyKey;
  const before = previousChar(text, start);
  if (atKey ? before !== '{' && before !== ',' : before !== '[' && before !== ',') return undefined;
  const segments = atKey ? path.slice(0, -1) : path;
  const where = segments.reduce<string>((w, s) => (typeof s === 'number' ? `${w}[]` : w ? `${w}.${s}` : s), '') + (atKey ? '{}' : '');
  if (!atKey && typeof path[path.length - 1] !== 'number') return undefined;
  const after = nextChar(text, end);
  const emptyObject = where === '{}' && /^\{\s*\}$/.test(rest.trim());
  const lineEnd = text.indexOf('\n', end);
  const closeOnLine = emptyObject && text.slice(end, lineEnd < 0 ? text.length : lineEnd).includes('}');
  return { where, path: segments, emptyObject, start, end, quoted, commaAfter: after !== '' && after !== '}' && after !== ']' && after !== ',', ownLine, closeOnLine };
}

/** `$`, `}` and `\` stand for themselves in a snippet only when escaped. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function bodyAt(entry: SnippetEntry, place: CompletionPlace): string {
  if (entry.where !== 'file' || !place.emptyObject) return entry.body.join('\n') + (place.commaAfter ? ',' : '');
  // Inside the braces that are already there: the members of the whole-file snippet.
  const inner = entry.body.slice(1, -1);
  if (!place.ownLine) return `\n${inner.join('\n')}\n`;
  // The line already has its indentation: one tab less (the editor indents the following lines as this one).
  return inner.map((l) => l.replace(/^\t/, '')).join('\n') + (place.closeOnLine ? '\n' : '');
}

/** A snippet body with every placeholder at its default (`${1:x}` → x, `${1|a,b|}` → a, `${1}` → tab stop 1's value). */
export function expandSnippet(body: string[]): string {
  const values = new Map<string, string>();
  return body.join('\n').replace(/\$\{(\d+)(?::([^}]*)|\|([^|]*)\|)?\}/g, (_m, n: string, def?: string, choice?: string) => {
    const v = def ?? choice?.split(',')[0] ?? values.get(n) ?? '';
    if (!values.has(n)) values.set(n, v);
    return v;
  });
}

export interface SnippetItemsOptions {
  positionAt: (offset: number) => { line: number; character: number };
}

/** The snippets that fit at `place`, as completion items replacing what is typed there. */
export function snippetItems(kind: DocumentKind, place: CompletionPlace, opts: SnippetItemsOptions): CompletionItem[] {
  const fits = (entry: SnippetEntry) => entry.where === place.where || (entry.where === 'file' && place.emptyObject);
  const range = { start: opts.positionAt(place.start), end: opts.positionAt(place.end) };
  return snippetsOf(kind)
    .map(([name, entry], index) => ({ name, entry, order: String(index).padStart(2, '0') }))
    .filter(({ entry }) => fits(entry))
    .map(({ name, entry, order }) => ({
      label: entry.prefix,
      kind: CompletionItemKind.Snippet,
      detail: name,
      documentation: { kind: 'markdown', value: `${entry.description}\n\n\`\`\`json\n${expandSnippet(entry.body)}\n\`\`\`` },
      insertTextFormat: InsertTextFormat.Snippet,
      filterText: place.quoted ? `"${entry.prefix}` : entry.prefix,
      // Whole-file snippets first in a new file (in the file's order: the Fargate web service first); others after the properties.
      sortText: `${entry.where === 'file' ? 0 : 3}${order}`,
      textEdit: { range, newText: bodyAt(entry, place) },
    }));
}
