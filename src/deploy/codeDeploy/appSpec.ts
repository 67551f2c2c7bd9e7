/**
 * The AppSpec of an ECS deployment, as the deploy Action writes it: a TargetService of type
 * AWS::ECS::Service with the TaskDefinition and the LoadBalancerInfo (the container and port the
 * service's load balancer targets), and optional Hooks (Lambda functions per lifecycle event)
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html,
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html).
 * Written as JSON, which is also YAML, so CodeDeploy reads it either way.
 */
import type { ecs as EcsTypes } from '../../aws/sdk';

export const HOOK_EVENTS = ['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'] as const;
export type HookEvent = (typeof HOOK_EVENTS)[number];
export type AppSpecHooks = Partial<Record<HookEvent, string>>;

interface AppSpecDoc {
  version: number;
  Resources: { TargetService: { Type: string; Properties: { TaskDefinition: string; LoadBalancerInfo: { ContainerName: string; ContainerPort: number } } } }[];
  Hooks?: Record<string, string>[];
}

/** The container and port CodeDeploy routes traffic to: the service's (or its primary task set's) load balancer. */
export function loadBalancerTarget(service: EcsTypes.Service): { containerName: string; containerPort: number } {
  const primary = service.taskSets?.find((t) => t.status === 'PRIMARY');
  const lb = [...(service.loadBalancers ?? []), ...(primary?.loadBalancers ?? [])].find((l) => l.containerName && l.containerPort !== undefined);
  if (!lb?.containerName || lb.containerPort === undefined) {
    throw new Error(`Service "${service.serviceName}" has no load balancer with a container name and port: a CodeDeploy AppSpec needs them (LoadBalancerInfo).`);
  }
  return { containerName: lb.containerName, containerPort: lb.containerPort };
}

export function buildAppSpec(service: EcsTypes.Service, taskDefinitionArn: string, hooks: AppSpecHooks = {}): string {
  const { containerName, containerPort } = loadBalancerTarget(service);
  const doc: AppSpecDoc = {
    version: 0.0,
    Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: taskDefinitionArn, LoadBalancerInfo: { ContainerName: containerName, ContainerPort: containerPort } } } }],
  };
  const list = HOOK_EVENTS.flatMap((e) => (hooks[e] ? [{ [e]: hooks[e]! }] : []));
  if (list.length) doc.Hooks = list;
  return JSON.stringify(doc, null, 2);
}

function parsed(content: string | undefined): Partial<AppSpecDoc> | undefined {
  try {
    const doc = JSON.parse(content ?? '');
    return doc && typeof doc === 'object' ? doc : undefined;
  } catch {
    // A YAML AppSpec (another tool wrote it): its details are not read here.
    return undefined;
  }
}

/** The task definition a revision's AppSpec deploys, when it is a JSON AppSpec. */
export function appSpecTaskDefinition(revision: { appSpecContent?: { content?: string } } | undefined): string | undefined {
  return parsed(revision?.appSpecContent?.content)?.Resources?.[0]?.TargetService?.Properties?.TaskDefinition;
}

/** The hooks of a revision's AppSpec (a JSON one): kept for the next deployment, as the deploy Action keeps its appspec file's. */
export function appSpecHooks(revision: { appSpecContent?: { content?: string } } | undefined): AppSpecHooks {
  const hooks: AppSpecHooks = {};
  for (const h of parsed(revision?.appSpecContent?.content)?.Hooks ?? []) {
    for (const e of HOOK_EVENTS) if (typeof h[e] === 'string') hooks[e] = h[e];
  }
  return hooks;
}
