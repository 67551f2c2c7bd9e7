import type { AwsScope, Scope } from '../../aws/clientManager';
import { pickCluster, pickService, pickServiceForImage } from '../../ui/ecsPickers';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';

/** A service a command acts on, with the profile and region it lives in: follow-ups carry them on. */
export interface ServiceTarget {
  cluster: string;
  service: string;
  scope: AwsScope;
}

interface NodeLike {
  kind?: string;
  resource?: { scope: AwsScope };
}

/** An explorer node of `kind` (nodes are class instances, never argument objects). */
export function nodeOf<T>(arg: unknown, kind: string): (T & NodeLike) | undefined {
  if (typeof arg !== 'object' || arg === null || isArgumentObject(arg)) return undefined;
  return (arg as NodeLike).kind === kind ? (arg as T & NodeLike) : undefined;
}

/** A target from an argument object's cluster, service and scope. */
export function targetOf(ui: DeployUi, ref: { cluster: string; service: string; scope: Scope }): ServiceTarget {
  return { cluster: ref.cluster, service: ref.service, scope: ui.clients.resolve(ref.scope) };
}

/**
 * A service from an explorer service node (its scope), else pickers: in the scope a follow-up
 * carries (an image just pushed, a revision just registered), else the current one. After a push,
 * one picker over every cluster's services, those running the pushed repository first; otherwise
 * a cluster, then one of its services.
 */
export async function serviceTarget(ui: DeployUi, arg: unknown): Promise<ServiceTarget> {
  const node = nodeOf<{ cluster: string; service: { serviceName?: string }; scope: AwsScope }>(arg, 'service');
  if (node) return { cluster: node.cluster, service: node.service.serviceName ?? '', scope: node.scope };
  const carried = typeof arg === 'object' && arg !== null && !isArgumentObject(arg) ? (arg as { scope?: AwsScope; imageUri?: unknown }) : undefined;
  const scope = carried?.scope ?? ui.clients.resolve();
  if (typeof carried?.imageUri === 'string') return { ...(await pickServiceForImage(ui.clients, scope, carried.imageUri)), scope };
  const cluster = await pickCluster(ui.clients, scope);
  return { cluster, service: await pickService(ui.clients, scope, cluster), scope };
}
