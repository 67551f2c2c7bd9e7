/**
 * A stopped task's cause said in full: a summary in plain words and what to do, from what ECS
 * recorded and what explain.ts read beside it (the task definition the task ran, the service's
 * events and target groups, the ECR repository's tags). Pure: unit-tested from recorded shapes.
 */
import type { ecs } from '../aws/sdk';
import { explainExitCode } from './exitCodes';
import { causeOfTask, CAUSES, culpritContainer, exitCodesOf, guideUrl, unhealthyEvent, unplaceableSince, type StopCause } from './stopCause';

export interface TargetGroupFacts {
  arn: string;
  name?: string;
  protocol?: string;
  port?: number;
  healthCheckPath?: string;
  healthCheckPort?: string;
  matcher?: string;
}

export interface StopFacts {
  task: ecs.Task;
  taskDefinition?: ecs.TaskDefinition;
  /** The service's events, newest first (DescribeServices). */
  events?: ecs.ServiceEvent[];
  service?: ecs.Service;
  targetGroups?: TargetGroupFacts[];
  /** The task definition the service now runs, when its replacement is what could not be placed. */
  replacementTaskDefinition?: ecs.TaskDefinition;
  /** The tags of the ECR repository of an image that could not be pulled, when it is in this account. */
  repositoryTags?: string[];
}

export interface Diagnosis {
  cause: StopCause;
  /** The cause in a few plain words. */
  words: string;
  summary: string;
  fixes: string[];
  exitCodes: Record<string, number>;
  /** The container whose last log lines tell most (the essential one that exited). */
  container?: string;
  docUrl: string;
}

export function diagnose(f: StopFacts): Diagnosis {
  const events = f.events ?? [];
  const cause = causeOfTask(f.task, events);
  const container = culpritContainer(f.task, f.taskDefinition);
  const text = TEXTS[cause](f, container);
  return { cause, words: CAUSES[cause].words, ...text, exitCodes: exitCodesOf(f.task), container, docUrl: guideUrl(cause) };
}

type Text = { summary: string; fixes: string[] };

function def(f: StopFacts, name: string | undefined): ecs.ContainerDefinition | undefined {
  return f.taskDefinition?.containerDefinitions?.find((c) => c.name === name);
}

function reasonOf(f: StopFacts): string {
  return [f.task.stoppedReason, ...(f.task.containers ?? []).map((c) => c.reason)].find((r) => r && /Error/.test(r)) ?? f.task.stoppedReason ?? '';
}

const TEXTS: Record<StopCause, (f: StopFacts, container?: string) => Text> = {
  'image-pull': (f, name) => {
    const reason = reasonOf(f);
    const image = def(f, name)?.image ?? f.task.containers?.find((c) => c.name === name)?.image ?? 'the image';
    if (/not found|manifest unknown|does not exist/i.test(reason)) {
      const tags = f.repositoryTags;
      const known = tags ? (tags.length ? ` The repository has: ${tags.slice(0, 10).join(', ')}${tags.length > 10 ? ` and ${tags.length - 10} more` : ''}.` : ' The repository has no tagged images.') : '';
      return { summary: `ECS could not pull ${image}: that tag (or repository) does not exist.${known}`, fixes: ['Push the image with that tag, or deploy a tag that exists.', 'Check the image URI in the task definition (registry, repository name and tag).'] };
    }
    if (/timeout|dial tcp|deadline|no route|connection refused|i\/o/i.test(reason)) {
      return { summary: `ECS could not reach the registry to pull ${image}: the task has no network route to it.`, fixes: ['In a public subnet, turn on assignPublicIp (Fargate) so the task reaches ECR.', 'In a private subnet, route to a NAT gateway, or add VPC endpoints for ECR (com.amazonaws.<region>.ecr.api, ecr.dkr) and an S3 gateway endpoint.', 'Let the security group send HTTPS (443) out.'] };
    }
    if (/denied|not authorized|unauthorized|403|forbidden/i.test(reason)) {
      return { summary: `ECS was refused the image ${image}: the task execution role may not pull it.`, fixes: ['Give the task execution role ecr:GetAuthorizationToken, ecr:BatchGetImage and ecr:GetDownloadUrlForLayer (the AmazonECSTaskExecutionRolePolicy managed policy).', 'For a repository in another account, allow this account in its repository policy.', 'For a private registry, set repositoryCredentials to a secret the execution role may read.'] };
    }
    return { summary: `ECS could not pull ${image}.`, fixes: ['Check the image URI, that the tag exists, the network route to the registry and the execution role.'] };
  },
  'secrets-or-registry-auth': (f) => {
    const reason = reasonOf(f);
    const secret = /(arn:aws[\w-]*:(secretsmanager|ssm):[^\s]+)/.exec(reason)?.[1];
    const role = f.taskDefinition?.executionRoleArn ?? 'the task execution role';
    if (/log group does not exist|create stream|logger/i.test(reason)) {
      return { summary: 'ECS could not set up the task\'s logging: its awslogs log group does not exist.', fixes: ['Create the log group named in awslogs-group, or set awslogs-create-group to "true" (the execution role then needs logs:CreateLogGroup).'] };
    }
    return {
      summary: `ECS could not read ${secret ? `the secret ${secret}` : 'a secret or the registry login'} before starting the task.`,
      fixes: [
        `Let ${role} read it: secretsmanager:GetSecretValue or ssm:GetParameters on that ARN${/kms/i.test(reason) ? ', and kms:Decrypt on its key' : ' (and kms:Decrypt if it uses a customer managed KMS key)'}.`,
        'Check that the secret or parameter exists in that region and the ARN in valueFrom is right.',
        'Make sure the task can reach Secrets Manager / SSM: public IP, NAT gateway or VPC endpoints.',
      ],
    };
  },
  'out-of-memory': (f, name) => {
    const d = def(f, name);
    const limit = d?.memory ? `${d.memory} MiB (its memory limit)` : d?.memoryReservation ? `its ${d.memoryReservation} MiB reservation and no hard limit` : 'no container limit';
    return {
      summary: `Container ${name} was killed for using more memory than it may: ${limit}; the task has ${f.task.memory ?? f.taskDefinition?.memory ?? '?'} MiB. It exited ${exitCodesOf(f.task)[name ?? ''] ?? 137}.`,
      fixes: ['Raise the container\'s memory (and the task\'s memory) in the task definition.', 'Look for a leak: memory climbing in the log lines below, or in CloudWatch MemoryUtilization.', 'Cap the runtime\'s heap below the limit (e.g. NODE_OPTIONS=--max-old-space-size, -Xmx).'],
    };
  },
  'essential-container-exit': (f, name) => {
    const code = name === undefined ? undefined : exitCodesOf(f.task)[name];
    const d = def(f, name);
    const command = [...(d?.entryPoint ?? []), ...(d?.command ?? [])].join(' ');
    const fixes = code === 127 || code === 126
      ? [`Check the command${command ? ` (${command})` : ''} and entry point: they must exist in the image and be executable.`, 'Build the image for the platform the task runs (linux/amd64 or arm64).']
      : code === 139 ? ['Check that the image was built for the task\'s CPU architecture (runtimePlatform).', 'Look for a native module or binary that crashes; the log lines below show its last output.']
        : code === 0 ? ['A service task must keep running: check that the process does not end (a foreground process, not a daemon).']
          : ['Read the log lines below for the error, fix it, and deploy again.', 'Run the image locally with the same environment to reproduce it.'];
    return { summary: `Essential container ${name ?? '?'} ${code === undefined ? 'stopped' : explainExitCode(code)}. When an essential container stops, ECS stops the whole task.`, fixes };
  },
  'container-health-check': (f) => {
    const sick = (f.task.containers ?? []).find((c) => c.healthStatus === 'UNHEALTHY') ?? f.task.containers?.[0];
    const hc = def(f, sick?.name)?.healthCheck;
    const how = hc ? ` Its health check runs ${JSON.stringify((hc.command ?? []).join(' '))} every ${hc.interval ?? 30} s (timeout ${hc.timeout ?? 5} s, ${hc.retries ?? 3} retries, start period ${hc.startPeriod ?? 0} s).` : '';
    return {
      summary: `Container ${sick?.name ?? '?'} failed its container health check, so ECS replaced the task.${how}`,
      fixes: ['Run the health check command in the container yourself: it must exit 0 (curl or wget must exist in the image).', 'Give the application time to start: a longer startPeriod.', 'Check what the application\'s health endpoint depends on (the log lines below).'],
    };
  },
  'load-balancer-health-check': (f) => {
    const ev = unhealthyEvent(f.task, f.events ?? []);
    const tgArn = ev?.targetGroupArn ?? /\(target-group ([^)]+)\)/.exec(f.task.stoppedReason ?? '')?.[1];
    const tg = f.targetGroups?.find((g) => g.arn === tgArn);
    const lb = f.service?.loadBalancers?.find((l) => l.targetGroupArn === tgArn);
    const checkPort = tg?.healthCheckPort === 'traffic-port' || !tg?.healthCheckPort ? `the traffic port${lb?.containerPort ? ` (the container's ${lb.containerPort})` : ''}` : `port ${tg.healthCheckPort}`;
    const check = tg ? ` It checks ${tg.protocol ?? 'HTTP'} ${tg.healthCheckPath ?? '/'} on ${checkPort}, expecting ${tg.matcher ?? '200'}.` : '';
    const mismatch = tg && lb?.containerPort && tg.healthCheckPort && tg.healthCheckPort !== 'traffic-port' && Number(tg.healthCheckPort) !== lb.containerPort
      ? [`The health check port ${tg.healthCheckPort} is not the container port ${lb.containerPort}: check the container port instead (traffic-port).`] : [];
    return {
      summary: `The load balancer found the task unhealthy in target group ${tg?.name ?? tgArn ?? '?'}${ev?.why ? `: ${ev.why}` : ''}, so ECS stopped it.${check}`,
      fixes: [...mismatch, `Make the application answer ${tg?.healthCheckPath ?? 'the health check path'} with ${tg?.matcher ?? '200'}.`, 'Let the task\'s security group accept the load balancer on the container port.', 'If it starts slowly, raise the service\'s healthCheckGracePeriodSeconds.'],
    };
  },
  'user-stopped': (f) => ({
    summary: `Someone (or something with ecs:StopTask) stopped it: "${f.task.stoppedReason ?? 'Task stopped by user'}".`,
    fixes: ['Nothing to fix if that was intended; CloudTrail\'s StopTask events say who called it.'],
  }),
  'deployment-replaced': (f) => ({
    summary: `A newer deployment of the service replaced it (${f.task.stoppedReason}). This is how a rolling deployment works.`,
    fixes: ['Nothing to fix: the new deployment\'s tasks run instead. If they fail, explain one of those.'],
  }),
  'scaled-in': (f) => ({
    summary: `The service needed fewer tasks and stopped this one (${f.task.stoppedReason}): its desired count went down (by hand or by auto scaling).`,
    fixes: ['Nothing to fix if the desired count is what you want; the service\'s Auto scaling activities say why it changed.'],
  }),
  'spot-interruption': () => ({
    summary: 'It ran on Fargate Spot and AWS took the capacity back (a two-minute warning, SIGTERM, then the stop).',
    fixes: ['Handle SIGTERM and finish within stopTimeout (at most 120 s).', 'Keep part of the service on FARGATE (a base in the capacity provider strategy) for tasks that must not be interrupted.'],
  }),
  capacity: (f) => {
    const ev = unplaceableSince(f.task, f.events ?? [])?.message ?? f.task.stoppedReason ?? '';
    const what = /insufficient (memory|CPU units|[\w ]+?) available/.exec(ev)?.[1] ?? (/RESOURCE:(CPU|MEMORY)/.exec(ev)?.[1]?.toLowerCase());
    const t = f.replacementTaskDefinition ?? f.taskDefinition;
    const needs = t ? ` The task needs ${t.cpu ?? sum(t, 'cpu')} CPU units and ${t.memory ?? sum(t, 'memory')} MiB.` : '';
    return {
      summary: `No container instance had room for ${/unable to place/.test(ev) ? 'its replacement' : 'it'}${what ? `: not enough ${what}` : ''}.${needs}`,
      fixes: ['Add container instances (or let a capacity provider with managed scaling add them).', `Lower the task's ${what ?? 'CPU or memory'} in the task definition.`, 'Stop tasks you no longer need on the cluster.'],
    };
  },
  unknown: (f) => ({
    summary: `ECS said: ${f.task.stoppedReason ?? f.task.stopCode ?? 'nothing'}.`,
    fixes: ['Look for the message in AWS\'s stopped task errors guide (link below).'],
  }),
};

function sum(t: ecs.TaskDefinition, key: 'cpu' | 'memory'): number {
  return (t.containerDefinitions ?? []).reduce((n, c) => n + (c[key] ?? (key === 'memory' ? c.memoryReservation ?? 0 : 0)), 0);
}
