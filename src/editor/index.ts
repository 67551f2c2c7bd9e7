/**
 * The editor half of the task/service-definition language: providers for the languages
 * `ecs-task-definition` and `ecs-service-definition`, adapting the plain core in src/taskdef.
 * Registering is cheap; the core (dist/taskdef.js) loads when the first definition needs it.
 */
import * as vscode from 'vscode';
import { registerCommand } from '../ui/registerCommand';
import type { Services } from '../services';
import { DefinitionCodeActions } from './codeActions';
import { DIFF_COMMAND, DefinitionCodeLens, VALIDATE_COMMAND, countProblems } from './codeLens';
import { DefinitionCompletion } from './completion';
import { TaskCostLenses, type TaskCostSource } from './costLens';
import { TaskdefCore } from './core';
import { DefinitionDiagnostics } from './diagnostics';
import { DEFINITION_SCHEME, DefinitionDocuments, diffWithLatestRevision } from './diff';
import { documentFromArgument } from './documentArgument';
import { EDIT_AS_NEW_REVISION_COMMAND, RevisionDocumentLens, editAsNewRevision } from './editAsNewRevision';
import { DefinitionHover } from './hover';
import { LanguageSwitchOffer, SWITCH_COMMAND, switchDefinitionLanguage } from './languageSwitch';
import { DEFINITION_SELECTOR } from './languages';
import { DefinitionOutline } from './outline';
import { TEMPLATE_SELECTOR, TemplateDiagnostics } from './templateDiagnostics';
import { TemplateCompletion, TemplateHover } from './templateLanguage';

/** `costs`: where the cost lens of task definitions gets its figure (the commands layer loads the cost code on first use). */
export function registerTaskDefinitionEditor(services: Services, costs?: TaskCostSource): void {
  const core = new TaskdefCore(services);
  const diagnostics = new DefinitionDiagnostics(core);
  const { clientManager } = services;
  // The lens prices in the window's region: a new context redraws it.
  const costLenses = costs && new TaskCostLenses(costs, () => clientManager.resolve(), async (text) => (await core.lib()).parseJsonc(text), () => codeLens.redraw());
  const codeLens = new DefinitionCodeLens(diagnostics, costLenses);
  const documents = new DefinitionDocuments();
  const outline = new DefinitionOutline(core);
  const { languages } = vscode;
  services.context.subscriptions.push(
    core,
    diagnostics,
    codeLens,
    clientManager.onDidChangeContext(() => codeLens.redraw()),
    documents,
    vscode.workspace.registerTextDocumentContentProvider(DEFINITION_SCHEME, documents),
    languages.registerCompletionItemProvider(DEFINITION_SELECTOR, new DefinitionCompletion(core), ...DefinitionCompletion.triggerCharacters),
    languages.registerHoverProvider(DEFINITION_SELECTOR, new DefinitionHover(core)),
    languages.registerDocumentSymbolProvider(DEFINITION_SELECTOR, outline),
    languages.registerFoldingRangeProvider(DEFINITION_SELECTOR, outline),
    languages.registerDocumentFormattingEditProvider(DEFINITION_SELECTOR, outline),
    languages.registerDocumentRangeFormattingEditProvider(DEFINITION_SELECTOR, outline),
    languages.registerCodeActionsProvider(DEFINITION_SELECTOR, new DefinitionCodeActions(core, diagnostics), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    languages.registerCodeLensProvider(DEFINITION_SELECTOR, codeLens),
    languages.registerCodeLensProvider(LanguageSwitchOffer.selector, new LanguageSwitchOffer(core)),
    languages.registerCodeLensProvider(RevisionDocumentLens.selector, new RevisionDocumentLens()),
    // CloudFormation / SAM templates holding ECS resources (YAML or JSON).
    new TemplateDiagnostics(core),
    languages.registerCompletionItemProvider(TEMPLATE_SELECTOR, new TemplateCompletion(core), ...TemplateCompletion.triggerCharacters),
    languages.registerHoverProvider(TEMPLATE_SELECTOR, new TemplateHover(core)),
  );
  registerCommand(services, SWITCH_COMMAND, (arg?: unknown) => switchDefinitionLanguage(core, arg));
  registerCommand(services, EDIT_AS_NEW_REVISION_COMMAND, (arg?: unknown) => editAsNewRevision(core, services.clientManager, arg));
  registerCommand(services, DIFF_COMMAND, (arg?: unknown) => diffWithLatestRevision(core, services.clientManager, documents, arg));
  registerCommand(services, VALIDATE_COMMAND, async (arg?: unknown) => {
    const result = await diagnostics.validate((await documentFromArgument('validateDefinition', arg)).document);
    if (!result) throw new Error('This file is not a task or service definition or a Terraform containers file: switch its language first (ECS: Switch JSON File to Task/Service/Container Definitions…).');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    return countProblems(result);
  });
}
