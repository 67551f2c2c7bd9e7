import { type DiagnosticSink, type Node, bool, objects, prop, str, stringItems } from '../document';
import type { DiagnosticData } from '../types';

export interface ContainerInfo {
  node: Node;
  index: number;
  name: string | undefined;
}

/** What the task-definition rules share: the definition object and facts derived once. */
export class TaskContext {
  readonly containers: ContainerInfo[];
  readonly compatibilities: Set<string>;
  readonly isFargate: boolean;
  /** `networkMode` as written (undefined when absent). */
  readonly networkMode: string | undefined;
  /** The mode the task runs with: awsvpc on Fargate, bridge when absent on EC2. */
  readonly effectiveNetworkMode: string;
  readonly containerNames: Set<string>;

  constructor(
    readonly def: Node,
    readonly sink: DiagnosticSink,
    readonly data: DiagnosticData,
  ) {
    this.containers = objects(prop(def, 'containerDefinitions')).map((node, index) => ({ node, index, name: str(prop(node, 'name')) }));
    this.containerNames = new Set(this.containers.map((c) => c.name).filter((n): n is string => !!n));
    this.compatibilities = new Set(stringItems(prop(def, 'requiresCompatibilities')));
    this.isFargate = this.compatibilities.has('FARGATE');
    this.networkMode = str(prop(def, 'networkMode'));
    this.effectiveNetworkMode = this.isFargate ? 'awsvpc' : (this.networkMode ?? 'bridge');
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
