import * as vscode from 'vscode';
import { SECTION } from '../config/settings';
import type { TaskdefCore } from './core';
import { documentFromArgument } from './documentArgument';
import { LANGUAGE_OF_KIND } from './languages';

export const SWITCH_COMMAND = 'ecsWorkbench.switchDefinitionLanguage';
export const OFFER_SWITCH_SETTING = 'taskDefinition.offerLanguageSwitch';
const TARGETS = { task: LANGUAGE_OF_KIND.task, service: LANGUAGE_OF_KIND.service, containers: LANGUAGE_OF_KIND.containers, json: 'json' } as const;
type Target = keyof typeof TARGETS;

/** A cheap look before loading the core: plain JSON files rarely mention it. */
const MAY_BE_TASK_DEFINITION = /"containerDefinitions"\s*:/;
/** Likewise for a Terraform containers file: an array, with an image somewhere. */
const MAY_BE_CONTAINERS = /^\s*\[[\s\S]*"image"\s*:/;

/**
 * Switches a JSON file to the task- or service-definition language (or back to JSON).
 * `{ kind: 'task' | 'service' | 'json', uri? | file? }` switches without a picker.
 */
export async function switchDefinitionLanguage(core: TaskdefCore, arg: unknown): Promise<{ uri: string; languageId: string } | undefined> {
  const usage = '{ kind: "task" | "service" | "containers" | "json", uri?: string, file?: string }';
  const { document, args } = await documentFromArgument('switchDefinitionLanguage', arg, { usage, members: ['kind'] });
  let target: string | undefined = args?.oneOf('kind', ['task', 'service', 'containers', 'json'] as const);
  if (target === undefined) {
    const detected = (await core.lib()).detectFileKind(document.getText(), document.fileName);
    const items: (vscode.QuickPickItem & { target: Target })[] = [
      { target: 'task', label: 'ECS Task Definition', description: TARGETS.task },
      { target: 'service', label: 'ECS Service Definition', description: TARGETS.service },
      { target: 'containers', label: 'ECS Container Definitions (Terraform)', description: TARGETS.containers },
      { target: 'json', label: 'JSON', description: 'json' },
    ];
    items.sort((a, b) => Number(b.target === detected) - Number(a.target === detected));
    const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Language of this file' });
    if (!picked) return undefined;
    target = picked.target;
  }
  const switched = await vscode.languages.setTextDocumentLanguage(document, TARGETS[target as Target]);
  return { uri: switched.uri.toString(), languageId: switched.languageId };
}

/** On a plain JSON file that holds a task definition or a Terraform containers array: a lens offering the switch. */
export class LanguageSwitchOffer implements vscode.CodeLensProvider {
  static readonly selector: vscode.DocumentSelector = ['json', 'jsonc'].flatMap((language) => [
    { language, scheme: 'file' },
    { language, scheme: 'untitled' },
  ]);

  constructor(private readonly core: TaskdefCore) {}

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.getConfiguration(SECTION).get<boolean>(OFFER_SWITCH_SETTING, true)) return [];
    const text = document.getText();
    const lib = await (MAY_BE_TASK_DEFINITION.test(text) || MAY_BE_CONTAINERS.test(text) ? this.core.lib() : undefined);
    const kind = lib?.detectFileKind(text, document.fileName);
    if (kind !== 'task' && kind !== 'containers') return [];
    const title = kind === 'task' ? 'Edit as ECS Task Definition' : 'Edit as ECS Container Definitions (Terraform)';
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: `$(symbol-class) ${title} (validation, completion, quick fixes)`,
        command: SWITCH_COMMAND,
        arguments: [{ kind, uri: document.uri.toString() }],
      }),
    ];
  }
}
