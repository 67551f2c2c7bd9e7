/** Amazon ECS: clusters, services (with deployment controllers), tasks, task definitions, container instances and their attributes, tags. */
import type * as ecs from '../../generated/ecs';
import { arn } from '../../kit/arn';
import { defineService } from '../../kit/service';
import { attributeHandlers } from './attributes';
import { capacityProviderHandlers } from './capacity-providers';
import { clusterHandlers } from './clusters';
import { instanceHandlers } from './container-instances';
import { ecsControl } from './control';
import { execHandlers } from './exec/executeCommand';
import { expressHandlers } from './express-gateway';
import { serviceDeploymentHandlers } from './service-deployments';
import { serviceHandlers } from './services';
import { tagHandlers } from './tags';
import { taskDefinitionHandlers } from './task-definitions';
import { taskSetHandlers } from './task-sets';
import { taskHandlers } from './tasks';
import { updateClusterHandlers } from './update-cluster';
import { updateServiceHandlers } from './update-service';

export const ecsService = defineService<ecs.Operations>({
  model: 'ecs',
  iamPrefix: 'ecs',
  validationError: 'InvalidParameterException',
  // No public source gives ECS's wording for a foreign token; the code is the one its model lists.
  pageTokens: { error: 'InvalidParameterException', message: 'The nextToken is not valid.' },
  deniedResourceArn: (name, region) => arn('ecs', region, `cluster/${name}`),
  control: ecsControl,
  handlers: { ...clusterHandlers, ...capacityProviderHandlers, ...serviceHandlers, ...serviceDeploymentHandlers, ...updateServiceHandlers, ...taskHandlers, ...taskDefinitionHandlers, ...instanceHandlers, ...attributeHandlers, ...tagHandlers, ...taskSetHandlers, ...execHandlers, ...updateClusterHandlers, ...expressHandlers },
});
