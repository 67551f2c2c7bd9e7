/**
 * Completion, hover, symbols, formatting and folding for task and service definitions, in process,
 * through vscode-json-languageservice and the generated schemas. Results are LSP-shaped plain data
 * (0-based positions); diagnostics come from `validate`, not from the JSON service.
 */
import {
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type FoldingRange,
  type FormattingOptions,
  type Hover,
  type JSONDocument,
  type LanguageService,
  TextDocument,
  type TextEdit,
  getLanguageService,
} from 'vscode-json-languageservice';
import { orderMembers, requiredMembers } from './completionOrder';
import { tooDeepAt } from './document';
import { formatEdits } from './edits';
import { type LiveItemData, liveItems } from './liveCompletion';
import { CachedLiveValues, type LiveValueCacheOptions, type LiveValueProvider } from './liveValues';
import { executionRoleFixes, getQuickFixes } from './quickfix';
import { type JsonSchema, schemaFor } from './schema';
import { completionPlace, snippetItems } from './snippets';
import { maskTemplate, hasTemplateSyntax } from './formats/template';
import type { DocumentKind, LanguageKind, Position, QuickFix, Range, TaskdefDiagnostic } from './types';

export type { CompletionItem, CompletionList, DocumentSymbol, FoldingRange, FormattingOptions, Hover, LiveItemData, TextEdit as LspTextEdit };

/** How long a quick fix waits for the account (a code action is asked for once, not as the user types). */
export const LIVE_FIX_TIMEOUT_MS = 2000;

const SCHEMA_URI: Record<LanguageKind, string> = {
  task: 'ecs-workbench://schemas/task-definition.schema.json',
  service: 'ecs-workbench://schemas/service-definition.schema.json',
  containers: 'ecs-workbench://schemas/container-definitions.schema.json',
};
const DOC_URI: Record<LanguageKind, string> = {
  task: 'file:///ecs-workbench/document.ecs-task.json',
  service: 'file:///ecs-workbench/document.ecs-service.json',
  containers: 'file:///ecs-workbench/document.ecs-containers.json',
};

/** The schema given to the JSON service: the generated one plus the describe-output wrapper. */
function editorSchema(kind: LanguageKind): JsonSchema {
  // A Terraform containers file: the task definition's containerDefinitions array alone.
  if (kind === 'containers') {
    const task = structuredClone(schemaFor('task'));
    return { ...task.properties!.containerDefinitions, definitions: task.definitions };
  }
  // A deep copy: the JSON service resolves `$ref`s in place, and validation keeps using the original.
  const copy = structuredClone(schemaFor(kind));
  if (kind !== 'task') return copy;
  // The wrapper's `taskDefinition` is the task definition without a wrapper of its own: with a `$ref`
  // to the root, `{"taskDefinition": {"taskDefinition": ...}}` a thousand levels deep made the JSON
  // service's completion recurse through the schema once per level and overflow the stack.
  const { type, properties, required, additionalProperties } = copy;
  const definitions = { ...copy.definitions, TaskDefinitionInWrapper: { type, properties, required, additionalProperties } };
  const taskDefinition: JsonSchema = { $ref: '#/definitions/TaskDefinitionInWrapper', doNotSuggest: true, markdownDescription: 'describe-task-definition output: the task definition to register.' };
  return { ...copy, definitions, properties: { ...properties, taskDefinition } };
}

/**
 * Above this many characters the language service answers nothing (validate still checks the
 * file): the JSON service rescans the text for each completion and parses it again for each
 * version, seconds for 10 MB on the extension host every extension shares. RegisterTaskDefinition
 * accepts at most 65,536 bytes: a definition that can be registered is far below, however indented.
 */
export const MAX_LANGUAGE_SERVICE_LENGTH = 1_000_000;

/** Too big, or nested too deep for the JSON service's recursive parser (validate reports that one). */
function outOfReach(text: string): boolean {
  return text.length > MAX_LANGUAGE_SERVICE_LENGTH || tooDeepAt(text) >= 0;
}

/** At most this many outline symbols and folding ranges: VS Code's own JSON support stops at 5,000 (`json.maxItemsComputed`). */
export const MAX_ITEMS_COMPUTED = 5000;

/**
 * The text the JSON service reads: a containers file's Terraform template syntax masked (same
 * offsets), so `"cpu": ${cpu}` does not break the parse around the cursor.
 */
function textDocument(text: string, kind: LanguageKind): TextDocument {
  return TextDocument.create(DOC_URI[kind], 'json', 1, kind === 'containers' ? maskTemplate(text).text : text);
}

/** The definition kind whose schema places, snippets and live values a file of `kind` uses. */
function definitionKind(kind: LanguageKind): DocumentKind {
  return kind === 'containers' ? 'task' : kind;
}

export interface TaskdefLanguageServiceOptions {
  liveValues?: LiveValueProvider;
  liveValueCache?: LiveValueCacheOptions;
}

export class TaskdefLanguageService {
  private readonly json: LanguageService;
  private readonly live: CachedLiveValues | undefined;

  constructor(opts: TaskdefLanguageServiceOptions = {}) {
    this.json = getLanguageService({
      schemaRequestService: (uri) => Promise.reject(new Error(`no schema at ${uri}`)),
      clientCapabilities: { textDocument: { completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } } } },
    });
    this.json.configure({
      validate: false,
      allowComments: true,
      schemas: (['task', 'service', 'containers'] as LanguageKind[]).map((k) => ({ uri: SCHEMA_URI[k], fileMatch: [`*.ecs-${k}.json`], schema: editorSchema(k) as never })),
    });
    this.live = opts.liveValues ? new CachedLiveValues(opts.liveValues, opts.liveValueCache) : undefined;
  }

  private parsed: { text: string; kind: LanguageKind; document: TextDocument; json: JSONDocument } | undefined;

  /** The text parsed once for all the requests on it (the editor asks completion, hover, symbols… on one version). */
  private parse(text: string, kind: LanguageKind): { document: TextDocument; json: JSONDocument } {
    if (this.parsed?.kind !== kind || this.parsed.text !== text) {
      const document = textDocument(text, kind);
      this.parsed = { text, kind, document, json: this.json.parseJSONDocument(document) };
    }
    return this.parsed;
  }

  private textDocument(text: string, kind: LanguageKind): TextDocument {
    return this.parsed?.kind === kind && this.parsed.text === text ? this.parsed.document : textDocument(text, kind);
  }

  /** Completion items: schema properties and values, snippets where they fit, AWS docs, and live values. */
  async complete(text: string, kind: LanguageKind, position: Position): Promise<CompletionList> {
    if (outOfReach(text)) return { isIncomplete: false, items: [] };
    const { document, json } = this.parse(text, kind);
    const list = (await this.json.doComplete(document, position, json)) ?? { isIncomplete: false, items: [] };
    const place = completionPlace(document.getText(), document.offsetAt(position), kind);
    if (place) {
      orderMembers(list.items, requiredMembers(definitionKind(kind), place.where, place.path));
      list.items.push(...snippetItems(definitionKind(kind), place, { positionAt: (o) => document.positionAt(o) }));
    }
    if (this.live) {
      const live = await liveItems(this.live, document, kind, position);
      list.items.push(...live.items);
      list.isIncomplete ||= live.incomplete;
    }
    return list;
  }

  /** Starts reading what an item will need next (a repository's tags while its URI is focused), into the cache. */
  prefetch(data: LiveItemData | undefined): void {
    if (data?.prefetch && this.live) void this.live.get({ ...data.prefetch, prefix: '' });
  }

  /** The quick fixes of a diagnostic, with the account's roles for a missing `executionRoleArn`. */
  async quickFixes(text: string, diagnostic: TaskdefDiagnostic, kind: LanguageKind, timeoutMs = LIVE_FIX_TIMEOUT_MS): Promise<QuickFix[]> {
    const fixes = getQuickFixes(text, diagnostic, kind === 'containers' ? undefined : kind);
    if (diagnostic.code === 'execution-role-required' && this.live) fixes.push(...executionRoleFixes(text, diagnostic, await this.live.get({ kind: 'iamRole', prefix: '' }, timeoutMs)));
    return fixes;
  }

  /** Hover with the AWS documentation of the property or enum value under the cursor. */
  async hover(text: string, kind: LanguageKind, position: Position): Promise<Hover | null> {
    if (outOfReach(text)) return null;
    const { document, json } = this.parse(text, kind);
    return this.json.doHover(document, position, json);
  }

  documentSymbols(text: string, kind: LanguageKind): DocumentSymbol[] {
    if (outOfReach(text)) return [];
    const { document, json } = this.parse(text, kind);
    return this.json.findDocumentSymbols2(document, json, { resultLimit: MAX_ITEMS_COMPUTED });
  }

  format(text: string, kind: LanguageKind, range: Range | undefined, options: FormattingOptions): TextEdit[] {
    // A template's layout is Terraform's to render: `%{ if }` lines and `${…}` values are not JSON.
    if (outOfReach(text) || (kind === 'containers' && hasTemplateSyntax(text))) return [];
    // The JSON service's format (the same options), over jsonc-parser's repaired (formatEdits): its
    // edits 100 levels deep had no text. Formatting reads tokens only: no JSON document needed.
    const document = this.textDocument(text, kind);
    const offsets = range ? { offset: document.offsetAt(range.start), length: document.offsetAt(range.end) - document.offsetAt(range.start) } : undefined;
    const jsonOptions = { tabSize: options.tabSize, insertSpaces: options.insertSpaces === true, insertFinalNewline: options.insertFinalNewline === true, eol: '\n', keepLines: options.keepLines === true };
    return formatEdits(text, offsets, jsonOptions).map((e) => ({ range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) }, newText: e.content }));
  }

  foldingRanges(text: string, kind: LanguageKind): FoldingRange[] {
    if (outOfReach(text)) return [];
    return this.json.getFoldingRanges(this.textDocument(text, kind), { rangeLimit: MAX_ITEMS_COMPUTED });
  }
}
