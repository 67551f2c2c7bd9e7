import * as vscode from 'vscode';
import { revisionLabel } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import { parseDeployArgs } from '../../deploy/args';
import { applyDeploy, HalfAppliedError, planDeploy, type DeployRequest, type DeployResult } from '../../deploy/deployFlow';
import { diagnosticLine, type TaskdefCore } from '../../deploy/render';
import { deployQuestion, findingsRefusal, seriousFindings } from '../../ecr/imageChoice';
import { scanOfImage, type ImageScan } from '../../ecr/recentImages';
import { changeLines } from '../../deploy/updatePlan';
import { loadTaskdef } from '../../editor/taskdefLoader';
import { confirm, pick } from '../../ui/input';
import { runSteps, type Step } from '../../ui/steps';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { imageSteps, justPushedImage, type ImageState } from './imagePicker';
import { DeployRevision } from './registerTaskDefinition';
import { notifyIfPaused, offerRetry, report } from './report';
import { pointAt } from './sendUpdate';
import { serviceState, serviceSteps, targetOf, targetOfState, type ServiceState } from './targets';
import { serviceDeploymentResult, withWatch, type ServiceDeploymentResult } from './watchUi';

export interface DeployCommandResult extends ServiceDeploymentResult {
  taskDefinitionArn: string;
  deploymentId: string;
  outcome: DeployResult['outcome'];
  reason?: string;
  region: string;
  /** For a CODE_DEPLOY service: the CodeDeploy deployment. */
  codeDeployDeploymentId?: string;
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
    // No one to ask: an image with CRITICAL or HIGH findings is refused unless the caller allows it.
    const warning = args.image && !args.allowFindings ? await findingsOf(ui, args.image.uri, target.scope) : undefined;
    if (warning) throw new Error(findingsRefusal('deploy', warning));
    const plan = await planDeploy(actions, core, request);
    const result = await withWatch(ui, `Deploying ${args.service}`, target, args.wait, args.timeoutSeconds, (hooks) => applyDeploy(actions, target, plan, hooks));
    notifyIfPaused(ui, target, result);
    return summary(result, target.scope);
  }

  const revisionArg = arg instanceof DeployRevision ? arg : undefined;
  const initial: DeployState = { ...serviceState(ui, arg), preset: revisionArg?.taskDefinitionArn, source: {}, current: '', typeUri: false };
  const state = await runSteps('Deploy', deploySteps(ui, core, justPushedImage(arg)), initial);
  const target = targetOfState(state);
  const actions = ui.actions(target.scope);
  const request: DeployRequest = { cluster: target.cluster, service: target.service, ...(state.preset ? { taskDefinition: state.preset } : state.source) };
  if (state.container?.name && state.uri) request.image = { container: state.container.name, uri: state.uri.trim() };
  const findings = request.image ? await findingsOf(ui, request.image.uri, target.scope, state.scan) : undefined;
  const plan = await planDeploy(actions, core, request);
  const warnings = plan.registration?.warnings ?? [];
  const detail = [...changeLines(plan), ...(warnings.length ? ['', `${warnings.length} warning(s):`, ...warnings.slice(0, 5).map(diagnosticLine)] : [])].join('\n');
  if (!(await confirm(deployQuestion(target, await ui.where(target.scope), findings), detail, findings ? 'Deploy Anyway' : 'Deploy'))) return undefined;
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
  return { taskDefinitionArn: result.taskDefinitionArn, deploymentId: result.deploymentId, outcome: result.outcome, reason: result.reason, region: scope.region, codeDeployDeploymentId: result.codeDeployDeploymentId, ...serviceDeploymentResult(result) };
}

/** What the Deploy steps ask, as they answer it. */
interface DeployState extends ServiceState, ImageState {}

/**
 * Cluster → service → what → image [→ new image → typed URI]: the image just pushed is offered
 * first, then the newest pushes of the container's ECR repository.
 */
function deploySteps(ui: DeployUi, core: TaskdefCore, pushed: ReturnType<typeof justPushedImage>): Step<DeployState>[] {
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
    ...imageSteps<DeployState>(ui, core, pushed),
  ];
}

/**
 * `demo/web:2.1 has 2 CRITICAL and 5 HIGH findings`, from the scan the picker showed or from ECR.
 * An image whose scan cannot be read (another registry, no ecr:DescribeImages, not scanned) has none.
 */
async function findingsOf(ui: DeployUi, uri: string, scope: AwsScope, known?: ImageScan): Promise<string | undefined> {
  const scan = known ?? (await scanOfImage(ui.clients, uri, scope).catch(() => undefined));
  return seriousFindings(uri, scan);
}
