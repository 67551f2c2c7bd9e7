/**
 * The argument objects of Create Cluster, Delete Cluster and Delete Service, and ECS's naming rule
 * for clusters, checked before anything is sent.
 */
import type { ecs as EcsTypes } from '../aws/sdk';
import { readArgs } from '../util/args';
import { capacityProviderStrategy, type Scoped } from './args';

type Arg = Record<string, unknown>;

export const CONTAINER_INSIGHTS = ['disabled', 'enabled', 'enhanced'] as const;
export type ContainerInsights = (typeof CONTAINER_INSIGHTS)[number];

/** "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed" (CreateCluster's clusterName). */
export function clusterNameProblem(name: string): string | undefined {
  if (!name) return 'Enter a cluster name';
  if (name.length > 255) return 'At most 255 characters';
  const bad = name.replace(/[A-Za-z0-9_-]/g, '');
  return bad ? `Only letters, numbers, hyphens and underscores (not ${JSON.stringify([...new Set(bad)].join(''))})` : undefined;
}

/** Tag keys 1–128 and values 0–256 characters, at most 50 tags, no `aws:` prefix (ECS's tag rules). */
export function tagsProblem(tags: EcsTypes.Tag[]): string | undefined {
  if (tags.length > 50) return 'At most 50 tags';
  for (const t of tags) {
    if (!t.key || t.key.length > 128) return `Tag key "${t.key ?? ''}" must be 1 to 128 characters`;
    if ((t.value ?? '').length > 256) return `The value of tag "${t.key}" is longer than 256 characters`;
    if (/^aws:/i.test(t.key)) return `Tag key "${t.key}" uses the reserved prefix aws:`;
  }
  return undefined;
}

/** `key=value, key2=value2` as typed in the tags step; undefined when it cannot be read. */
export function parseTagText(text: string): EcsTypes.Tag[] | undefined {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const tags = parts.map((p) => {
    const eq = p.indexOf('=');
    return eq < 1 ? undefined : { key: p.slice(0, eq).trim(), value: p.slice(eq + 1).trim() };
  });
  return tags.every((t) => t !== undefined) ? (tags as EcsTypes.Tag[]) : undefined;
}

export interface CreateClusterArgs extends Scoped {
  name: string;
  capacityProviders?: string[];
  defaultCapacityProviderStrategy?: EcsTypes.CapacityProviderStrategyItem[];
  containerInsights?: ContainerInsights;
  serviceConnectNamespace?: string;
  tags?: EcsTypes.Tag[];
}

const CREATE_USAGE = "{ name, capacityProviders?: string[], defaultCapacityProviderStrategy?: [{ capacityProvider, base?, weight? }], containerInsights?: 'disabled'|'enabled'|'enhanced', serviceConnectNamespace?, tags?: [{ key, value }] }";

export function parseCreateClusterArgs(arg: Arg): CreateClusterArgs {
  const r = readArgs('createCluster', CREATE_USAGE, arg, ['name', 'capacityProviders', 'defaultCapacityProviderStrategy', 'containerInsights', 'serviceConnectNamespace', 'tags']);
  const name = r.string('name');
  const nameProblem = clusterNameProblem(name);
  if (nameProblem) r.fail(`"name": ${nameProblem}`);
  const capacityProviders = r.array('capacityProviders', (v, i) => (typeof v === 'string' && v.trim() ? v.trim() : r.fail(`capacityProviders[${i}] must be a capacity provider name`)));
  const strategy = capacityProviderStrategy(r, 'defaultCapacityProviderStrategy');
  const unknown = strategy?.find((s) => !(capacityProviders ?? []).includes(s.capacityProvider ?? ''));
  if (unknown) r.fail(`defaultCapacityProviderStrategy names "${unknown.capacityProvider}", which is not in "capacityProviders"`);
  if (strategy && !strategy.some((s) => (s.weight ?? 0) > 0)) r.fail('defaultCapacityProviderStrategy needs a weight above 0 on at least one capacity provider');
  if (strategy && strategy.filter((s) => (s.base ?? 0) > 0).length > 1) r.fail('only one capacity provider of defaultCapacityProviderStrategy can have a base');
  const tags = r.array('tags', (v, i) => {
    const t = v as Arg;
    if (typeof t !== 'object' || t === null || typeof t.key !== 'string' || (t.value !== undefined && typeof t.value !== 'string')) r.fail(`tags[${i}] must be { key, value }`);
    return { key: t.key as string, value: (t.value as string | undefined) ?? '' };
  });
  const tagProblem = tags && tagsProblem(tags);
  if (tagProblem) r.fail(`"tags": ${tagProblem}`);
  return {
    name, capacityProviders, defaultCapacityProviderStrategy: strategy, tags,
    containerInsights: r.oneOf('containerInsights', CONTAINER_INSIGHTS),
    serviceConnectNamespace: r.string('serviceConnectNamespace', true),
    scope: r.scope(),
  };
}

export function parseDeleteClusterArgs(arg: Arg): Scoped & { cluster: string } {
  const r = readArgs('deleteCluster', '{ cluster }', arg, ['cluster']);
  return { cluster: r.string('cluster'), scope: r.scope() };
}

export interface DeleteServiceArgs extends Scoped {
  cluster: string;
  service: string;
  /** Delete without scaling to 0 first (ECS stops the tasks). */
  force: boolean;
  /** Wait until the service is INACTIVE (default true). */
  wait: boolean;
}

export function parseDeleteServiceArgs(arg: Arg): DeleteServiceArgs {
  const r = readArgs('deleteService', '{ cluster, service, force?, wait? }', arg, ['cluster', 'service', 'force', 'wait']);
  return { cluster: r.string('cluster'), service: r.string('service'), force: r.bool('force') ?? false, wait: r.bool('wait') ?? true, scope: r.scope() };
}
