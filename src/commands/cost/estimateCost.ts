/**
 * `ecsWorkbench.estimateCost`: what a task definition costs on Fargate (or its share of an EC2
 * container instance), per hour and per month, from the AWS Price List or the bundled snapshot.
 * From an argument object (no UI unless `open: true`), a revision node, the active task-definition
 * editor, or a family and revision picked.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { AwsScope } from '../../aws/clientManager';
import { describeEstimate } from '../../cost/estimate';
import type { TaskDefinitionCost } from '../../cost/estimator';
import { priceSnapshot } from '../../cost/snapshot';
import type { CapacityProviderName, EstimateCostResult } from '../../cost/types';
import { EcsReader } from '../../ecs/ecsReader';
import { loadTaskdef } from '../../editor/taskdefLoader';
import type { Services } from '../../services';
import { pickFamily, pickRevision } from '../../ui/ecsPickers';
import { isArgumentObject, readArgs } from '../../util/args';
import { nodeOf } from '../deploy/targets';
import { windowCostEstimator } from './estimators';
import { costMarkdown } from './report';

const COMMAND = 'ecsWorkbench.estimateCost';
const USAGE = '{ file?: string, definition?: object, taskDefinition?: string (family, family:revision or ARN) — one of the three, count?: integer, capacityProvider?: "FARGATE" | "FARGATE_SPOT", cluster?: string (EC2 launch type), open?: boolean }';
const CAPACITY_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'] as const;

/** Where the definition comes from and how to price it. */
interface Request {
  scope: AwsScope;
  source: { file: string } | { definition: unknown } | { taskDefinition: string } | { document: vscode.TextDocument };
  count: number;
  capacityProvider?: CapacityProviderName;
  cluster?: string;
  open: boolean;
}

export type EstimateCostCommandResult = EstimateCostResult & { uri?: string };

function requestOf(services: Services, arg: unknown): Promise<Request> | Request {
  if (isArgumentObject(arg)) {
    const args = readArgs(COMMAND, USAGE, arg, ['file', 'definition', 'taskDefinition', 'count', 'capacityProvider', 'cluster', 'open']);
    const given = ['file', 'definition', 'taskDefinition'].filter((m) => args.has(m));
    if (given.length !== 1) args.fail(given.length ? `give one of "file", "definition" or "taskDefinition", not ${given.map((g) => `"${g}"`).join(' and ')}` : 'give "file", "definition" or "taskDefinition"');
    if (args.has('definition') && (typeof arg.definition !== 'object' || arg.definition === null || Array.isArray(arg.definition))) args.fail('"definition" must be a task definition object');
    const source = args.has('file') ? { file: args.string('file') } : args.has('definition') ? { definition: arg.definition } : { taskDefinition: args.string('taskDefinition') };
    return {
      scope: services.clientManager.resolve(args.scope()),
      source,
      count: args.int('count', 0, 100_000, true) ?? 1,
      capacityProvider: args.oneOf('capacityProvider', CAPACITY_PROVIDERS),
      cluster: args.string('cluster', true),
      open: args.bool('open') ?? false,
    };
  }
  const node = nodeOf<{ arn: string }>(arg, 'taskDefinitionRevision');
  if (node) return { scope: node.resource?.scope ?? services.clientManager.resolve(), source: { taskDefinition: node.arn }, count: 1, open: true };
  const scope = services.clientManager.resolve();
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'ecs-task-definition') return { scope, source: { document: active }, count: 1, open: true };
  return (async () => {
    const family = await pickFamily(services.clientManager, scope, 'Estimate the cost of which task definition family?');
    return { scope, source: { taskDefinition: await pickRevision(services.clientManager, scope, family) }, count: 1, open: true };
  })();
}

async function parsedText(text: string, where: string): Promise<unknown> {
  const value = (await loadTaskdef()).parseJsonc(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where} is not a task definition: expected a JSON object with "containerDefinitions".`);
  return value;
}

/** The definition to price and the name the report gives it. */
async function definitionOf(services: Services, request: Request): Promise<{ definition: unknown; name: string }> {
  const source = request.source;
  if ('definition' in source) return { definition: source.definition, name: String((source.definition as { family?: unknown }).family ?? 'task definition') };
  if ('document' in source) return { definition: await parsedText(source.document.getText(), path.basename(source.document.fileName)), name: path.basename(source.document.fileName) };
  if ('file' in source) {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(source.file));
    } catch (error) {
      throw new Error(`${COMMAND}: cannot read ${source.file}: ${(error as Error).message}`);
    }
    return { definition: await parsedText(new TextDecoder().decode(bytes), source.file), name: path.basename(source.file) };
  }
  const out = await new EcsReader(services.clientManager, request.scope).taskDefinition(source.taskDefinition);
  return { definition: out.taskDefinition, name: out.taskDefinition?.taskDefinitionArn?.split('/').pop() ?? source.taskDefinition };
}

function familyOf(definition: unknown): string | undefined {
  const d = definition as { family?: unknown; taskDefinition?: { family?: unknown } } | undefined;
  const family = d?.family ?? d?.taskDefinition?.family;
  return typeof family === 'string' ? family : undefined;
}

function resultOf(cost: TaskDefinitionCost): EstimateCostResult {
  const e = cost.estimate;
  return { currency: e.currency, hourly: e.hourly, monthly: e.monthly, perTask: e.perTask, source: e.source, asOf: e.asOf, region: e.region, count: e.count, notes: e.notes, capacityProvider: e.capacityProvider, text: cost.text };
}

export async function estimateCostCommand(services: Services, arg: unknown): Promise<EstimateCostCommandResult> {
  const request = await requestOf(services, arg);
  const { definition, name } = await definitionOf(services, request);
  const estimator = windowCostEstimator(services);
  const cost = await estimator.estimateTaskDefinition(definition, request.scope, request.count, request.capacityProvider, { cluster: request.cluster });
  services.log.info(`${COMMAND}: ${name}: ${cost.text} (${cost.estimate.source}, ${cost.estimate.asOf})`);
  const result: EstimateCostCommandResult = resultOf(cost);
  if (!request.open) return result;
  const open = async () => {
    const editor = await services.documents.openText(`cost-${name.replace(/\.json$/i, '')}.md`, costMarkdown(name, cost, familyOf(definition), priceSnapshot().source), 'markdown');
    return editor.document.uri.toString();
  };
  if (isArgumentObject(arg)) {
    result.uri = await open();
  } else {
    // Palette and menus: the figure in a notification that does not block; the breakdown on request.
    void vscode.window.showInformationMessage(`${name}: ${describeEstimate(cost.estimate, cost.shape, { full: true })}`, 'Show Breakdown').then((choice) => (choice ? open() : undefined));
  }
  return result;
}
