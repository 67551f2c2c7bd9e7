import type { AwsScope } from '../../aws/clientManager';
import * as vscode from 'vscode';
import { describeAwsError } from '../../aws/errors';
import { presentScalableTarget, presentScalingPolicy, presentScheduledAction, readServiceScaling } from '../../ecs/autoScaling';
import type { Presented } from '../../ecs/present';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { presentedItem } from '../treeItems';
import { MessageNode } from './messageNode';

/** "Auto scaling" under a service: Application Auto Scaling's target (min/max), policies and scheduled actions, read on expand. */
export class AutoScalingNode implements ExplorerNode {
  readonly kind = 'autoScaling';
  private readonly id: string;

  constructor(
    private readonly ctx: ExplorerContext,
    private readonly scope: AwsScope,
    private readonly cluster: string,
    private readonly service: string,
    parentId: string,
  ) {
    this.id = `${parentId}/autoScaling`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Auto scaling', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('graph-line');
    item.contextValue = 'autoScaling';
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const scaling = await readServiceScaling(this.ctx.clients, this.scope, this.cluster, this.service);
      if (!scaling.target) return [new MessageNode({ kind: 'other', title: 'Not auto scaled', message: 'No Application Auto Scaling target is registered for this service.' }, 'info', this.id)];
      return [
        new ScalingItemNode(presentScalableTarget(scaling.target), `${this.id}/target`, 'autoScalingTarget'),
        ...scaling.policies.map((p) => new ScalingItemNode(presentScalingPolicy(p), `${this.id}/policy:${p.PolicyName}`, 'autoScalingPolicy')),
        ...scaling.scheduled.map((a) => new ScalingItemNode(presentScheduledAction(a), `${this.id}/scheduled:${a.ScheduledActionName}`, 'autoScalingScheduledAction')),
      ];
    } catch (error) {
      return [new MessageNode(describeAwsError(error, { profile: this.ctx.clients.context.profile, operation: 'application-autoscaling:DescribeScalableTargets' }), 'error', this.id, this)];
    }
  }
}

class ScalingItemNode implements ExplorerNode {
  readonly kind = 'autoScalingItem';
  constructor(
    private readonly presented: Presented,
    private readonly id: string,
    private readonly contextValue: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const icon = this.contextValue === 'autoScalingTarget' ? 'arrow-both' : this.contextValue === 'autoScalingPolicy' ? 'pulse' : 'calendar';
    return presentedItem(this.presented, { id: this.id, icon, contextValue: this.contextValue });
  }
}
