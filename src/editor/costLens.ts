/**
 * The cost CodeLens of a task definition: "≈ $36.04/month per task · us-east-1 · Linux/x86 ·
 * on-demand" in the region of the window's AWS context, or briefly what keeps it from being
 * priced. The figure comes through a `TaskCostSource` the commands layer hands in (the cost code
 * loads when the first task definition shows its lenses, not at activation); until it answers,
 * the lens keeps the figure it had (or says "estimating…") and is redrawn when the answer comes.
 */
import * as vscode from 'vscode';
import type { AwsScope } from '../aws/clientManager';

export const ESTIMATE_COST_COMMAND = 'ecsWorkbench.estimateCost';

/**
 * What the lens shows: the one-line figure, and in its tooltip where the prices came from and as
 * of when; or briefly what keeps the definition from being priced, the whole sentence in the tooltip.
 */
export interface TaskCostFigure {
  title: string;
  tooltip: string;
}

/** Prices a task definition (its plain JSON) in `scope`. Rejects only when no price could be read at all. */
export type TaskCostSource = (definition: unknown, scope: AwsScope) => Promise<TaskCostFigure>;

interface Shown {
  /** Scope and text the figure is for. */
  key: string;
  figure?: TaskCostFigure;
}

export class TaskCostLenses {
  private readonly shown = new Map<string, Shown>();

  constructor(
    private readonly source: TaskCostSource,
    private readonly scope: () => AwsScope,
    private readonly parse: (text: string) => Promise<unknown>,
    /** Asks VS Code for the lenses again (a figure arrived). */
    private readonly redraw: () => void,
  ) {}

  /** The cost lens of `document` whose text is `text`, at `range`. */
  lens(document: vscode.TextDocument, text: string, range: vscode.Range): vscode.CodeLens {
    const scope = this.scope();
    const key = JSON.stringify([scope.profile ?? '', scope.region, text]);
    const uri = document.uri.toString();
    let shown = this.shown.get(uri);
    if (shown?.key !== key) {
      // A new text or another region: the last figure stays on screen until the new one is in.
      const next: Shown = { key, figure: shown?.figure };
      void this.read(text, scope).then((figure) => {
        if (this.shown.get(uri) !== next) return;
        next.figure = figure;
        this.redraw();
      });
      this.shown.set(uri, (shown = next));
    }
    return new vscode.CodeLens(range, { ...this.present(shown), command: ESTIMATE_COST_COMMAND, arguments: [document.uri] });
  }

  /** Drops what a closed document showed. */
  forget(uri: vscode.Uri): void {
    this.shown.delete(uri.toString());
  }

  private present(shown: Shown): { title: string; tooltip: string } {
    const figure = shown.figure;
    if (!figure) return { title: '$(loading~spin) Cost: estimating…', tooltip: 'Reading the prices of the region' };
    return { title: figure.title, tooltip: `${figure.tooltip}\nClick for the breakdown.` };
  }

  private async read(text: string, scope: AwsScope): Promise<TaskCostFigure> {
    try {
      return await this.source(await this.parse(text), scope);
    } catch (error) {
      return { title: 'Cost: the prices could not be read', tooltip: error instanceof Error ? error.message : String(error) };
    }
  }
}
