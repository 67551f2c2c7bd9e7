/**
 * What a command changed, so the views showing it re-read that part (and only that part) without
 * a manual refresh. Plain data: the deploy and ECR layers emit it, the explorer applies it.
 */
import type { Scope } from '../aws/clientManager';
import type { Service } from './ecsReader';

export type ResourceChange =
  /** A service was updated (deploy, scale, restart, roll back) or polled by a watch: `snapshot` is what ECS returned. */
  | { kind: 'service'; scope: Scope; cluster: string; service: string; snapshot?: Service }
  /** A cluster was created or deleted in the scope's region: its list of clusters is re-read. */
  | { kind: 'clusters'; scope: Scope }
  /** A service of a cluster was created or deleted: the cluster's services are re-read. */
  | { kind: 'services'; scope: Scope; cluster: string }
  /** Tasks started or stopped in a cluster, by a service when `service` is set. */
  | { kind: 'tasks'; scope: Scope; cluster: string; service?: string }
  /** A revision of a family was registered or deregistered. */
  | { kind: 'taskDefinition'; scope: Scope; family: string }
  /** Images were pushed or deleted, or the repository itself created or deleted. */
  | { kind: 'repository'; scope: Scope; repository: string };

export type ChangeSink = (change: ResourceChange) => void;

/** The service a task belongs to, from its `group` (`service:<name>`, set by ECS). */
export function serviceOfGroup(group: string | undefined): string | undefined {
  return group?.startsWith('service:') ? group.slice('service:'.length) : undefined;
}
