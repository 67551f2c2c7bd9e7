// Create Express Service… — in its own bundle (dist/express-actions.js), required on first use
// through loader.ts. ECS Express Mode: an image, a port and two roles give a service with a URL
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-create-full.html).
import * as vscode from 'vscode';
import type { AwsScope } from '../../aws/clientManager';
import { resourceName } from '../../aws/arn';
import { EcrService } from '../../ecr/ecrService';
import {
  createExpressRequest, EXPRESS_TASK_SIZES, expressUrl, healthCheckPathProblem, parseCreateExpressArgs, roleArnProblem, SCALING_METRICS, serviceNameProblem,
  type ExpressCreateArgs, type ExpressCreateResult, type ScalingMetric,
} from '../../ecs/express';
import { ExpressService } from '../../ecs/expressService';
import type { Services } from '../../services';
import { confirm, input, integerInput, pick } from '../../ui/input';
import { pickCluster } from '../../ui/ecsPickers';
import { runSteps, type Step } from '../../ui/steps';
import { whereText } from '../../ui/where';
import { isArgumentObject } from '../../util/args';
import { nodeOf } from '../deploy/targets';
import { pickRole } from '../../ui/rolePicker';

type State = Omit<ExpressCreateArgs, 'scope' | 'wait'> & { scope: AwsScope; typeImage: boolean };

const METRIC_WORDS: Record<ScalingMetric, string> = { AVERAGE_CPU: 'Average CPU utilization (%)', AVERAGE_MEMORY: 'Average memory utilization (%)', REQUEST_COUNT_PER_TARGET: 'Requests per target (per minute)' };

function steps(services: Services, clusterKnown: boolean): Step<State>[] {
  const clients = services.clientManager;
  return [
    {
      title: 'Image',
      ask: async (view, s) => {
        const repos = await new EcrService(clients, s.scope).repositories({ limit: 1000 }).then((r) => r.items).catch(() => []);
        const rows = repos.map((r) => ({ label: r.repositoryName ?? '', description: `${r.repositoryUri}:latest`, value: `${r.repositoryUri}:latest` as string | undefined }));
        const picked = await pick([{ label: '$(edit) Enter an image URI…', value: undefined as string | undefined }, ...rows], view, repos.length ? 'An ECR repository (its latest tag), or type a URI' : 'No ECR repositories here: type an image URI');
        s.typeImage = picked === undefined;
        if (picked) s.image = picked;
      },
    },
    {
      title: 'Image URI',
      when: (s) => s.typeImage,
      ask: async (view, s) => {
        s.image = (await input(view, { value: s.image, prompt: 'e.g. public.ecr.aws/nginx/nginx:latest', validate: (v) => (v.trim() && !/\s/.test(v.trim()) ? undefined : 'An image URI, without spaces') })).trim();
      },
    },
    { title: 'Container port', ask: async (view, s) => void (s.containerPort = await integerInput(view, s.containerPort, 1, 65535, 'The port your container listens on')) },
    {
      title: 'Task execution role',
      ask: async (view, s) => void (s.executionRoleArn = await pickRole(clients, s.scope, 'ecs-tasks.amazonaws.com', view, 'Lets ECS pull the image and write logs (AmazonECSTaskExecutionRolePolicy)')),
    },
    {
      title: 'Infrastructure role',
      ask: async (view, s) => void (s.infrastructureRoleArn = await pickRole(clients, s.scope, 'ecs.amazonaws.com', view, 'Lets ECS create the load balancer, security groups and scaling (AmazonECSInfrastructureRoleforExpressGatewayServices)')),
    },
    {
      title: 'Health check path',
      ask: async (view, s) => void (s.healthCheckPath = (await input(view, { value: s.healthCheckPath ?? '/', prompt: 'The path the load balancer checks', validate: healthCheckPathProblem })).trim()),
    },
    {
      title: 'CPU and memory',
      ask: async (view, s) => {
        const rows = Object.entries(EXPRESS_TASK_SIZES).flatMap(([cpu, mems]) => mems.map((m) => ({ label: `${Number(cpu) / 1024} vCPU, ${m / 1024} GB`, description: `${cpu} CPU units, ${m} MiB`, value: [cpu, String(m)] as [string, string] })));
        const preferred = rows.findIndex((r) => r.value[0] === '1024' && r.value[1] === '2048');
        const [cpu, memory] = await pick([rows[preferred], ...rows.filter((_, i) => i !== preferred)], view, 'Fargate task size');
        s.cpu = cpu;
        s.memory = memory;
      },
    },
    { title: 'Minimum tasks', ask: async (view, s) => void (s.minTasks = await integerInput(view, s.minTasks ?? 1, 1, 5000, 'The fewest tasks auto scaling keeps running')) },
    { title: 'Maximum tasks', ask: async (view, s) => void (s.maxTasks = await integerInput(view, s.maxTasks ?? Math.max(20, s.minTasks ?? 1), s.minTasks ?? 1, 5000, 'The most tasks auto scaling starts')) },
    {
      title: 'Scaling metric',
      ask: async (view, s) => void (s.scalingMetric = await pick(SCALING_METRICS.map((m) => ({ label: METRIC_WORDS[m], description: m, value: m })), view)),
    },
    {
      title: 'Scaling target value',
      ask: async (view, s) => void (s.scalingTarget = await integerInput(view, s.scalingTarget ?? (s.scalingMetric === 'REQUEST_COUNT_PER_TARGET' ? 1000 : 60), 1, 1_000_000, `Target ${METRIC_WORDS[s.scalingMetric ?? 'AVERAGE_CPU']}`)),
    },
    {
      title: 'Cluster',
      when: () => !clusterKnown,
      ask: async (view, s) => {
        const choice = await pick([{ label: 'default', description: 'created if it does not exist', value: 'default' }, { label: '$(list-selection) Another cluster…', value: '' }], view);
        s.cluster = choice || (await pickCluster(clients, s.scope, view));
      },
    },
    { title: 'Service name', ask: async (view, s) => void (s.serviceName = (await input(view, { value: s.serviceName, prompt: 'Letters, numbers, hyphens and underscores', validate: (v) => serviceNameProblem(v.trim()) })).trim()) },
  ];
}

function summary(s: Omit<ExpressCreateArgs, 'scope' | 'wait'>): string {
  return [
    `Image: ${s.image} (port ${s.containerPort})`,
    `Task size: ${s.cpu ?? 'default'} CPU units, ${s.memory ?? 'default'} MiB`,
    `Health check: ${s.healthCheckPath ?? '/'}`,
    `Scaling: ${s.minTasks ?? 1}–${s.maxTasks ?? 'default'} tasks on ${s.scalingMetric ?? 'AVERAGE_CPU'} at ${s.scalingTarget ?? 'default'}`,
    `Execution role: ${s.executionRoleArn}`,
    `Infrastructure role: ${s.infrastructureRoleArn}`,
    'ECS creates and manages a load balancer, listener rule, target group, security groups, auto scaling and a log group for it.',
  ].join('\n');
}

/** From the palette, a region or cluster node (its scope), or an argument object (no UI). */
export async function createExpressServiceCommand(services: Services, arg: unknown): Promise<ExpressCreateResult | undefined> {
  let args: ExpressCreateArgs;
  let scope: AwsScope;
  const interactive = !isArgumentObject(arg);
  if (!interactive) {
    args = parseCreateExpressArgs(arg as Record<string, unknown>);
    scope = services.clientManager.resolve(args.scope);
  } else {
    const cluster = nodeOf<{ cluster: { clusterName?: string }; scope: AwsScope }>(arg, 'cluster');
    const region = nodeOf<{ scope: AwsScope }>(arg, 'region');
    scope = cluster?.scope ?? region?.scope ?? services.clientManager.resolve();
    const state = await runSteps<State>('Create Express Service', steps(services, Boolean(cluster)), {
      scope, typeImage: false, image: '', containerPort: 80, executionRoleArn: '', infrastructureRoleArn: '', serviceName: '', cluster: cluster?.cluster.clusterName,
    });
    const where = await whereText(services.clientManager, scope);
    const question = `Create Express service ${state.serviceName} in cluster ${state.cluster ?? 'default'} (${where})?`;
    if (!(await confirm(question, summary(state), 'Create'))) return undefined;
    args = { ...state, scope };
  }
  for (const [name, value] of [['executionRoleArn', args.executionRoleArn], ['infrastructureRoleArn', args.infrastructureRoleArn]] as const) {
    const problem = roleArnProblem(value);
    if (problem) throw new Error(`${name} must be ${problem}.`);
  }
  const express = new ExpressService(services.clientManager, scope);
  const created = await express.create(createExpressRequest(args));
  const serviceArn = created.serviceArn!;
  services.log.info(`createExpressService: created ${serviceArn}`);
  const cluster = args.cluster ?? 'default';
  void vscode.commands.executeCommand('ecsWorkbench.refresh');
  if (args.wait === false) return { serviceArn, url: expressUrl(created) };
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Express service ${args.serviceName}`, cancellable: true }, (progress, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    return express.waitSettled(serviceArn, {
      intervalMs: 3000, timeoutMs: 20 * 60_000, signal: abort.signal,
      onProgress: (s) => progress.report({ message: `${s.rows.filter((r) => r.status === 'ACTIVE').length}/${s.rows.length} managed resources active, ${s.service?.runningCount ?? 0}/${s.service?.desiredCount ?? 0} tasks running` }),
    });
  });
  const url = result.url ?? expressUrl(created);
  if (interactive) void announce(services, args.serviceName, cluster, result.outcome, url);
  return { serviceArn, url };
}

async function announce(services: Services, name: string, cluster: string, outcome: string, url: string | undefined): Promise<void> {
  const words = outcome === 'steady' ? 'is running' : outcome === 'failed' ? 'failed to start: see its events and managed resources in the explorer' : outcome === 'cancelled' ? 'is still starting (watch stopped)' : 'is still starting after 20 minutes';
  const message = `Express service ${name} (cluster ${resourceName(cluster)}) ${words}${url ? `: ${url}` : ''}`;
  const actions = url ? ['Open URL', 'Copy URL'] : [];
  const choice = outcome === 'failed' ? await vscode.window.showErrorMessage(message, ...actions) : await vscode.window.showInformationMessage(message, ...actions);
  if (choice === 'Open URL' && url) await vscode.env.openExternal(vscode.Uri.parse(url));
  if (choice === 'Copy URL' && url) await vscode.env.clipboard.writeText(url);
  services.log.info(`createExpressService: ${message}`);
}
