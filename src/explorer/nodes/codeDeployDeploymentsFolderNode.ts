import type * as vscode from 'vscode';
import type { PageRequest } from '../../aws/paging';
import { isActiveCodeDeployment, presentCodeDeployDeployment, type CodeDeployHistoryEntry } from '../../ecs/presentCodeDeployDeployment';
import type { ExplorerNode } from '../explorerNode';
import { DeploymentHistoryFolder } from './deploymentHistoryFolder';
import { CodeDeployDeploymentNode } from './codeDeployDeploymentNode';
import { MessageNode } from './messageNode';

/**
 * A CODE_DEPLOY service's deployment history: the CodeDeploy deployments of the deployment group
 * that deploys it, newest first, a page at a time (read whole once: CodeDeploy lists in no
 * documented order). A service no deployment group names gets a message row saying so. While one
 * runs, the service keeps refreshing and resets this folder each time.
 */
export class CodeDeployDeploymentsFolderNode extends DeploymentHistoryFolder<CodeDeployHistoryEntry> {
  readonly kind = 'codeDeployDeploymentsFolder';
  protected readonly operation = 'codedeploy:ListDeployments';
  protected readonly emptyText = 'No CodeDeploy deployments';
  private group = { applicationName: '', deploymentGroupName: '' };
  /** Why there is nothing to read (no deployment group names the service), once known. */
  private noGroup: string | undefined;

  override reset(): void {
    super.reset();
    this.noGroup = undefined;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    const children = await super.getChildren();
    if (!this.noGroup) return children;
    return [new MessageNode({ kind: 'other', title: 'No CodeDeploy deployment group deploys this service', message: this.noGroup }, 'info', this.id)];
  }

  protected fetch(page: PageRequest): Promise<{ items: CodeDeployHistoryEntry[]; nextToken?: string }> {
    return this.pageOfWhole(async () => {
      const read = this.ctx.codeDeployHistory.read;
      if (!read) throw new Error('The CodeDeploy history reader is not ready yet; refresh to try again.');
      const history = await read(this.scope, this.cluster, this.service);
      if ('noGroup' in history) {
        this.noGroup = history.noGroup;
        return [];
      }
      this.group = { applicationName: history.applicationName, deploymentGroupName: history.deploymentGroupName };
      this.noteActive(history.entries.some(isActiveCodeDeployment), true);
      return history.entries;
    }, page);
  }

  protected toNode(item: CodeDeployHistoryEntry): ExplorerNode {
    return new CodeDeployDeploymentNode(this.ctx, item, this.group, this.scope, this.cluster, this.service, this.id);
  }

  protected matches(item: CodeDeployHistoryEntry, filter: string): boolean {
    const shown = presentCodeDeployDeployment(item, { ...this.group, region: this.scope.region }, this.ctx.now());
    return `${shown.label} ${shown.description} ${item.deploymentId}`.toLowerCase().includes(filter);
  }

  getTreeItem(): vscode.TreeItem {
    return this.folderItem('Deployments', 'rocket', 'codeDeployDeploymentsFolder');
  }
}
