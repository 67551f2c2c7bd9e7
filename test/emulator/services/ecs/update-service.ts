/**
 * UpdateService: everything is checked before anything changes (a refused call leaves the service
 * as it was); then the parameters that "trigger a new service deployment" (API reference) start one,
 * the others apply in place.
 */
import type * as ecs from '../../generated/ecs';
import type { Region } from '../../kit/world';
import { EcsHandlers } from './common';
import { checkUpdate } from './controllers';
import { checkPlacement } from './placement-config';
import { activeService, checkLaunch, serviceView } from './services';
import { ecsSim } from './sim/index';
import { ecsState, type ServiceRecord } from './state';
import { checkStrategy } from './strategy-config';

/** Parameters copied as they are; the first two also redeploy. */
const IN_PLACE = ['loadBalancers', 'enableExecuteCommand', 'healthCheckGracePeriodSeconds', 'enableECSManagedTags', 'propagateTags', 'serviceRegistries', 'placementConstraints', 'placementStrategy'] as const;
const REDEPLOYING = new Set<string>(['loadBalancers', 'enableExecuteCommand']);

function changes(region: Region, svc: ServiceRecord, input: ecs.UpdateServiceRequest): { set: Partial<ServiceRecord>; redeploy: boolean } {
  const state = ecsState(region);
  const set: Partial<ServiceRecord> = {};
  let redeploy = input.forceNewDeployment === true;
  const network = input.networkConfiguration ?? svc.networkConfiguration;
  if (input.taskDefinition) {
    const td = state.taskDefForUse(input.taskDefinition);
    checkLaunch(td, state.serviceExtras.of(svc).launchType, network);
    if (td.taskDefinitionArn !== svc.taskDefinition) {
      set.taskDefinition = td.taskDefinitionArn;
      redeploy = true;
    }
  }
  if (input.networkConfiguration && JSON.stringify(input.networkConfiguration) !== JSON.stringify(svc.networkConfiguration)) {
    set.networkConfiguration = input.networkConfiguration;
    redeploy = true;
  }
  if (input.platformVersion && input.platformVersion !== svc.platformVersion) {
    set.platformVersion = input.platformVersion;
    redeploy = true;
  }
  if (input.capacityProviderStrategy) {
    set.capacityProviderStrategy = input.capacityProviderStrategy;
    redeploy = true;
  }
  if (input.deploymentConfiguration) {
    // Member by member: one omitted keeps its value. UpdateService "Modifies the parameters of a
    // service" and documents no reset of omitted members (the 200 % / 100 % defaults are the
    // service's, at creation); a given deploymentCircuitBreaker or alarms replaces the old one
    // whole, as all their members are required
    // (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html,
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html).
    set.deploymentConfiguration = { ...svc.deploymentConfiguration, ...input.deploymentConfiguration };
  }
  checkStrategy(region, set.deploymentConfiguration ?? svc.deploymentConfiguration, svc.deploymentController.type, input.loadBalancers ?? svc.loadBalancers ?? [], !!(input.serviceConnectConfiguration ?? svc.deployments[0]?.serviceConnectConfiguration)?.enabled);
  const td = state.findTaskDef(set.taskDefinition ?? svc.taskDefinition ?? '');
  checkPlacement(state.serviceExtras.of(svc).launchType, input.placementStrategy ?? svc.placementStrategy, input.placementConstraints ?? svc.placementConstraints, td);
  for (const k of IN_PLACE) {
    if (input[k] !== undefined) {
      Object.assign(set, { [k]: input[k] });
      redeploy ||= REDEPLOYING.has(k);
    }
  }
  return { set, redeploy };
}

export const updateServiceHandlers: EcsHandlers<'UpdateService'> = {
  UpdateService: (input, { region }) => {
    const svc = activeService(region, input.cluster, input.service);
    checkUpdate(svc, input);
    const { set, redeploy } = changes(region, svc, input);
    const { scheduler, deployments } = ecsSim(region);
    Object.assign(svc, set);
    if (typeof input.desiredCount === 'number') {
      svc.desiredCount = input.desiredCount;
      ecsState(region).serviceExtras.of(svc).steady = false;
    }
    if (redeploy && svc.taskDefinition) {
      deployments.start(svc, svc.taskDefinition);
    } else {
      if (svc.deployments[0]) {
        svc.deployments[0].desiredCount = svc.desiredCount;
      }
      scheduler.scheduleReconcile(svc);
    }
    return { service: serviceView(region, svc) };
  },
};
