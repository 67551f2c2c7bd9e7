import type * as vscode from 'vscode';
import type { LanguageKind } from '../taskdef';

export const TASK_LANGUAGE = 'ecs-task-definition';
export const SERVICE_LANGUAGE = 'ecs-service-definition';
/** A Terraform `container_definitions` file: the JSON array of containers `file()` / `templatefile()` reads. */
export const CONTAINERS_LANGUAGE = 'ecs-container-definitions';

const KIND_OF_LANGUAGE: Record<string, LanguageKind> = { [TASK_LANGUAGE]: 'task', [SERVICE_LANGUAGE]: 'service', [CONTAINERS_LANGUAGE]: 'containers' };
export const LANGUAGE_OF_KIND: Record<LanguageKind, string> = { task: TASK_LANGUAGE, service: SERVICE_LANGUAGE, containers: CONTAINERS_LANGUAGE };

/** Every definition language, in files and unsaved buffers. */
export const DEFINITION_SELECTOR: vscode.DocumentSelector = [TASK_LANGUAGE, SERVICE_LANGUAGE, CONTAINERS_LANGUAGE].flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
]);

/** The kind of a document in one of our languages; undefined for any other language. */
export function kindOf(document: vscode.TextDocument): LanguageKind | undefined {
  return KIND_OF_LANGUAGE[document.languageId];
}
