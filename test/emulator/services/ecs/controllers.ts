/**
 * Deployment controllers (ECS, CODE_DEPLOY, EXTERNAL): what CreateService requires of each, and
 * which UpdateService parameters each accepts. Checked before anything changes, so a refused call
 * leaves the service as it was.
 *
 * - API reference, CreateService `taskDefinition`: "A task definition must be specified if the
 *   service uses either the ECS or CODE_DEPLOY deployment controllers"; `loadBalancers`: "If the
 *   service uses the CODE_DEPLOY deployment controller, the service is required to use either an
 *   Application Load Balancer or Network Load Balancer"; `schedulingStrategy`: REPLICA "is required
 *   if the service uses the CODE_DEPLOY or EXTERNAL deployment controller types"
 *   (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html).
 * - EXTERNAL: "The only required parameter is the service name"; task definitions belong to task
 *   sets (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-external.html),
 *   and ECS refuses one on the service with "TaskDefinition must be blank."
 *   (https://github.com/aws/aws-cdk/issues/6245, https://github.com/terraform-aws-modules/terraform-aws-ecs/issues/278).
 * - UpdateService: "For services using the blue/green (CODE_DEPLOY) deployment controller, only the
 *   desired count, deployment configuration, health check grace period, task placement constraints
 *   and strategies, enable ECS managed tags option, and propagate tags can be updated ... If the
 *   network configuration, platform version, task definition, or load balancer need to be updated,
 *   create a new CodeDeploy deployment"; for EXTERNAL, "If the launch type, load balancer, network
 *   configuration, platform version, or task definition need to be updated, create a new task set"
 *   (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html). ECS's words
 *   for a task definition on a CODE_DEPLOY service are "Unable to update task definition on services
 *   with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment."
 *   (https://github.com/boto/boto3/issues/1936); the other refusals follow that wording.
 */
import type * as ecs from '../../generated/ecs';
import { bad } from './common';
import type { ServiceRecord } from './state';

/** UpdateService parameters each non-ECS controller refuses, with the words ECS uses for them. */
const REFUSED: Record<'CODE_DEPLOY' | 'EXTERNAL', [keyof ecs.UpdateServiceRequest, string][]> = {
  CODE_DEPLOY: [
    ['taskDefinition', 'update task definition'],
    ['networkConfiguration', 'update network configuration'],
    ['platformVersion', 'update platform version'],
    ['loadBalancers', 'update load balancers'],
    ['forceNewDeployment', 'force a new deployment'],
  ],
  EXTERNAL: [
    ['taskDefinition', 'update task definition'],
    ['networkConfiguration', 'update network configuration'],
    ['platformVersion', 'update platform version'],
    ['loadBalancers', 'update load balancers'],
    ['capacityProviderStrategy', 'update capacity provider strategy'],
    ['forceNewDeployment', 'force a new deployment'],
  ],
};

const REMEDY = {
  CODE_DEPLOY: 'Use AWS CodeDeploy to trigger a new deployment.',
  EXTERNAL: 'Use the task set API (CreateTaskSet) instead.',
};

export function checkCreate(type: ecs.DeploymentControllerType, input: ecs.CreateServiceRequest): void {
  if (type !== 'EXTERNAL' && !input.taskDefinition) {
    throw bad('TaskDefinition must be specified.');
  }
  if (type === 'EXTERNAL' && input.taskDefinition) {
    throw bad('TaskDefinition must be blank.');
  }
  if (type !== 'ECS' && input.schedulingStrategy === 'DAEMON') {
    throw bad(`The DAEMON scheduling strategy is not supported with the ${type} deployment controller.`);
  }
  if (type === 'CODE_DEPLOY' && !(input.loadBalancers ?? []).some((lb) => lb.targetGroupArn)) {
    throw bad('The CODE_DEPLOY deployment controller requires an Application Load Balancer or Network Load Balancer target group.');
  }
}

export function checkUpdate(svc: ServiceRecord, input: ecs.UpdateServiceRequest): void {
  const type = svc.deploymentController.type;
  if (type === 'ECS') {
    return;
  }
  for (const [param, words] of REFUSED[type]) {
    const value = input[param];
    if (value !== undefined && value !== false) {
      throw bad(`Unable to ${words} on services with ${type === 'EXTERNAL' ? 'an' : 'a'} ${type} deployment controller. ${REMEDY[type]}`);
    }
  }
}
