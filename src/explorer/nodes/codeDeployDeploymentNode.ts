import type * as vscode from 'vscode';
import type { AwsScope } from '../../aws/clientManager';
import { isActiveCodeDeployment, presentCodeDeployDeployment, type CodeDeployGroupShown, type CodeDeployHistoryEntry } from '../../ecs/presentCodeDeployDeployment';
import type { ExplorerContext, ExplorerNode, NodeResource } from '../explorerNode';
import { presentedItem } from '../treeItems';

/**
 * One CodeDeploy deployment of a CODE_DEPLOY service. Its contextValue drives the menus:
 * `codeDeployDeployment.active` (Roll Back: StopDeployment with autoRollbackEnabled) or
 * `codeDeployDeployment.done`. *Roll Back Deployment* takes this node by its `kind` and fields.
 */
export class CodeDeployDeploymentNode implements ExplorerNode {
  readonly kind = 'codeDeployDeployment';
  readonly id: string;

  constructor(
    private readonly ctx: ExplorerContext,
    readonly entry: CodeDeployHistoryEntry,
    private readonly group: Omit<CodeDeployGroupShown, 'region'>,
    readonly scope: AwsScope,
    /** ARN or name, as the service node has it. */
    readonly cluster: string,
    readonly service: string,
    parentId: string,
  ) {
    this.id = `${parentId}/${entry.deploymentId}`;
  }

  get deploymentId(): string {
    return this.entry.deploymentId;
  }

  get resource(): NodeResource {
    return { scope: this.scope, name: this.entry.deploymentId, describe: async () => ({ title: `codedeploy-deployment-${this.entry.deploymentId}`, value: this.entry }) };
  }

  getTreeItem(): vscode.TreeItem {
    const presented = presentCodeDeployDeployment(this.entry, { ...this.group, region: this.scope.region }, this.ctx.now());
    const contextValue = `codeDeployDeployment.${isActiveCodeDeployment(this.entry) ? 'active' : 'done'}`;
    return presentedItem(presented, { id: this.id, icon: 'rocket', contextValue });
  }
}
