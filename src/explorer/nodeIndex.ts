import type { AwsScope, Scope } from '../aws/clientManager';
import { resourceName } from '../aws/arn';
import type { ExplorerNode } from './explorerNode';

/** The node kinds a change can reach, and what names one of them within its scope. */
export type IndexedKind = 'region' | 'services' | 'cluster' | 'service' | 'tasks' | 'taskDefinitions' | 'family' | 'autoScaling';

/**
 * The nodes the tree shows now, found by what they show (kind, profile, region, names), so a
 * command's change re-reads exactly those nodes. A node registers itself when it is drawn; the
 * newest object for a key wins, and a full refresh starts over.
 */
export class NodeIndex {
  private readonly nodes = new Map<string, ExplorerNode>();

  constructor(private readonly resolve: (scope: Scope) => AwsScope) {}

  /** What names a node of `kind` (also what other per-node memory is keyed by). */
  key(kind: IndexedKind, scope: Scope, names: (string | undefined)[]): string {
    const { profile, region } = this.resolve(scope);
    // Clusters are named by ARN in some places and by name in others: the name is the key.
    return [kind, profile ?? '', region, ...names.map((n) => resourceName(n ?? ''))].join('\u0000');
  }

  remember(kind: IndexedKind, scope: Scope, names: (string | undefined)[], node: ExplorerNode): void {
    this.nodes.set(this.key(kind, scope, names), node);
  }

  find(kind: IndexedKind, scope: Scope, ...names: (string | undefined)[]): ExplorerNode | undefined {
    return this.nodes.get(this.key(kind, scope, names));
  }

  clear(): void {
    this.nodes.clear();
  }
}
