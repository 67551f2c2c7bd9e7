import type { AwsScope, Scope } from '../../aws/clientManager';
import { pickCluster, pickService, pickServiceForImage } from '../../ui/ecsPickers';
import { runSteps, type Step } from '../../ui/steps';
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

/** The service a flow acts on: from a service node (no cluster or service step), else picked. */
export interface ServiceState {
  scope: AwsScope;
  cluster: string;
  service: string;
  /** From an explorer node: the cluster and service steps are left out. */
  fromNode: boolean;
  /** An image just pushed: one service step over every cluster, its repository's services first. */
  pushed?: string;
}

/**
 * From an explorer service node (its scope), else empty for the cluster and service steps: in the
 * scope a follow-up carries (an image just pushed, a revision just registered), else the current one.
 * After a push, one step over every cluster's services, those running the pushed repository first.
 */
export function serviceState(ui: DeployUi, arg: unknown): ServiceState {
  const node = nodeOf<{ cluster: string; service: { serviceName?: string }; scope: AwsScope }>(arg, 'service');
  if (node) return { cluster: node.cluster, service: node.service.serviceName ?? '', scope: node.scope, fromNode: true };
  const carried = typeof arg === 'object' && arg !== null && !isArgumentObject(arg) ? (arg as { scope?: AwsScope; imageUri?: unknown }) : undefined;
  const pushed = typeof carried?.imageUri === 'string' ? carried.imageUri : undefined;
  return { cluster: '', service: '', scope: carried?.scope ?? ui.clients.resolve(), fromNode: false, pushed };
}

/** The cluster and service steps of a flow (left out for a service node). */
export function serviceSteps<S extends ServiceState>(ui: DeployUi): Step<S>[] {
  return [
    { title: 'Service', when: (s) => !s.fromNode && s.pushed !== undefined, ask: async (view, s) => void Object.assign(s, await pickServiceForImage(ui.clients, s.scope, s.pushed!, view)) },
    { title: 'Cluster', when: (s) => !s.fromNode && s.pushed === undefined, ask: async (view, s) => void (s.cluster = await pickCluster(ui.clients, s.scope, view)) },
    { title: 'Service', when: (s) => !s.fromNode && s.pushed === undefined, ask: async (view, s) => void (s.service = await pickService(ui.clients, s.scope, s.cluster, view)) },
  ];
}

export function targetOfState(state: ServiceState): ServiceTarget {
  return { cluster: state.cluster, service: state.service, scope: state.scope };
}

/** A service for a command that asks nothing else (restart, watch): the node's, or picked as the steps of `flow`. */
export async function serviceTarget(ui: DeployUi, arg: unknown, flow: string): Promise<ServiceTarget> {
  return targetOfState(await runSteps(flow, serviceSteps(ui), serviceState(ui, arg)));
}
