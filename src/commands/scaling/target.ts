/** Where a scaling command acts: an explorer node, an argument object, or (palette) a cluster and service picked. */
import * as vscode from 'vscode';
import type { AwsScope } from '../../aws/clientManager';
import type { ScalingRef } from '../../ecs/scalingArgs';
import type { Services } from '../../services';
import { confirm, input } from '../../ui/input';
import { pickCluster, pickService } from '../../ui/ecsPickers';
import { whereText } from '../../ui/where';
import { isArgumentObject } from '../../util/args';

interface ScalingNodeLike { kind: 'autoScaling'; scope: AwsScope; cluster: string; service: string }
interface ItemNodeLike { kind: 'autoScalingItem'; parent: ScalingNodeLike; name: string; contextValue: string }

/** The service and, from a policy or scheduled action row, that row's name. */
export interface Interactive extends ScalingRef {
  scope: AwsScope;
  /** The policy's or scheduled action's name when the command came from its row. */
  itemName?: string;
}

function ofNode(arg: unknown): Interactive | undefined {
  if (typeof arg !== 'object' || arg === null || isArgumentObject(arg)) return undefined;
  const kind = (arg as { kind?: string }).kind;
  if (kind === 'autoScaling') {
    const n = arg as ScalingNodeLike;
    return { scope: n.scope, cluster: n.cluster, service: n.service };
  }
  if (kind === 'autoScalingItem') {
    const n = arg as ItemNodeLike;
    return { scope: n.parent.scope, cluster: n.parent.cluster, service: n.parent.service, itemName: n.contextValue === 'autoScalingTarget' ? undefined : n.name };
  }
  if (kind === 'service') {
    const n = arg as { scope: AwsScope; cluster: string; service: { serviceName?: string } };
    return { scope: n.scope, cluster: n.cluster, service: n.service.serviceName ?? '' };
  }
  return undefined;
}

/** A node's service, or the one picked from the palette; undefined for an argument object (parsed by the command). */
export async function interactiveTarget(services: Services, arg: unknown): Promise<Interactive | undefined> {
  if (isArgumentObject(arg)) return undefined;
  const node = ofNode(arg);
  if (node) return node;
  const clients = services.clientManager;
  const scope = clients.resolve();
  const cluster = await pickCluster(clients, scope);
  return { scope, cluster, service: await pickService(clients, scope, cluster) };
}

/** The modal naming the service, cluster, account and region; cancelling ends the command. */
export async function confirmScaling(services: Services, t: ScalingRef, question: string, detail: string, action: string): Promise<void> {
  const where = await whereText(services.clientManager, t.scope);
  if (!(await confirm(`${question} of service ${t.service} in cluster ${t.cluster} (${where})?`, detail, action))) throw new vscode.CancellationError();
}

/** After a write: the service's Auto scaling node re-reads, and the palette's caller hears what changed. */
export function done(services: Services, t: ScalingRef, message: string | undefined): void {
  services.explorer.refreshAutoScaling(t.scope, t.cluster, t.service);
  if (message) void vscode.window.showInformationMessage(message);
}

/**
 * One scaling command: an argument object is parsed (refused with what is expected) and written
 * with no UI; otherwise `ask` runs the quick inputs and modal for the node's or picked service.
 * Either way the service's Auto scaling node re-reads, and the result is what was written.
 */
export async function scalingCommand<A extends ScalingRef, R>(
  services: Services,
  arg: unknown,
  parse: (arg: Record<string, unknown>) => A,
  write: (a: A) => Promise<R>,
  ask: (t: Interactive) => Promise<{ args: A; message: (result: R) => string }>,
): Promise<R> {
  const t = await interactiveTarget(services, arg);
  if (!t) {
    const a = parse(arg as Record<string, unknown>);
    const result = await write(a);
    done(services, a, undefined);
    return result;
  }
  const { args, message } = await ask(t);
  const result = await write({ ...args, scope: t.scope });
  done(services, t, message(result));
  return result;
}

/** Delete a named policy or scheduled action: the row's name (else typed), the modal, then the write. */
export function deleteNamed<R>(services: Services, arg: unknown, what: string, parse: (arg: Record<string, unknown>) => NamedRef, write: (a: NamedRef) => Promise<R>, after: string): Promise<R> {
  return scalingCommand(services, arg, parse, write, async (t) => {
    const name = t.itemName ?? (await input(`Delete ${what}: name`, { validate: (x) => (x.trim() ? undefined : `The ${what.toLowerCase()}'s name`) })).trim();
    await confirmScaling(services, t, `Delete ${what.toLowerCase()} ${name}`, after, 'Delete');
    return { args: { ...t, name }, message: () => `${t.service}: ${what.toLowerCase()} ${name} deleted.` };
  });
}

export type NamedRef = ScalingRef & { name: string };
