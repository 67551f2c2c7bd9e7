import { type DiagnosticSink, type Node, bool, items, objects, prop, str, stringItems } from '../document';
import { hasPlaceholder } from '../placeholders';
import type { DiagnosticData } from '../types';

export interface ContainerInfo {
  node: Node;
  index: number;
  name: string | undefined;
}

/**
 * What the task-definition rules share: the definition object and facts derived once. The task may
 * be unknown: a Terraform `container_definitions` file holds the containers alone (the task's
 * network mode, compatibilities, cpu, memory, volumes and roles are set in HCL), and a rule that
 * needs the task then says nothing.
 */
export class TaskContext {
  readonly containers: ContainerInfo[];
  readonly compatibilities: Set<string>;
  readonly isFargate: boolean;
  /** `networkMode` as written (undefined when absent or when the task is unknown). */
  readonly networkMode: string | undefined;
  /** The mode the task runs with: awsvpc on Fargate, bridge when absent on EC2; undefined when the task is unknown. */
  readonly effectiveNetworkMode: string | undefined;
  readonly containerNames: Set<string>;
  /**
   * False when a container, or a container's name, is a placeholder (a template's intrinsic
   * function, `${VAR}`): a reference to a name not found may then name it.
   */
  readonly containerNamesKnown: boolean;

  /**
   * `def` is the task definition object, or undefined when only the containers are known;
   * `containerList` the array of container definitions.
   */
  private constructor(
    readonly def: Node | undefined,
    containerList: Node | undefined,
    readonly sink: DiagnosticSink,
    readonly data: DiagnosticData,
  ) {
    // Terraform reads a container's keys ignoring case: its "Name" is the name the others refer to.
    const nameOf = (node: Node) => str(prop(node, 'name') ?? (def ? undefined : node.children?.find((p) => String(p.children?.[0]?.value).toLowerCase() === 'name')?.children?.[1]));
    this.containers = objects(containerList).map((node, index) => ({ node, index, name: nameOf(node) }));
    this.containerNames = new Set(this.containers.map((c) => c.name).filter((n): n is string => !!n));
    this.containerNamesKnown = (!containerList || containerList.type === 'array') && items(containerList).length === this.containers.length && this.containers.every((c) => !prop(c.node, 'name') || (c.name !== undefined && !hasPlaceholder(c.name)));
    this.compatibilities = new Set(stringItems(prop(def, 'requiresCompatibilities')));
    this.isFargate = this.compatibilities.has('FARGATE');
    this.networkMode = str(prop(def, 'networkMode'));
    this.effectiveNetworkMode = def ? (this.isFargate ? 'awsvpc' : (this.networkMode ?? 'bridge')) : undefined;
  }

  /** A whole task definition. */
  static ofTask(def: Node, sink: DiagnosticSink, data: DiagnosticData): TaskContext {
    return new TaskContext(def, prop(def, 'containerDefinitions'), sink, data);
  }

  /** The containers of a task whose other parameters are not in the file (`list` is the array). */
  static ofContainers(list: Node, sink: DiagnosticSink, data: DiagnosticData = {}): TaskContext {
    return new TaskContext(undefined, list, sink, data);
  }

  /** The task-level parameters are in the file: the rules that need them can run. */
  get taskKnown(): boolean {
    return this.def !== undefined;
  }

  /** Every container's `key` value node, with its container. */
  *containerValues(key: string): Generator<[ContainerInfo, Node]> {
    for (const c of this.containers) {
      const v = prop(c.node, key);
      if (v) yield [c, v];
    }
  }

  isTrue(n: Node | undefined): boolean {
    return bool(n) === true;
  }

  error(node: Node, code: string, message: string, data?: DiagnosticData): void {
    this.sink.error(node, code, message, { ...this.data, ...data });
  }

  warning(node: Node, code: string, message: string, data?: DiagnosticData): void {
    this.sink.warning(node, code, message, { ...this.data, ...data });
  }
}

export function containerLabel(c: ContainerInfo): string {
  return c.name ? `container "${c.name}"` : `container #${c.index + 1}`;
}

/** The node a "missing X" diagnostic points at for a container: its name, else the object. */
export function containerAnchor(c: ContainerInfo): Node {
  return prop(c.node, 'name') ?? c.node;
}
