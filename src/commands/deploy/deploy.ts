import * as vscode from 'vscode';
import { parseImageReference, revisionLabel } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import { parseDeployArgs } from '../../deploy/args';
import { applyDeploy, HalfAppliedError, planDeploy, type DeployRequest, type DeployResult } from '../../deploy/deployFlow';
import { recentImages } from '../../ecr/recentImages';
import { diagnosticLine, validateDefinition, type ImageReplacement, type TaskdefCore } from '../../deploy/render';
import { changeLines } from '../../deploy/updatePlan';
import { loadTaskdef } from '../../editor/taskdefLoader';
import { confirm, input, pick } from '../../ui/input';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { DeployRevision } from './registerTaskDefinition';
import { offerRetry, report } from './report';
import { pointAt } from './sendUpdate';
import { serviceTarget, targetOf } from './targets';
import { withWatch } from './watchUi';

/** The image URI of a DeployImage: by shape, since it is created in another bundle (instanceof would not match). */
function justPushedImage(arg: unknown): string | undefined {
  const imageUri = !isArgumentObject(arg) && typeof arg === 'object' && arg !== null ? (arg as { imageUri?: unknown }).imageUri : undefined;
  return typeof imageUri === 'string' ? imageUri : undefined;
}

export interface DeployCommandResult {
  taskDefinitionArn: string;
  deploymentId: string;
  outcome: DeployResult['outcome'];
  reason?: string;
  region: string;
}

/**
 * Deploy: a task-definition file, a revision or the service's current one, optionally with one
 * container's image replaced → register → UpdateService → watch. With an argument object nothing is asked.
 */
export async function deploy(ui: DeployUi, arg: unknown): Promise<DeployCommandResult | undefined> {
  const core = await loadTaskdef();
  if (isArgumentObject(arg)) {
    const args = parseDeployArgs(arg);
    const target = targetOf(ui, args);
    const actions = ui.actions(target.scope);
    const file = args.file ? { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(args.file))), fileName: args.file } : undefined;
    const request: DeployRequest = { cluster: args.cluster, service: args.service, file, taskDefinition: args.taskDefinition, image: args.image };
    const plan = await planDeploy(actions, core, request);
    const result = await withWatch(ui, `Deploying ${args.service}`, target, args.wait, args.timeoutSeconds, (hooks) => applyDeploy(actions, target, plan, hooks));
    return summary(result, target.scope);
  }

  const revisionArg = arg instanceof DeployRevision ? arg : undefined;
  const target = await serviceTarget(ui, arg);
  const actions = ui.actions(target.scope);
  const service = await actions.describeService(target.cluster, target.service);
  const current = service.taskDefinition ?? '';
  const preset = revisionArg?.taskDefinitionArn;
  const request: DeployRequest = { cluster: target.cluster, service: target.service };
  const source = preset
    ? { taskDefinition: preset }
    : await pick<Partial<DeployRequest>>(
        [
          { label: `$(history) Current task definition (${revisionLabel(current)})`, description: 'redeploy it, or replace an image', value: {} },
          ...vscode.workspace.textDocuments
            .filter((d) => d.languageId === 'ecs-task-definition' && d.uri.scheme === 'file')
            .map((d) => ({ label: `$(file) ${vscode.workspace.asRelativePath(d.uri)}`, description: 'task-definition file (open)', value: { file: { text: d.getText(), fileName: d.uri.fsPath } } })),
          { label: '$(folder-opened) Task-definition file…', value: { file: undefined, taskDefinition: '__browse__' } },
        ],
        `Deploy to ${target.service}: what to deploy`,
      );
  if (source.taskDefinition === '__browse__') {
    const [uri] = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Task definition': ['json'] }, title: 'Task-definition file' })) ?? [];
    if (!uri) throw new vscode.CancellationError();
    request.file = { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), fileName: uri.fsPath };
  } else Object.assign(request, source);

  request.image = await pickImage(ui, core, request, current, target.scope, justPushedImage(arg));
  const plan = await planDeploy(actions, core, request);
  const warnings = plan.registration?.warnings ?? [];
  const detail = [...changeLines(plan), ...(warnings.length ? ['', `${warnings.length} warning(s):`, ...warnings.slice(0, 5).map(diagnosticLine)] : [])].join('\n');
  if (!(await confirm(`Deploy to service ${target.service} in cluster ${revisionLabel(target.cluster)} (${await ui.where(target.scope)})?`, detail, 'Deploy'))) return undefined;
  try {
    const result = await withWatch(ui, `Deploying ${target.service}`, target, true, undefined, (hooks) => applyDeploy(actions, target, plan, hooks));
    report(ui, target, result, pointAt(ui));
    return summary(result, target.scope);
  } catch (error) {
    if (error instanceof HalfAppliedError) offerRetry(ui, target, error, pointAt(ui));
    throw error;
  }
}

function summary(result: DeployResult, scope: AwsScope): DeployCommandResult {
  return { taskDefinitionArn: result.taskDefinitionArn, deploymentId: result.deploymentId, outcome: result.outcome, reason: result.reason, region: scope.region };
}

/** Optionally replace one container's image, offering the image just pushed, then the newest pushes of its ECR repository. */
async function pickImage(ui: DeployUi, core: TaskdefCore, request: DeployRequest, current: string, scope: AwsScope, justPushed?: string): Promise<ImageReplacement | undefined> {
  let containers: { name?: string; image?: string }[];
  if (request.file) {
    // Validated before it is read: a comment or a syntax error is refused with its position, as Register does.
    validateDefinition(request.file.text, core, request.file.fileName);
    const parsed = JSON.parse(request.file.text);
    containers = (parsed.taskDefinition ?? parsed).containerDefinitions ?? [];
  } else {
    containers = (await ui.actions(scope).describeTaskDefinition(request.taskDefinition ?? current)).taskDefinition?.containerDefinitions ?? [];
  }
  // The container running the pushed repository comes first: that is the one to replace.
  const matching = justPushed ? containers.filter((c) => parseImageReference(c.image ?? '').name === parseImageReference(justPushed).name) : [];
  const ordered = [...matching, ...containers.filter((c) => !matching.includes(c))];
  const replace = ordered.map((c) => ({ label: `$(package) Replace the image of ${c.name}`, description: c.image, detail: matching.includes(c) ? `with ${justPushed}` : undefined, value: c as { name?: string; image?: string } | undefined }));
  const keep = { label: '$(check) Keep the images as they are', description: undefined, detail: undefined, value: undefined };
  const container = await pick(justPushed ? [...replace, keep] : [keep, ...replace], 'Image');
  if (!container?.name) return undefined;
  const images = await recentImages(ui.clients, container.image ?? '', scope).catch(() => []);
  const uri = await pick<string | undefined>(
    [
      ...(justPushed ? [{ label: `$(cloud-upload) ${justPushed.slice(justPushed.lastIndexOf('/') + 1)}`, description: 'just pushed', detail: justPushed, value: justPushed }] : []),
      ...images.filter((i) => i.uri !== justPushed).map((i, index) => ({ label: i.uri.slice(i.uri.lastIndexOf('/') + 1), description: [index === 0 ? 'newest push' : '', i.tags.join(', '), i.pushedAt?.toISOString().slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · '), detail: i.uri, value: i.uri })),
      { label: '$(edit) Enter an image URI…', value: undefined },
    ],
    `New image for ${container.name}`,
  );
  return { container: container.name, uri: uri ?? (await input(`Image URI for ${container.name}`, { value: container.image, validate: (v) => (v.trim() ? undefined : 'An image URI') })).trim() };
}
