/**
 * ECS task-definition / service-definition language core. Plain TypeScript, no `vscode`:
 * the editor adapters (src/editor/) and the CLI (cli.ts) sit on top of this module.
 */
export type { DocumentKind, Severity, Position, Range, TextEdit, TaskdefDiagnostic, DiagnosticData, QuickFix, ValidateOptions } from './types';
export { validate, type ValidationResult, type Definition } from './validate';
export { detectKind, kindFromFileName } from './kind';
export { hasPlaceholder } from './placeholders';
