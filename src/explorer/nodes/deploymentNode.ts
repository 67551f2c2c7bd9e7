import type { AwsScope } from '../../aws/clientManager';
import type * as vscode from 'vscode';
import type { ecs } from '../../aws/sdk';
import { presentDeployment } from '../../ecs/present';
import type { ExplorerNode, NodeResource } from '../explorerNode';
import { presentedItem } from '../treeItems';

export class DeploymentNode implements ExplorerNode {
  readonly kind = 'deployment';
  readonly resource: NodeResource;
  private readonly id: string;

  constructor(
    readonly deployment: ecs.Deployment,
    scope: AwsScope,
    parentId: string,
  ) {
    this.id = `${parentId}/${deployment.id}`;
    this.resource = { scope, name: deployment.id ?? '', describe: async () => ({ title: `deployment-${deployment.id}`, value: deployment }) };
  }

  getTreeItem(): vscode.TreeItem {
    return presentedItem(presentDeployment(this.deployment, new Date()), { id: this.id, icon: 'rocket', contextValue: 'deployment' });
  }
}
