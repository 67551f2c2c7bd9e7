/** Tells a task definition from a service definition. */
import { type Node, parseDocument, prop } from './document';
import { looksLikeContainers } from './formats/containers';
import { looksLikeTemplate } from './formats/cloudformation';
import type { DocumentKind, FileKind } from './types';

const TASK_KEYS = new Set(['family', 'containerDefinitions', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'volumes', 'requiresCompatibilities', 'cpu', 'memory', 'pidMode', 'ipcMode', 'proxyConfiguration', 'inferenceAccelerators', 'ephemeralStorage', 'runtimePlatform', 'taskDefinitionArn', 'revision', 'compatibilities', 'requiresAttributes', 'registeredAt']);
const SERVICE_KEYS = new Set(['serviceName', 'service', 'services', 'cluster', 'desiredCount', 'loadBalancers', 'serviceRegistries', 'launchType', 'capacityProviderStrategy', 'platformVersion', 'role', 'deploymentConfiguration', 'placementStrategy', 'networkConfiguration', 'healthCheckGracePeriodSeconds', 'schedulingStrategy', 'deploymentController', 'enableECSManagedTags', 'propagateTags', 'enableExecuteCommand', 'serviceConnectConfiguration', 'forceNewDeployment', 'serviceArn', 'runningCount', 'deployments', 'availabilityZoneRebalancing', 'clientToken']);

/**
 * `task` or `service` from the JSON's top-level keys (the `{"taskDefinition": {...}}` wrapper counts
 * as a task), the file name as a tie-breaker; undefined when neither shows.
 */
export function detectKind(text: string, fileName?: string): DocumentKind | undefined {
  return detectKindOfNode(parseDocument(text).root, fileName);
}

export function detectKindOfNode(root: Node | undefined, fileName?: string): DocumentKind | undefined {
  let task = 0;
  let service = 0;
  if (root?.type === 'object') {
    const td = prop(root, 'taskDefinition');
    if (td?.type === 'object') return 'task';
    if (td?.type === 'string') service += 2;
    for (const p of root.children ?? []) {
      const k = p.children?.[0]?.value as string;
      if (TASK_KEYS.has(k)) task++;
      if (SERVICE_KEYS.has(k)) service++;
    }
    if (prop(root, 'containerDefinitions')) task += 5;
  }
  if (task > service) return 'task';
  if (service > task) return 'service';
  return kindFromFileName(fileName);
}

export function kindFromFileName(fileName: string | undefined): DocumentKind | undefined {
  if (!fileName) return undefined;
  const base = fileName.replace(/^.*[\\/]/, '').toLowerCase();
  if (/task-?def/.test(base)) return 'task';
  if (/service-?def|servicedef/.test(base)) return 'service';
  return undefined;
}

/**
 * What a file holds, `auto` as the CLI means it: a CloudFormation/SAM template (JSON or YAML), a
 * Terraform containers array, else a task or service definition.
 */
export function detectFileKind(text: string, fileName?: string): FileKind | undefined {
  if (looksLikeTemplate(text)) return 'cloudformation';
  const root = parseDocument(text).root;
  if (looksLikeContainers(root, text, fileName)) return 'containers';
  return detectKindOfNode(root, fileName);
}
