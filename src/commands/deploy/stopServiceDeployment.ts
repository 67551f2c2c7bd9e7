import { describeAwsError } from '../../aws/errors';
import { parseStopDeploymentArgs } from '../../deploy/serviceDeploymentArgs';
import type { DeployUi } from './context';
import { confirmDeploymentAction, deploymentTarget } from './serviceDeploymentTarget';

const API_PAGE = 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_StopServiceDeployment.html';

/**
 * Stop: StopServiceDeployment ABORT, which leaves the service where the deployment got to. AWS
 * documents ROLLBACK as the stop type it takes; where ECS refuses ABORT, the error says so and
 * points to Roll Back instead of rolling back unasked.
 */
export async function stopServiceDeployment(ui: DeployUi, arg: unknown): Promise<{ serviceDeploymentArn: string; stopType: 'ABORT' } | undefined> {
  const target = await deploymentTarget(ui, arg, 'Stop Deployment', parseStopDeploymentArgs);
  if (target.interactive && !(await confirmDeploymentAction(ui, target, 'Stop (abort, without rolling back) the deployment of', 'Stop'))) return undefined;
  try {
    const arn = await ui.actions(target.scope).stopServiceDeployment(target.cluster, target.service, target.deployment.serviceDeploymentArn ?? '', 'ABORT');
    ui.log(`Stop ${target.service}: StopServiceDeployment ABORT ${arn}`);
    return { serviceDeploymentArn: arn, stopType: 'ABORT' };
  } catch (error) {
    const problem = describeAwsError(error);
    if (problem.kind !== 'invalid-request') throw error;
    throw new Error(`ECS does not stop this deployment of ${target.service} without rolling back (ABORT): ${problem.message}. Use Roll Back Deployment to stop it and return to the previous revision (${API_PAGE}).`);
  }
}
