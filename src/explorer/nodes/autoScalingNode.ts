import type { AwsScope } from '../../aws/clientManager';
import * as vscode from 'vscode';
import { describeAwsError } from '../../aws/errors';
import { presentScalableTarget, presentScalingActivity, presentScalingPolicy, presentScheduledAction, readScalingActivities, readServiceScaling } from '../../ecs/autoScaling';
import type { Presented } from '../../ecs/present';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { presentedItem } from '../treeItems';
import { MessageNode } from './messageNode';

/**
 * "Auto scaling" under a service: Application Auto Scaling's target (min/max), policies, scheduled
 * actions and recent scaling activities, read on expand. Its context menu and its children's are
 * the scaling commands (commands/scaling/), which re-read it through the node index.
 */
export class AutoScalingNode implements ExplorerNode {
  readonly kind = 'autoScaling';
  readonly id: string;
  /** Whether a scalable target was registered when last read (the menu offers policies only then). */
  private registered = false;

  constructor(
    private readonly ctx: ExplorerContext,
    readonly scope: AwsScope,
    readonly cluster: string,
    readonly service: string,
    parentId: string,
  ) {
    this.id = `${parentId}/autoScaling`;
  }

  getTreeItem(): vscode.TreeItem {
    this.ctx.index.remember('autoScaling', this.scope, [this.cluster, this.service], this);
    const item = new vscode.TreeItem('Auto scaling', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('graph-line');
    item.contextValue = this.registered ? 'autoScaling.registered' : 'autoScaling';
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const scaling = await readServiceScaling(this.ctx.clients, this.scope, this.cluster, this.service);
      this.registered = !!scaling.target;
      if (!scaling.target) return [new MessageNode({ kind: 'other', title: 'Not auto scaled', message: 'No Application Auto Scaling target is registered for this service.' }, 'info', this.id)];
      return [
        new ScalingItemNode(this, presentScalableTarget(scaling.target), 'target', 'autoScalingTarget'),
        ...scaling.policies.map((p) => new ScalingItemNode(this, presentScalingPolicy(p), p.PolicyName ?? '', 'autoScalingPolicy')),
        ...scaling.scheduled.map((a) => new ScalingItemNode(this, presentScheduledAction(a), a.ScheduledActionName ?? '', 'autoScalingScheduledAction')),
        new ScalingActivitiesNode(this.ctx, this),
      ];
    } catch (error) {
      return [new MessageNode(describeAwsError(error, { profile: this.ctx.clients.context.profile, operation: 'application-autoscaling:DescribeScalableTargets' }), 'error', this.id, this)];
    }
  }
}

const ICONS: Record<string, string> = { autoScalingTarget: 'arrow-both', autoScalingPolicy: 'pulse', autoScalingScheduledAction: 'calendar', autoScalingActivity: 'history' };

/** The target, a policy or a scheduled action (`name` is the policy's or action's name). */
export class ScalingItemNode implements ExplorerNode {
  readonly kind = 'autoScalingItem';
  constructor(
    readonly parent: AutoScalingNode,
    private readonly presented: Presented,
    readonly name: string,
    readonly contextValue: string,
  ) {}

  get label(): string {
    return this.presented.label;
  }

  getTreeItem(): vscode.TreeItem {
    const prefix = this.contextValue === 'autoScalingTarget' ? 'target' : this.contextValue === 'autoScalingPolicy' ? 'policy' : 'scheduled';
    return presentedItem(this.presented, { id: `${this.parent.id}/${prefix}:${this.name}`, icon: ICONS[this.contextValue], contextValue: this.contextValue });
  }
}

/** "Recent activity": the latest scaling activities with their causes (DescribeScalingActivities), on expand. */
class ScalingActivitiesNode implements ExplorerNode {
  readonly kind = 'autoScalingActivities';
  constructor(
    private readonly ctx: ExplorerContext,
    private readonly parent: AutoScalingNode,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Recent activity', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${this.parent.id}/activities`;
    item.iconPath = new vscode.ThemeIcon('history');
    item.contextValue = 'autoScalingActivities';
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const id = `${this.parent.id}/activities`;
    try {
      const list = await readScalingActivities(this.ctx.clients, { scope: this.parent.scope, cluster: this.parent.cluster, service: this.parent.service }, 10);
      if (!list.length) return [new MessageNode({ kind: 'other', title: 'No scaling activity', message: 'Application Auto Scaling has not changed this service recently.' }, 'info', id)];
      return list.map((a, i) => new ScalingItemNode(this.parent, presentScalingActivity(a), `activity-${i}`, 'autoScalingActivity'));
    } catch (error) {
      return [new MessageNode(describeAwsError(error, { profile: this.ctx.clients.context.profile, operation: 'application-autoscaling:DescribeScalingActivities' }), 'error', id, this)];
    }
  }
}
