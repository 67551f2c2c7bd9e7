import * as vscode from 'vscode';
import { SECTION } from '../config/settings';
import type { DefinitionDiagnostics, Validation } from './diagnostics';
import { kindOf } from './languages';
import type { TaskCostLenses } from './costLens';

export const CODE_LENS_SETTING = 'taskDefinition.codeLens';
export const VALIDATE_COMMAND = 'ecsWorkbench.validateDefinition';
export const DIFF_COMMAND = 'ecsWorkbench.diffWithLatestRevision';
/** VS Code's own "Trigger Suggest". */
const SUGGEST_COMMAND = 'editor.action.triggerSuggest';
/** Belongs to a later feature: the lens shows only once some extension registers it. */
export const REGISTER_COMMAND = 'ecsWorkbench.registerTaskDefinition';
export const CREATE_SERVICE_COMMAND = 'ecsWorkbench.createService';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countProblems(result: Validation): ProblemCounts {
  const count = (severity: string) => result.diagnostics.filter((d) => d.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info') };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function validateTitle({ errors, warnings, infos }: ProblemCounts): string {
  if (errors + warnings + infos === 0) return '$(pass) Valid';
  const parts = [errors && `$(error) ${plural(errors, 'error')}`, warnings && `$(warning) ${plural(warnings, 'warning')}`, infos && `$(info) ${infos} info`];
  return `Validate: ${parts.filter(Boolean).join(' ')}`;
}

/** Validate (problem count, opens Problems), Register new revision, Diff with latest ACTIVE revision, the cost of a task. */
export class DefinitionCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly diagnostics: DefinitionDiagnostics,
    /** The cost lens of task definitions, when the commands layer gave a price source. */
    private readonly costs?: TaskCostLenses,
  ) {
    this.subscriptions = [
      this.changed,
      diagnostics.onDidValidate(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`${SECTION}.${CODE_LENS_SETTING}`) && this.changed.fire()),
      vscode.workspace.onDidCloseTextDocument((d) => costs?.forget(d.uri)),
    ];
  }

  /** Asks VS Code for the lenses again (a cost figure arrived, the region changed). */
  redraw(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const kind = kindOf(document);
    if (!kind || !vscode.workspace.getConfiguration(SECTION).get<boolean>(CODE_LENS_SETTING, true)) return [];
    const result = await this.diagnostics.resultFor(document);
    if (!result) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    if (result.empty) {
      // A new containers file has no whole-file snippet: its containers come one by one.
      if (kind === 'containers') return [];
      // A new file has nothing to validate yet: point at the whole-file snippets instead of a problem count.
      const what = kind === 'task' ? 'task definition' : 'service definition';
      return [new vscode.CodeLens(top, { title: `$(new-file) New ${what}: start from a snippet (Ctrl+Space)`, command: SUGGEST_COMMAND, tooltip: `Show the whole-file snippets (${kind === 'task' ? 'ecs-fargate-web, ecs-ec2-bridge' : 'ecs-fargate-alb-service'})` })];
    }
    const target = { uri: document.uri.toString() };
    const lenses = [new vscode.CodeLens(top, { title: validateTitle(countProblems(result)), command: VALIDATE_COMMAND, arguments: [target], tooltip: 'Validate again and show the Problems panel' })];
    if (kind === 'service' && document.uri.scheme === 'file' && (await vscode.commands.getCommands(true)).includes(CREATE_SERVICE_COMMAND)) {
      // The Uri (not an argument object): the file is validated, then a summary asks.
      lenses.push(new vscode.CodeLens(top, { title: '$(add) Create service', command: CREATE_SERVICE_COMMAND, arguments: [document.uri], tooltip: 'Create this service in the current region (asks first)' }));
    }
    if (kind !== 'task') return lenses;
    // The Uri (not an argument object) keeps Register interactive: errors open Problems, warnings ask.
    // An untitled file registers too (Edit as New Revision opens one).
    if ((document.uri.scheme === 'file' || document.uri.scheme === 'untitled') && (await vscode.commands.getCommands(true)).includes(REGISTER_COMMAND)) {
      lenses.push(new vscode.CodeLens(top, { title: '$(cloud-upload) Register new revision', command: REGISTER_COMMAND, arguments: [document.uri] }));
    }
    lenses.push(new vscode.CodeLens(top, { title: '$(diff) Diff with latest ACTIVE revision', command: DIFF_COMMAND, arguments: [target], tooltip: 'Compare with the family\'s latest ACTIVE revision in AWS, both sides normalised' }));
    if (this.costs) lenses.push(this.costs.lens(document, result.text, top));
    return lenses;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
