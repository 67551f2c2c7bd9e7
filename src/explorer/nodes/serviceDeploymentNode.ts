import type * as vscode from 'vscode';
import type { AwsScope } from '../../aws/clientManager';
import { resourceName } from '../../aws/arn';
import type { ecs } from '../../aws/sdk';
import { presentServiceDeployment } from '../../ecs/presentServiceDeployment';
import { isActiveDeployment, pausedHook, type ServiceRevision } from '../../ecs/serviceDeployments';
import type { ExplorerContext, ExplorerNode, NodeResource } from '../explorerNode';
import { presentedItem } from '../treeItems';
import { MessageNode } from './messageNode';
import { ServiceRevisionNode } from './serviceRevisionNode';

/**
 * One service deployment (ListServiceDeployments + DescribeServiceDeployments), its target service
 * revision below it. Its contextValue drives the menus: `serviceDeployment.active` (Roll back, Stop),
 * `serviceDeployment.paused` (Continue, Roll back), `serviceDeployment.done`; `.comparable` when it
 * has a source revision to compare with. The deploy commands take this node (by its `kind` and fields).
 */
export class ServiceDeploymentNode implements ExplorerNode {
  readonly kind = 'serviceDeployment';
  readonly id: string;

  constructor(
    private readonly ctx: ExplorerContext,
    readonly deployment: ecs.ServiceDeployment,
    /** The service revisions it names, by ARN (labels, and the revision below it). */
    readonly revisions: ReadonlyMap<string, ServiceRevision>,
    readonly scope: AwsScope,
    /** ARN or name, as the service node has it. */
    readonly cluster: string,
    readonly service: string,
    parentId: string,
  ) {
    this.id = `${parentId}/${resourceName(deployment.serviceDeploymentArn)}`;
  }

  get resource(): NodeResource {
    const d = this.deployment;
    const id = resourceName(d.serviceDeploymentArn);
    return { scope: this.scope, name: id, arn: d.serviceDeploymentArn, describe: async () => ({ title: `service-deployment-${id}`, value: d }) };
  }

  /** The revision it replaced (the first, when ECS lists several) and the one it deploys: what *Compare revisions* diffs. */
  get sourceRevisionArn(): string | undefined {
    return this.deployment.sourceServiceRevisions?.find((r) => r.arn && r.arn !== this.targetRevisionArn)?.arn;
  }

  get targetRevisionArn(): string | undefined {
    return this.deployment.targetServiceRevision?.arn;
  }

  get contextValue(): string {
    const state = pausedHook(this.deployment) ? 'paused' : isActiveDeployment(this.deployment) ? 'active' : 'done';
    return `serviceDeployment.${state}${this.sourceRevisionArn ? '.comparable' : ''}`;
  }

  getTreeItem(): vscode.TreeItem {
    const presented = presentServiceDeployment(this.deployment, this.revisions, this.ctx.now());
    const icon = pausedHook(this.deployment) ? 'debug-pause' : 'rocket';
    return presentedItem(presented, { id: this.id, icon, contextValue: this.contextValue, collapsible: true });
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const arn = this.targetRevisionArn;
    const revision = arn ? this.revisions.get(arn) : undefined;
    if (!revision) {
      const text = 'Service revision not available';
      return [new MessageNode({ kind: 'other', title: text, message: `${text}: DescribeServiceRevisions did not return ${arn ?? 'a target revision'}.` }, 'info', `${this.id}/revision`)];
    }
    return [new ServiceRevisionNode(revision, this.scope, this.id)];
  }
}
