import * as vscode from 'vscode';
import { parseImageReference, revisionLabel } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import { parseDeployArgs } from '../../deploy/args';
import { applyDeploy, HalfAppliedError, planDeploy, type DeployRequest, type DeployResult } from '../../deploy/deployFlow';
import { recentImages } from '../../ecr/recentImages';
import { diagnosticLine, validateDefinition, type TaskdefCore } from '../../deploy/render';
import { changeLines } from '../../deploy/updatePlan';
import { loadTaskdef } from '../../editor/taskdefLoader';
import { confirm, input, pick } from '../../ui/input';
import { runSteps, type Step } from '../../ui/steps';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { DeployRevision } from './registerTaskDefinition';
import { offerRetry, report } from './report';
import { pointAt } from './sendUpdate';
import { serviceState, serviceSteps, targetOf, targetOfState, type ServiceState } from './targets';
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
  const initial: DeployState = { ...serviceState(ui, arg), preset: revisionArg?.taskDefinitionArn, source: {}, current: '', typeUri: false };
  const state = await runSteps('Deploy', deploySteps(ui, core, justPushedImage(arg)), initial);
  const target = targetOfState(state);
  const actions = ui.actions(target.scope);
  const request: DeployRequest = { cluster: target.cluster, service: target.service, ...(state.preset ? { taskDefinition: state.preset } : state.source) };
  if (state.container?.name && state.uri) request.image = { container: state.container.name, uri: state.uri.trim() };
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

/** What the Deploy steps ask, as they answer it. */
interface DeployState extends ServiceState {
  /** A revision handed over (Register's *Deploy…*): the "what" step is left out. */
  preset?: string;
  /** The file or revision to deploy; `{}` is the service's current task definition. */
  source: Pick<DeployRequest, 'file' | 'taskDefinition'>;
  /** The service's task definition, read when the "what" step is shown. */
  current: string;
  /** The container whose image is replaced (none: keep the images). */
  container?: { name?: string; image?: string };
  uri?: string;
  /** "Enter an image URI…" was picked: one more step types it. */
  typeUri: boolean;
}

/**
 * Cluster → service → what → image [→ new image → typed URI]: the image just pushed is offered
 * first, then the newest pushes of the container's ECR repository.
 */
function deploySteps(ui: DeployUi, core: TaskdefCore, justPushed: string | undefined): Step<DeployState>[] {
  return [
    ...serviceSteps<DeployState>(ui),
    {
      title: (s) => `What to deploy to ${s.service}`,
      when: (s) => !s.preset,
      ask: async (view, s) => {
        s.current = (await ui.actions(s.scope).describeService(s.cluster, s.service)).taskDefinition ?? '';
        const source = await pick<Partial<DeployRequest> | 'browse'>(
          [
            { label: `$(history) Current task definition (${revisionLabel(s.current)})`, description: 'redeploy it, or replace an image', value: {} },
            ...vscode.workspace.textDocuments
              .filter((d) => d.languageId === 'ecs-task-definition' && d.uri.scheme === 'file')
              .map((d) => ({ label: `$(file) ${vscode.workspace.asRelativePath(d.uri)}`, description: 'task-definition file (open)', value: { file: { text: d.getText(), fileName: d.uri.fsPath } } })),
            { label: '$(folder-opened) Task-definition file…', value: 'browse' },
          ],
          view,
        );
        if (source !== 'browse') return void (s.source = source);
        const [uri] = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Task definition': ['json'] }, title: 'Task-definition file' })) ?? [];
        if (!uri) throw new vscode.CancellationError();
        s.source = { file: { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), fileName: uri.fsPath } };
      },
    },
    {
      title: 'Image',
      ask: async (view, s) => {
        const containers = await containersOf(ui, core, s.source.file, s.preset ?? s.source.taskDefinition ?? s.current, s.scope);
        // The container running the pushed repository comes first: that is the one to replace.
        const matching = justPushed ? containers.filter((c) => parseImageReference(c.image ?? '').name === parseImageReference(justPushed).name) : [];
        const ordered = [...matching, ...containers.filter((c) => !matching.includes(c))];
        const replace = ordered.map((c) => ({ label: `$(package) Replace the image of ${c.name}`, description: c.image, detail: matching.includes(c) ? `with ${justPushed}` : undefined, value: c as DeployState['container'] }));
        const keep = { label: '$(check) Keep the images as they are', description: undefined, detail: undefined, value: undefined };
        s.container = await pick(justPushed ? [...replace, keep] : [keep, ...replace], view);
      },
    },
    {
      title: (s) => `New image for ${s.container?.name}`,
      when: (s) => Boolean(s.container?.name),
      ask: async (view, s) => {
        const images = await recentImages(ui.clients, s.container?.image ?? '', s.scope).catch(() => []);
        s.uri = await pick<string | undefined>(
          [
            ...(justPushed ? [{ label: `$(cloud-upload) ${justPushed.slice(justPushed.lastIndexOf('/') + 1)}`, description: 'just pushed', detail: justPushed, value: justPushed }] : []),
            ...images.filter((i) => i.uri !== justPushed).map((i, index) => ({ label: i.uri.slice(i.uri.lastIndexOf('/') + 1), description: [index === 0 ? 'newest push' : '', i.tags.join(', '), i.pushedAt?.toISOString().slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · '), detail: i.uri, value: i.uri })),
            { label: '$(edit) Enter an image URI…', value: undefined },
          ],
          view,
        );
        s.typeUri = s.uri === undefined;
      },
    },
    {
      title: (s) => `Image URI for ${s.container?.name}`,
      when: (s) => Boolean(s.container?.name) && s.typeUri,
      ask: async (view, s) => void (s.uri = await input(view, { value: s.container?.image, validate: (v) => (v.trim() ? undefined : 'An image URI') })),
    },
  ];
}

/** The containers of a file (validated first: a comment or a syntax error is refused with its position, as Register does) or a revision. */
async function containersOf(ui: DeployUi, core: TaskdefCore, file: DeployRequest['file'], taskDefinition: string, scope: AwsScope): Promise<{ name?: string; image?: string }[]> {
  if (file) {
    validateDefinition(file.text, core, file.fileName);
    const parsed = JSON.parse(file.text);
    return (parsed.taskDefinition ?? parsed).containerDefinitions ?? [];
  }
  return (await ui.actions(scope).describeTaskDefinition(taskDefinition)).taskDefinition?.containerDefinitions ?? [];
}
