/**
 * DescribeTaskSets: the task sets of a CODE_DEPLOY or EXTERNAL service ("Describes the task sets in
 * the specified cluster and service. This is used when a service uses the EXTERNAL deployment
 * controller type", https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTaskSets.html).
 * A service of the ECS controller has none: ECS refuses the call with an InvalidParameterException.
 */
import { lastPart } from '../../kit/arn';
import { bad, describeBatch, EcsHandlers } from './common';
import { activeService, serviceView } from './services';

export const taskSetHandlers: EcsHandlers<'DescribeTaskSets'> = {
  DescribeTaskSets: (input, { region }) => {
    const svc = activeService(region, input.cluster, input.service);
    if (svc.deploymentController.type === 'ECS') {
      throw bad('Amazon ECS does not support task set management on services where deployments are controlled by Amazon ECS.');
    }
    const sets = serviceView(region, svc).taskSets ?? [];
    if (!input.taskSets) {
      return { taskSets: sets, failures: [] };
    }
    const r = describeBatch(input.taskSets, (ref) => sets.find((s) => s.taskSetArn === ref || s.id === ref || s.id === `ecs-svc/${lastPart(ref)}`), (s) => s, (ref) => ref);
    return { taskSets: r.found, failures: r.failures };
  },
};
