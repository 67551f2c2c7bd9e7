import type { AwsScope, ClientManager } from '../../aws/clientManager';
import { CodeDeployActions, NoDeploymentGroupError } from '../../deploy/codeDeploy/codeDeployActions';
import { codeDeployHistory } from '../../deploy/codeDeploy/history';
import type { CodeDeployHistory } from '../../explorer/explorerNode';

/** What a CODE_DEPLOY service's Deployments folder shows: every CodeDeploy deployment of its group, or why there is no group. */
export async function readCodeDeployHistory(clients: ClientManager, scope: AwsScope, cluster: string, service: string): Promise<CodeDeployHistory> {
  try {
    const { items, applicationName, deploymentGroupName } = await codeDeployHistory(new CodeDeployActions(clients, scope), cluster, service);
    return { entries: items, applicationName, deploymentGroupName };
  } catch (error) {
    if (error instanceof NoDeploymentGroupError) return { noGroup: error.message };
    throw error;
  }
}
