import type * as vscode from 'vscode';
import type { DocumentKind } from '../taskdef';

export const TASK_LANGUAGE = 'ecs-task-definition';
export const SERVICE_LANGUAGE = 'ecs-service-definition';

const KIND_OF_LANGUAGE: Record<string, DocumentKind> = { [TASK_LANGUAGE]: 'task', [SERVICE_LANGUAGE]: 'service' };
export const LANGUAGE_OF_KIND: Record<DocumentKind, string> = { task: TASK_LANGUAGE, service: SERVICE_LANGUAGE };

/** Both languages, in files and unsaved buffers. */
export const DEFINITION_SELECTOR: vscode.DocumentSelector = [TASK_LANGUAGE, SERVICE_LANGUAGE].flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
]);

/** The definition kind of a document in one of our languages; undefined for any other language. */
export function kindOf(document: vscode.TextDocument): DocumentKind | undefined {
  return KIND_OF_LANGUAGE[document.languageId];
}
