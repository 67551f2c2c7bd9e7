import * as vscode from 'vscode';
import { decideEndpoint } from './endpointDecision';
import { SECTION } from './settings';

const CONFIRMED = 'ecsWorkbench.confirmedEndpoint';
const USE = 'Use This Endpoint';

/**
 * `ecsWorkbench.endpointUrl` from a workspace's `.vscode/settings.json` comes from the repository,
 * not from the user: it is used only once the user has confirmed that exact URL for this workspace
 * in a modal (remembered in workspace state). In Restricted Mode VS Code itself ignores the
 * workspace value (a restricted configuration).
 */
export class EndpointGate {
  private readonly declined = new Set<string>();
  private asking: { url: string; answer: Promise<boolean> } | undefined;
  /** Every workspace URL the user was asked about, in order (read-only on the extension's API). */
  readonly asked: string[] = [];

  constructor(private readonly state: vscode.Memento) {}

  async endpoint(): Promise<string | undefined> {
    const config = vscode.workspace.getConfiguration(SECTION);
    if (!vscode.workspace.isTrusted) return config.get<string>('endpointUrl')?.trim() || undefined;
    const inspected = config.inspect<string>('endpointUrl');
    const decision = decideEndpoint({
      user: inspected?.globalValue,
      workspace: inspected?.workspaceFolderValue ?? inspected?.workspaceValue,
      confirmed: this.state.get<string>(CONFIRMED),
      declined: this.declined,
    });
    if (!decision.ask || !(await this.ask(decision.ask))) return decision.endpoint;
    await this.state.update(CONFIRMED, decision.ask);
    return decision.ask;
  }

  /** One modal per URL at a time; a dismissal is remembered for the session. */
  private ask(url: string): Promise<boolean> {
    if (this.asking?.url === url) return this.asking.answer;
    this.asked.push(url);
    const detail =
      'Its settings (.vscode/settings.json) set "ecsWorkbench.endpointUrl". Every ECS, ECR and other AWS call of this workspace would go there, signed with your AWS credentials. Use it only if you trust this repository; otherwise the calls go to AWS (or to your own endpoint setting).';
    const answer = Promise.resolve(vscode.window.showWarningMessage(`This workspace sends AWS calls to ${url} instead of AWS.`, { modal: true, detail }, USE)).then(
      (choice) => choice === USE,
      () => false,
    );
    this.asking = { url, answer };
    void answer.then((use) => {
      if (!use) this.declined.add(url);
      this.asking = undefined;
    });
    return answer;
  }
}
