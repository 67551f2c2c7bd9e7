import * as vscode from 'vscode';
import type { AwsScope } from '../../aws/clientManager';
import { validateRepositoryName } from '../../ecr/names';
import { whereText } from '../../ui/where';
import { RepositoryNode } from '../../explorer/ecr/repositoryNode';
import { registerCommand } from '../../ui/registerCommand';
import type { EcrRuntime } from './ecrRuntime';
import { pickRepository } from './targets';
import { isArgumentObject, readArgs } from '../../util/args';

const CREATE_ARGS = '{ name: string, tagMutability?: "MUTABLE" | "IMMUTABLE", scanOnPush?: boolean }';
const DELETE_ARGS = '{ name: string, force?: boolean }';

async function askNewRepository(): Promise<{ name: string; tagMutability: 'MUTABLE' | 'IMMUTABLE'; scanOnPush: boolean }> {
  const name = await vscode.window.showInputBox({
    title: 'Create ECR Repository',
    prompt: 'Repository name (lowercase; "/" for namespaces, e.g. team/api)',
    validateInput: (value) => validateRepositoryName(value.trim()),
  });
  if (!name) throw new vscode.CancellationError();
  const mutability = await vscode.window.showQuickPick(
    [
      { label: 'MUTABLE', description: 'tags can be moved to a new image (e.g. latest)' },
      { label: 'IMMUTABLE', description: 'a tag, once pushed, always names the same image' },
    ],
    { title: 'Tag mutability' },
  );
  if (!mutability) throw new vscode.CancellationError();
  const scan = await vscode.window.showQuickPick([{ label: 'Scan on push' }, { label: 'No scan on push' }], { title: 'Basic scanning' });
  if (!scan) throw new vscode.CancellationError();
  return { name: name.trim(), tagMutability: mutability.label as 'MUTABLE' | 'IMMUTABLE', scanOnPush: scan.label === 'Scan on push' };
}

export function registerRepositoryCommands(runtime: EcrRuntime): void {
  const { services } = runtime;

  registerCommand(services, 'ecsWorkbench.refreshEcr', (node?: unknown) => {
    runtime.provider.refresh(node instanceof RepositoryNode ? node : undefined);
  });

  registerCommand(services, 'ecsWorkbench.createRepository', async (arg?: unknown) => {
    let options: { name: string; tagMutability?: 'MUTABLE' | 'IMMUTABLE'; scanOnPush?: boolean };
    let scope = services.clientManager.resolve();
    if (isArgumentObject(arg)) {
      const args = readArgs('ecsWorkbench.createRepository', CREATE_ARGS, arg, ['name', 'tagMutability', 'scanOnPush']);
      scope = services.clientManager.resolve(args.scope());
      options = { name: args.string('name'), tagMutability: args.oneOf('tagMutability', ['MUTABLE', 'IMMUTABLE'] as const), scanOnPush: args.bool('scanOnPush') };
      const invalid = validateRepositoryName(options.name);
      if (invalid) args.fail(`invalid name "${options.name}": ${invalid}`);
    } else options = await askNewRepository();
    const repository = await runtime.ecr(scope).createRepository(options);
    runtime.provider.refresh();
    return {
      region: scope.region,
      name: repository.repositoryName,
      uri: repository.repositoryUri,
      arn: repository.repositoryArn,
      tagMutability: repository.imageTagMutability,
      scanOnPush: repository.imageScanningConfiguration?.scanOnPush ?? false,
    };
  });

  registerCommand(services, 'ecsWorkbench.deleteRepository', async (arg?: unknown) => {
    let name: string;
    let force: boolean;
    let scope: AwsScope = arg instanceof RepositoryNode ? arg.resource.scope : services.clientManager.resolve();
    const ecr = () => runtime.ecr(scope);
    if (isArgumentObject(arg)) {
      const args = readArgs('ecsWorkbench.deleteRepository', DELETE_ARGS, arg, ['name', 'force']);
      scope = services.clientManager.resolve(args.scope());
      name = args.string('name');
      force = args.bool('force') ?? false;
    } else {
      name = arg instanceof RepositoryNode ? arg.name : await pickRepository(runtime, scope, 'Delete ECR Repository');
      const where = await whereText(services.clientManager, scope);
      if (await ecr().hasImages(name)) {
        // A repository with images goes only when its name is typed, and then with force.
        const typed = await vscode.window.showInputBox({
          title: `Delete repository ${name} and all its images (${where})`,
          prompt: `"${name}" holds images. Deleting it deletes every image in it, for good. Type the repository name to confirm.`,
          validateInput: (value) => (value === name ? undefined : `Type ${name} to confirm`),
        });
        if (typed !== name) throw new vscode.CancellationError();
        force = true;
      } else {
        const choice = await vscode.window.showWarningMessage(`Delete the empty repository "${name}" (${where})?`, { modal: true }, 'Delete');
        if (choice !== 'Delete') throw new vscode.CancellationError();
        force = false;
      }
    }
    await ecr().deleteRepository(name, force);
    runtime.provider.refresh();
    return { name, deleted: true, force, region: scope.region };
  });
}
