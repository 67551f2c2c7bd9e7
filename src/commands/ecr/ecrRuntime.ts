import * as vscode from 'vscode';
import { ContainerCli, CONTAINER_CLI_KINDS, type ContainerCliKind } from '../../ecr/containerCli';
import type { Scope } from '../../aws/clientManager';
import { isLoopbackEndpoint } from '../../aws/endpoints';
import { EcrService } from '../../ecr/ecrService';
import type { PushDeps } from '../../ecr/push';
import { TokenCache } from '../../ecr/tokenCache';
import type { EcrProvider } from '../../explorer/ecr/ecrProvider';
import type { Services } from '../../services';

/**
 * What the ECR commands share: the view, the token cache (memory only), the push output channel
 * (created on first use) with an in-memory copy for tests, and the pushes in flight (cancellable).
 */
export class EcrRuntime implements vscode.Disposable {
  readonly tokens = new TokenCache();
  private channel: vscode.OutputChannel | undefined;
  private readonly transcript: string[] = [];
  private readonly running = new Set<AbortController>();

  constructor(
    readonly services: Services,
    readonly provider: EcrProvider,
  ) {}

  /** ECR reads and writes where a command acts (unset: the current profile and region). */
  ecr(scope: Scope = {}): EcrService {
    return new EcrService(this.services.clientManager, scope);
  }

  cli(): ContainerCli {
    const config = vscode.workspace.getConfiguration('ecsWorkbench.containerCli');
    const configured = config.get<string>('kind') ?? 'docker';
    const kind: ContainerCliKind = CONTAINER_CLI_KINDS.includes(configured as ContainerCliKind) ? (configured as ContainerCliKind) : 'docker';
    const executable = config.get<string>('path')?.trim() || kind;
    return new ContainerCli(kind, executable, process.env, (line) => this.append(line));
  }

  pushDeps(scope: Scope = {}): PushDeps {
    const cli = this.cli();
    const clients = this.services.clientManager;
    const { profile, region } = clients.resolve(scope);
    const { endpoint } = clients.context;
    return {
      ecr: this.ecr(scope),
      cli,
      tokens: this.tokens,
      tokenKey: [profile ?? '', region, endpoint ?? '', cli.executable].join('|'),
      registry: { region, account: async () => (await clients.callerIdentity(scope)).account, loopbackAllowed: isLoopbackEndpoint(endpoint) },
    };
  }

  /** One line to the "ECS Workbench: Image Push" output channel (already redacted by the CLI runner). */
  append(line: string): void {
    this.transcript.push(line);
    if (this.transcript.length > 20_000) this.transcript.splice(0, 10_000);
    this.channel ??= vscode.window.createOutputChannel('ECS Workbench: Image Push');
    this.channel.appendLine(line);
  }

  showLog(): void {
    this.channel?.show(true);
  }

  /** Everything written to the output channel so far. */
  log(): string {
    return this.transcript.join('\n');
  }

  /** An AbortController tracked until `done`: cancelAll() aborts it as the notification's Cancel does. */
  track(): { signal: AbortSignal; done(): void; abort(): void } {
    const controller = new AbortController();
    this.running.add(controller);
    return { signal: controller.signal, abort: () => controller.abort(), done: () => this.running.delete(controller) };
  }

  cancelAll(): number {
    const n = this.running.size;
    for (const c of this.running) c.abort();
    return n;
  }

  get inFlight(): number {
    return this.running.size;
  }

  dispose(): void {
    this.cancelAll();
    this.channel?.dispose();
  }
}
