/**
 * ECS task-definition / service-definition language core. Plain TypeScript, no `vscode`:
 * the editor adapters (src/editor/) and the CLI (cli.ts) sit on top of this module.
 *
 *   validate(text, { kind?, fileName? })            -> diagnostics (0-based ranges, codes, pointers)
 *   detectKind(text, fileName?)                      -> 'task' | 'service' | undefined
 *   getQuickFixes(text, diagnostic, kind?)           -> [{ title, code, edits: TextEdit[] }]
 *   isEmptyDefinition(text)                          -> a new file (blank, or `{}`): snippets, not errors
 *   newRevisionText(text)                            -> describe output -> an editable definition (no read-only fields)
 *   new TaskdefLanguageService({ liveValues })       -> complete / hover / documentSymbols / format / foldingRanges,
 *                                                       quickFixes (with the account's roles), prefetch
 *                                                       (nothing above MAX_LANGUAGE_SERVICE_LENGTH characters or MAX_NESTING levels)
 *   normalizeDefinition(value, kind), normalizedText -> canonical form for "diff with latest ACTIVE revision"
 *   parseJsonc(text)                                 -> the value (undefined when nested deeper than MAX_NESTING)
 */
export type { DocumentKind, FileKind, LanguageKind, Severity, Position, Range, TextEdit, TaskdefDiagnostic, DiagnosticData, QuickFix, ValidateOptions } from './types';
export { validate, isEmptyDefinition, type ValidationResult, type Definition } from './validate';
export { parseJsonc, MAX_NESTING } from './document';
export { detectKind, detectFileKind, kindFromFileName } from './kind';
export { hasPlaceholder } from './placeholders';
export { getQuickFixes, getAllQuickFixes, stripReadOnlyFix, unwrapTaskDefinition, executionRoleFixes, newRevisionText } from './quickfix';
export { awslogsFixes } from './logFixes';
export { normalizeDefinition, normalizedText } from './normalize';
export { LIVE_FIX_TIMEOUT_MS, MAX_LANGUAGE_SERVICE_LENGTH, TaskdefLanguageService, type TaskdefLanguageServiceOptions } from './languageService';
export type { LiveItemData } from './liveCompletion';
export { CachedLiveValues, imageTagPrefix, liveValueRequestAt, type LiveValue, type LiveValueKind, type LiveValueProvider, type LiveValueRequest, type LiveValueCacheOptions } from './liveValues';
export { RULE_CODES } from './codes';
export { looksLikeTemplate } from './formats/cloudformation';
export { templateCompletions, templateHover } from './cloudformation/languageService';
