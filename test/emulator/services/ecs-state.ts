/** ECS state of one region, and the lookups every ECS operation shares. */
import { AwsError } from '../errors';
import { arn, lastPart, Input, ACCOUNT } from '../util';
import type { RegionState } from '../world';

export const CALLER_ARN = `arn:aws:iam::${ACCOUNT}:user/emulator`;

/** Objects are stored in their AWS output shape; keys starting with `_` are the emulator's own. */
export type Obj = Input;

export interface Tag {
  key: string;
  value?: string;
}

export class EcsState {
  /** All clusters by name, ACTIVE and INACTIVE. */
  readonly clusters = new Map<string, Obj>();
  /** cluster name -> service name -> service (ACTIVE, DRAINING, and INACTIVE ones). */
  readonly services = new Map<string, Map<string, Obj>>();
  /** cluster name -> task id -> task (stopped tasks stay visible for an hour). */
  readonly tasks = new Map<string, Map<string, Obj>>();
  /** family -> revisions (index = revision - 1). */
  readonly taskDefs = new Map<string, Obj[]>();
  /** cluster name -> container instance id -> container instance. */
  readonly instances = new Map<string, Map<string, Obj>>();
  readonly capacityProviders = new Map<string, Obj>();
  /** resource ARN -> tags */
  readonly tags = new Map<string, Tag[]>();

  constructor(readonly region: RegionState) {
    for (const name of ['FARGATE', 'FARGATE_SPOT']) {
      this.capacityProviders.set(name, { capacityProviderArn: this.arn(`capacity-provider/${name}`), name, status: 'ACTIVE', tags: [] });
    }
  }

  arn(resource: string): string {
    return arn('ecs', this.region.name, resource);
  }

  /** The cluster name a `cluster` parameter (name, ARN or absent = default) refers to. */
  clusterName(ref: string | undefined): string {
    return ref ? lastPart(ref) : 'default';
  }

  cluster(ref: string | undefined): Obj {
    const c = this.clusters.get(this.clusterName(ref));
    if (!c || c.status !== 'ACTIVE') {
      throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
    }
    return c;
  }

  servicesOf(clusterName: string): Map<string, Obj> {
    return getOrCreate(this.services, clusterName);
  }

  tasksOf(clusterName: string): Map<string, Obj> {
    return getOrCreate(this.tasks, clusterName);
  }

  instancesOf(clusterName: string): Map<string, Obj> {
    return getOrCreate(this.instances, clusterName);
  }

  service(cluster: Obj, ref: string): Obj {
    const s = this.servicesOf(cluster.clusterName).get(lastPart(ref));
    if (!s) {
      throw new AwsError('ServiceNotFoundException', 'Service not found.');
    }
    return s;
  }

  /** Resolves `family`, `family:revision` or a task-definition ARN. */
  findTaskDef(ref: string): Obj | undefined {
    const s = ref.startsWith('arn:') ? ref.slice(ref.indexOf('task-definition/') + 'task-definition/'.length) : ref;
    const [family, rev] = s.split(':');
    const revisions = this.taskDefs.get(family);
    if (!revisions) {
      return undefined;
    }
    if (rev === undefined) {
      return [...revisions].reverse().find((td) => td.status === 'ACTIVE');
    }
    return revisions[Number(rev) - 1];
  }

  /** A task definition for RunTask / CreateService / UpdateService. */
  taskDefForUse(ref: string): Obj {
    const td = this.findTaskDef(ref);
    if (!td) {
      throw new AwsError('ClientException', 'TaskDefinition not found.');
    }
    if (td.status !== 'ACTIVE') {
      throw new AwsError('ClientException', `TaskDefinition is inactive: ${td.taskDefinitionArn}`);
    }
    return td;
  }

  tagsOf(resourceArn: string): Tag[] {
    return this.tags.get(resourceArn) ?? [];
  }

  setTags(resourceArn: string, tags: Tag[] | undefined): void {
    if (tags && tags.length) {
      const merged = new Map(this.tagsOf(resourceArn).map((t) => [t.key, t]));
      for (const t of tags) {
        merged.set(t.key, t);
      }
      this.tags.set(resourceArn, [...merged.values()]);
    }
  }
}

export function getOrCreate<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let m = map.get(key);
  if (!m) {
    m = new Map();
    map.set(key, m);
  }
  return m;
}

/** Member set of an object without the emulator's private `_` keys. */
export function publicCopy(o: Obj): Obj {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('_')));
}

export function taskId(task: Obj): string {
  return lastPart(task.taskArn);
}
