import * as path from 'path';
import * as vscode from 'vscode';
import { ContainerCliError, gitShortSha } from '../../ecr/containerCli';
import { parseImageReference } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import { ImageNode } from '../../explorer/ecr/imageNode';
import { RepositoryNode } from '../../explorer/ecr/repositoryNode';
import { validateRepositoryName, validateTag } from '../../ecr/names';
import { buildAndPushImage, defaultTag, pushImage, type BuildAndPushRequest, type PushOptions, type PushRequest, type PushResult } from '../../ecr/push';
import { registerCommand } from '../../ui/registerCommand';
import type { EcrRuntime } from './ecrRuntime';
import { PushResultUi } from './pushResult';
import { pickRepository, refreshRepository, repositoryOfNode } from './targets';
import { isArgumentObject, readArgs } from '../../util/args';

const PUSH_ARGS = '{ image: string, repository: string, tag?: string, createRepository?: boolean }';
const BUILD_ARGS = '{ dockerfile: string, context?: string, platform?: string, repository: string, tag: string, createRepository?: boolean }';
const CREATE_NEW = '$(add) Create a new repository…';

/** A push request and where it goes (profile and region). */
type Scoped<R> = R & { scope: AwsScope };

function pushArgs(runtime: EcrRuntime, arg: unknown): Scoped<PushRequest> {
  const args = readArgs('ecsWorkbench.pushImage', PUSH_ARGS, arg, ['image', 'repository', 'tag', 'createRepository']);
  return { image: args.string('image'), repository: args.string('repository'), tag: args.string('tag', true), createRepository: args.bool('createRepository'), scope: runtime.services.clientManager.resolve(args.scope()) };
}

function buildArgs(runtime: EcrRuntime, arg: unknown): Scoped<BuildAndPushRequest> {
  const args = readArgs('ecsWorkbench.buildAndPushImage', BUILD_ARGS, arg, ['dockerfile', 'context', 'platform', 'repository', 'tag', 'createRepository']);
  const platform = args.string('platform', true);
  if (platform && !/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(platform)) args.fail('"platform" must look like linux/amd64');
  return {
    dockerfile: args.string('dockerfile'),
    context: args.string('context', true),
    platform,
    repository: args.string('repository'),
    tag: args.string('tag'),
    createRepository: args.bool('createRepository'),
    scope: runtime.services.clientManager.resolve(args.scope()),
  };
}

function workspaceFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

/** Repository from a node or a picker, with "create a new one" at the top. */
async function askRepository(runtime: EcrRuntime, arg: unknown, scope: AwsScope): Promise<{ repository: string; createRepository: boolean }> {
  const fromNode = repositoryOfNode(arg);
  if (fromNode) return { repository: fromNode, createRepository: false };
  const picked = await pickRepository(runtime, scope, 'Push to which ECR repository?', [{ label: CREATE_NEW }]);
  if (picked !== CREATE_NEW) return { repository: picked, createRepository: false };
  const name = await vscode.window.showInputBox({ title: 'New ECR repository', prompt: 'Repository name', validateInput: (v) => validateRepositoryName(v.trim()) });
  if (!name) throw new vscode.CancellationError();
  return { repository: name.trim(), createRepository: true };
}

async function askTag(localTag: string | undefined): Promise<string> {
  const sha = await gitShortSha(workspaceFolder() ?? process.cwd());
  const items: vscode.QuickPickItem[] = [];
  if (localTag) items.push({ label: localTag, description: 'the local tag' });
  if (sha) items.push({ label: sha, description: 'git short SHA of HEAD' });
  items.push({ label: 'latest' }, { label: '$(edit) Type a tag…' });
  const picked = await vscode.window.showQuickPick(items, { title: 'Tag in ECR' });
  if (!picked) throw new vscode.CancellationError();
  if (!picked.label.startsWith('$(')) return picked.label;
  const typed = await vscode.window.showInputBox({ title: 'Tag', prompt: 'Letters, digits, "_", "." and "-", up to 128 characters', validateInput: (v) => validateTag(v.trim()) });
  if (!typed) throw new vscode.CancellationError();
  return typed.trim();
}

/** The scope of a repository or image node, else the current one. */
function scopeOf(runtime: EcrRuntime, arg: unknown): AwsScope {
  return arg instanceof RepositoryNode || arg instanceof ImageNode ? arg.resource.scope : runtime.services.clientManager.resolve();
}

async function askPush(runtime: EcrRuntime, arg: unknown): Promise<Scoped<PushRequest>> {
  const scope = scopeOf(runtime, arg);
  const cli = runtime.cli();
  const images = cli.listImages().then((list) => list.filter((i) => !i.reference.startsWith('sha256:')).map((i) => ({ label: i.reference, description: [i.id.slice(0, 19), i.size, i.created].filter(Boolean).join(' · ') })));
  const picked = await vscode.window.showQuickPick(images, { title: `Push which local image? (${cli.executable} images)`, matchOnDescription: true });
  if (!picked) throw new vscode.CancellationError();
  const target = await askRepository(runtime, arg, scope);
  const tag = await askTag(parseImageReference(picked.label).tag);
  return { image: picked.label, ...target, tag, scope };
}

async function askBuild(runtime: EcrRuntime, arg: unknown): Promise<Scoped<BuildAndPushRequest>> {
  const scope = scopeOf(runtime, arg);
  const found = await vscode.workspace.findFiles('**/{Dockerfile,Containerfile,*.Dockerfile,Dockerfile.*}', '**/node_modules/**', 100);
  const browse = '$(folder-opened) Browse…';
  const pickedFile = await vscode.window.showQuickPick([...found.map((u) => vscode.workspace.asRelativePath(u)), browse], { title: 'Build which Dockerfile?' });
  if (!pickedFile) throw new vscode.CancellationError();
  let dockerfile: string;
  if (pickedFile === browse) {
    const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, title: 'Dockerfile' });
    if (!chosen?.[0]) throw new vscode.CancellationError();
    dockerfile = chosen[0].fsPath;
  } else dockerfile = found.find((u) => vscode.workspace.asRelativePath(u) === pickedFile)!.fsPath;
  const contextChoice = await vscode.window.showQuickPick(
    [{ label: path.dirname(dockerfile), description: "the Dockerfile's folder" }, ...(workspaceFolder() ? [{ label: workspaceFolder()!, description: 'the workspace folder' }] : [])],
    { title: 'Build context' },
  );
  if (!contextChoice) throw new vscode.CancellationError();
  const platform = await vscode.window.showQuickPick(
    [
      { label: 'linux/amd64', description: 'Fargate / EC2 x86_64 (also from an ARM laptop)' },
      { label: 'linux/arm64', description: 'Fargate / EC2 Graviton' },
      { label: 'engine default', description: "the machine's own architecture" },
    ],
    { title: 'Target platform' },
  );
  if (!platform) throw new vscode.CancellationError();
  const target = await askRepository(runtime, arg, scope);
  const tag = await askTag(undefined);
  return { dockerfile, context: contextChoice.label, platform: platform.label === 'engine default' ? undefined : platform.label, ...target, tag, scope };
}

/** Runs a push in a cancellable notification; the full log is in the output channel. */
async function withPushProgress(runtime: EcrRuntime, title: string, run: (options: PushOptions) => Promise<PushResult>): Promise<PushResult> {
  const tracked = runtime.track();
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      token.onCancellationRequested(() => tracked.abort());
      let reported = 0;
      return run({
        signal: tracked.signal,
        onStep: (step, message) => {
          if (step !== 'build') runtime.append(`[${step}] ${message}`);
          progress.report({ message });
        },
        onProgress: (p) => {
          const percent = p.total ? Math.floor((p.done / p.total) * 100) : 0;
          progress.report({ message: p.message, increment: Math.max(0, percent - reported) });
          reported = Math.max(reported, percent);
        },
      });
    });
  } catch (error) {
    if (error instanceof ContainerCliError && error.kind === 'cancelled') {
      runtime.append('[cancelled] the push was cancelled; the container CLI process was stopped.');
      throw new vscode.CancellationError();
    }
    if (error instanceof Error) runtime.append(`[failed] ${error.message}`);
    throw error;
  } finally {
    tracked.done();
  }
}

/** A failed interactive push: the message plus the action that fixes it. */
async function offerFix(runtime: EcrRuntime, error: ContainerCliError, retry: (createRepository: boolean) => Promise<unknown>): Promise<void> {
  const actions: Partial<Record<ContainerCliError['kind'], string>> = {
    'not-installed': 'Open Settings',
    'repository-missing': 'Create Repository and Push',
    'engine-down': 'Retry',
    network: 'Retry',
    'token-expired': 'Retry',
    auth: 'Retry',
  };
  const action = actions[error.kind];
  const choice = await vscode.window.showErrorMessage(error.message, ...(action ? [action] : []), 'Show Log');
  if (choice === 'Show Log') runtime.showLog();
  if (choice === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'ecsWorkbench.containerCli');
  if (choice === 'Retry') await retry(false);
  if (choice === 'Create Repository and Push') await retry(true);
}

export function registerPushCommands(runtime: EcrRuntime): void {
  const { services } = runtime;
  const results = new PushResultUi(runtime);
  services.context.subscriptions.push(results);

  const run = async <R extends Scoped<PushRequest | BuildAndPushRequest>>(
    arg: unknown,
    request: R,
    title: string,
    push: (request: R, options: PushOptions) => Promise<PushResult>,
  ): Promise<(PushResult & { region: string }) | undefined> => {
    try {
      const result = { ...(await withPushProgress(runtime, title, (options) => push(request, options))), region: request.scope.region };
      await refreshRepository(runtime, request.repository);
      if (!isArgumentObject(arg)) void results.offer(result, request.scope);
      return result;
    } catch (error) {
      if (isArgumentObject(arg) || !(error instanceof ContainerCliError)) throw error;
      void offerFix(runtime, error, (createRepository) => run(arg, { ...request, createRepository: createRepository || request.createRepository }, title, push));
      return undefined;
    }
  };

  registerCommand(services, 'ecsWorkbench.pushImage', async (arg?: unknown) => {
    const request = isArgumentObject(arg) ? pushArgs(runtime, arg) : await askPush(runtime, arg);
    const tag = request.tag ?? defaultTag(request.image);
    return run(arg, request, `Pushing ${request.image} to ${request.repository}:${tag}`, (r, o) => pushImage(runtime.pushDeps(r.scope), r, o));
  });

  registerCommand(services, 'ecsWorkbench.buildAndPushImage', async (arg?: unknown) => {
    const request = isArgumentObject(arg) ? buildArgs(runtime, arg) : await askBuild(runtime, arg);
    return run(arg, request, `Building and pushing ${request.repository}:${request.tag}`, (r, o) => buildAndPushImage(runtime.pushDeps(r.scope), r, o));
  });
}
