/**
 * CreateCapacityProvider for an Auto Scaling group, with the rules of
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html and
 * API_AutoScalingGroupProvider.html / API_ManagedScaling.html.
 */
import type * as ecs from '../../generated/ecs';
import { AwsError } from '../../kit/errors';
import { asgState } from '../ec2autoscaling/state';
import { bad, EcsHandlers } from './common';
import { ecsState } from './state';
import type { Region } from '../../kit/world';

const client = (message: string): AwsError => new AwsError('ClientException', message);

/** API_ManagedScaling.html: targetCapacity 1-100 (default 100), step sizes 1-10,000 (defaults 1 and 10,000), warm-up 0-10,000 s (default 300). */
function managedScaling(m: ecs.ManagedScaling | undefined): ecs.ManagedScaling {
  const out = { status: m?.status ?? 'DISABLED', targetCapacity: m?.targetCapacity ?? 100, minimumScalingStepSize: m?.minimumScalingStepSize ?? 1, maximumScalingStepSize: m?.maximumScalingStepSize ?? 10_000, instanceWarmupPeriod: m?.instanceWarmupPeriod ?? 300 };
  if (out.targetCapacity < 1 || out.targetCapacity > 100) throw bad('targetCapacity must be between 1 and 100.');
  if (out.minimumScalingStepSize > out.maximumScalingStepSize) throw bad('minimumScalingStepSize cannot be greater than maximumScalingStepSize.');
  return out;
}

/** A Managed Instances provider "becomes available only within the specified cluster" (API_CreateCapacityProvider.html). Nothing is launched. */
function managedInstances(region: Region, input: ecs.CreateCapacityProviderRequest): ecs.CapacityProvider {
  const state = ecsState(region);
  if (input.autoScalingGroupProvider) throw bad('Specify either autoScalingGroupProvider or managedInstancesProvider, not both.');
  if (!input.cluster) throw bad('cluster is required for a Managed Instances capacity provider.');
  const cluster = state.cluster(input.cluster);
  const m = input.managedInstancesProvider!;
  const cp: ecs.CapacityProvider = {
    capacityProviderArn: state.arn(`capacity-provider/${input.name}`),
    name: input.name,
    cluster: cluster.clusterName,
    status: 'ACTIVE',
    type: 'MANAGED_INSTANCES',
    managedInstancesProvider: { infrastructureRoleArn: m.infrastructureRoleArn, instanceLaunchTemplate: m.instanceLaunchTemplate, propagateTags: m.propagateTags },
  };
  state.capacityProviders.set(input.name, cp);
  state.setTags(cp.capacityProviderArn!, input.tags);
  return { ...cp, tags: input.tags ?? [] };
}

export const capacityProviderHandlers: EcsHandlers<'CreateCapacityProvider'> = {
  CreateCapacityProvider: (input, { region }) => {
    const state = ecsState(region);
    // "Up to 255 characters ... letters, numbers, underscores and hyphens. The name can't be prefixed with aws, ecs, or fargate."
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(input.name)) throw client('The capacity provider name can only contain letters, numbers, underscores and hyphens (max 255).');
    if (/^(aws|ecs|fargate)/i.test(input.name)) throw client(`The capacity provider name can't be prefixed with "aws", "ecs", or "fargate".`);
    if (state.capacityProviders.has(input.name)) throw client(`The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.`);
    if (input.managedInstancesProvider) return { capacityProvider: managedInstances(region, input) };
    const provider = input.autoScalingGroupProvider;
    if (!provider) throw bad('One of autoScalingGroupProvider and managedInstancesProvider is required.');
    const group = asgState(region).group(provider.autoScalingGroupArn);
    if (!group || !provider.autoScalingGroupArn.startsWith('arn:')) throw client('The specified Auto Scaling group ARN is not valid. Specify a valid Auto Scaling group ARN and try again.');
    if ([...state.capacityProviders.values()].some((cp) => cp.status === 'ACTIVE' && cp.autoScalingGroupProvider?.autoScalingGroupArn === group.AutoScalingGroupARN)) {
      throw client('The specified Auto Scaling group is already in use by another capacity provider.');
    }
    const scaling = managedScaling(provider.managedScaling);
    const protection = provider.managedTerminationProtection ?? 'DISABLED';
    // "When using managed termination protection, managed scaling must also be used" and the group
    // must protect new instances from scale-in (API_AutoScalingGroupProvider.html, cluster-auto-scaling.html).
    if (protection === 'ENABLED' && (scaling.status !== 'ENABLED' || !group.NewInstancesProtectedFromScaleIn)) {
      throw client('The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.');
    }
    const cp: ecs.CapacityProvider = {
      capacityProviderArn: state.arn(`capacity-provider/${input.name}`),
      name: input.name,
      status: 'ACTIVE',
      autoScalingGroupProvider: { autoScalingGroupArn: group.AutoScalingGroupARN, managedScaling: scaling, managedTerminationProtection: protection, managedDraining: provider.managedDraining ?? 'ENABLED' },
      tags: [],
    };
    state.capacityProviders.set(input.name, cp);
    state.setTags(cp.capacityProviderArn!, input.tags);
    return { capacityProvider: { ...cp, tags: input.tags ?? [] } };
  },
};
