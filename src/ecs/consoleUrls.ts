/** Links into the AWS console for the resource a node shows, for the right partition and region. */
import { consoleHost } from '../aws/arn';

export type ConsoleTarget =
  | { kind: 'cluster'; cluster: string }
  | { kind: 'service'; cluster: string; service: string }
  | { kind: 'task'; cluster: string; taskId: string }
  | { kind: 'containerInstance'; cluster: string; containerInstanceId: string }
  | { kind: 'taskDefinitionFamily'; family: string }
  | { kind: 'taskDefinition'; family: string; revision: number }
  | { kind: 'codeDeployDeployment'; deploymentId: string };

export function consoleUrl(region: string, target: ConsoleTarget): string {
  const base = `https://${consoleHost(region)}/ecs/v2`;
  const q = `?region=${encodeURIComponent(region)}`;
  const e = encodeURIComponent;
  switch (target.kind) {
    case 'cluster':
      return `${base}/clusters/${e(target.cluster)}/services${q}`;
    case 'service':
      return `${base}/clusters/${e(target.cluster)}/services/${e(target.service)}/health${q}`;
    case 'task':
      return `${base}/clusters/${e(target.cluster)}/tasks/${e(target.taskId)}/configuration${q}`;
    case 'containerInstance':
      return `${base}/clusters/${e(target.cluster)}/infrastructure/container-instances/${e(target.containerInstanceId)}${q}`;
    case 'taskDefinitionFamily':
      return `${base}/task-definitions/${e(target.family)}${q}`;
    case 'taskDefinition':
      return `${base}/task-definitions/${e(target.family)}/${target.revision}/containers${q}`;
    case 'codeDeployDeployment':
      return `https://${consoleHost(region)}/codesuite/codedeploy/deployments/${e(target.deploymentId)}${q}`;
  }
}
