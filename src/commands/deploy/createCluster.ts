import type { AwsScope } from '../../aws/clientManager';
import type { ecs as EcsTypes } from '../../aws/sdk';
import { ClusterActions, type AsgProviderOptions, type AutoScalingGroup } from '../../deploy/clusterActions';
import { clusterNameProblem, parseCreateClusterArgs, parseTagText, tagsProblem, type ContainerInsights, type CreateClusterArgs } from '../../deploy/clusterArgs';
import { input, integerInput, pick } from '../../ui/input';
import { pagedPick } from '../../ui/pagedPick';
import { runSteps } from '../../ui/steps';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { nodeOf } from './targets';

type Capacity = 'fargate' | 'fargateSpot' | 'asg' | 'managed';

interface CreateState extends CreateClusterArgs {
  scope: AwsScope;
  capacity: Capacity;
  group?: AutoScalingGroup;
  targetCapacity: number;
  terminationProtection: boolean;
}

/** Default strategies offered for FARGATE + FARGATE_SPOT (base runs on the first, weight splits the rest). */
const FARGATE_STRATEGIES: { label: string; detail: string; strategy: EcsTypes.CapacityProviderStrategyItem[] }[] = [
  { label: 'All on FARGATE', detail: 'FARGATE weight 1', strategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }] },
  { label: 'Half on FARGATE_SPOT', detail: 'FARGATE base 1 weight 1, FARGATE_SPOT weight 1', strategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }] },
  { label: 'Mostly on FARGATE_SPOT', detail: 'FARGATE base 1 weight 1, FARGATE_SPOT weight 3', strategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 }] },
  { label: 'All on FARGATE_SPOT', detail: 'FARGATE_SPOT weight 1 (tasks can be interrupted)', strategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }] },
];

/** What a Managed Instances capacity provider needs, said instead of half-creating it. */
export const MANAGED_INSTANCES_NEEDS = 'Amazon ECS Managed Instances needs an infrastructure role (with the AmazonECSInfrastructureRolePolicyForManagedInstances policy), an EC2 instance profile for the instances (ecsInstanceRole), and the subnets and security groups to launch into. Create those in IAM and VPC, then create the capacity provider with `aws ecs create-capacity-provider --cluster <cluster> --managed-instances-provider ...` and attach it to a cluster made here with Fargate.';

/**
 * Create Cluster: name → capacity (Fargate, Fargate Spot, an Auto Scaling group, or what Managed
 * Instances needs) → default strategy → Container Insights → Service Connect namespace → tags.
 * An ASG capacity provider is created before the cluster, so a failure leaves no cluster behind.
 */
export async function createCluster(ui: DeployUi, arg: unknown): Promise<{ clusterArn: string; capacityProvider?: string } | undefined> {
  if (isArgumentObject(arg)) {
    const args = parseCreateClusterArgs(arg);
    const cluster = await new ClusterActions(ui.clients, ui.clients.resolve(args.scope), ui.changeSink()).createCluster(args);
    ui.log(`Created cluster ${cluster.clusterArn}`);
    return { clusterArn: cluster.clusterArn! };
  }
  const region = nodeOf<{ scope: AwsScope }>(arg, 'region');
  const scope = region?.scope ?? ui.clients.resolve();
  const actions = new ClusterActions(ui.clients, scope, ui.changeSink());
  const s = await runSteps<CreateState>('Create Cluster', [
    { title: 'Name', ask: async (view, st) => void (st.name = await input(view, { value: st.name, prompt: 'Up to 255 letters, numbers, hyphens and underscores', validate: (v) => clusterNameProblem(v.trim()) }).then((v) => v.trim())) },
    {
      title: 'Capacity',
      ask: async (view, st) => {
        st.capacity = await pick<Capacity>([
          { label: 'Fargate', detail: 'Capacity providers FARGATE and FARGATE_SPOT; serverless, no instances to manage', value: 'fargate' },
          { label: 'Fargate only', detail: 'Capacity provider FARGATE alone', value: 'fargateSpot' },
          { label: 'EC2: an existing Auto Scaling group…', detail: 'An ASG capacity provider with managed scaling (and FARGATE, FARGATE_SPOT)', value: 'asg' },
          { label: 'EC2: Managed Instances…', detail: 'What it needs, to prepare first', value: 'managed' },
        ], view);
        if (st.capacity === 'managed') throw new Error(MANAGED_INSTANCES_NEEDS);
      },
    },
    {
      title: 'Auto Scaling group',
      when: (st) => st.capacity === 'asg',
      ask: async (view, st) => {
        st.group = await pagedPick<AutoScalingGroup>({
          page: async (startToken) => {
            const { items, nextToken } = await actions.autoScalingGroups({ limit: 100, startToken });
            return { nextToken, items: items.map((g) => ({ label: g.AutoScalingGroupName ?? '', description: `${g.DesiredCapacity ?? 0} of ${g.MinSize ?? 0}–${g.MaxSize ?? 0} instances`, detail: g.NewInstancesProtectedFromScaleIn ? 'protects new instances from scale-in' : undefined, value: g })) };
          },
        }, { title: view, emptyMessage: `There are no EC2 Auto Scaling groups in ${scope.region}: create one with the ECS-optimized AMI first.` });
      },
    },
    { title: 'Managed scaling target capacity (%)', when: (st) => st.capacity === 'asg', ask: async (view, st) => void (st.targetCapacity = await integerInput(view, st.targetCapacity, 1, 100, 'ECS scales the group to keep this share of its instances in use (100 = no spare instance)')) },
    {
      title: 'Managed termination protection',
      when: (st) => st.capacity === 'asg',
      ask: async (view, st) => {
        const can = Boolean(st.group?.NewInstancesProtectedFromScaleIn);
        st.terminationProtection = await pick<boolean>([
          ...(can ? [{ label: 'On', detail: 'Instances running tasks are not terminated on scale-in', value: true }] : []),
          { label: 'Off', detail: can ? 'Scale-in may terminate instances with tasks' : 'This group does not protect new instances from scale-in, which termination protection needs', value: false },
        ], view);
      },
    },
    {
      title: 'Default capacity provider strategy',
      when: (st) => st.capacity === 'fargate',
      ask: async (view, st) => void (st.defaultCapacityProviderStrategy = await pick(FARGATE_STRATEGIES.map((f) => ({ label: f.label, detail: f.detail, value: f.strategy })), view)),
    },
    {
      title: 'Container Insights',
      ask: async (view, st) => void (st.containerInsights = await pick<ContainerInsights>([
        { label: 'Disabled', value: 'disabled' },
        { label: 'Enabled', detail: 'Cluster, service and task metrics (CloudWatch charges apply)', value: 'enabled' },
        { label: 'Enhanced', detail: 'Also container-level metrics (more CloudWatch charges)', value: 'enhanced' },
      ], view)),
    },
    { title: 'Service Connect default namespace (optional)', ask: async (view, st) => void (st.serviceConnectNamespace = (await input(view, { value: st.serviceConnectNamespace ?? '', prompt: 'A Cloud Map namespace name or ARN; leave empty for none' })).trim() || undefined) },
    {
      title: 'Tags (optional)',
      ask: async (view, st) => {
        const text = await input(view, { prompt: 'key=value, key2=value2; leave empty for none', validate: (v) => { const t = parseTagText(v); return t ? tagsProblem(t) : 'Write tags as key=value, separated by commas'; } });
        st.tags = parseTagText(text);
      },
    },
  ], { name: '', scope, capacity: 'fargate', targetCapacity: 100, terminationProtection: false });
  let provider: string | undefined;
  if (s.capacity === 'asg' && s.group?.AutoScalingGroupARN) {
    const options: AsgProviderOptions = { name: `${s.name}-${s.group.AutoScalingGroupName}`.slice(0, 255).replace(/^(aws|ecs|fargate)/i, 'cp-$1'), autoScalingGroupArn: s.group.AutoScalingGroupARN, targetCapacity: s.targetCapacity, terminationProtection: s.terminationProtection };
    provider = (await actions.createAsgCapacityProvider(options)).name ?? options.name;
    ui.log(`Created capacity provider ${provider} for Auto Scaling group ${s.group.AutoScalingGroupName}`);
  }
  const args: CreateClusterArgs = {
    ...s,
    capacityProviders: s.capacity === 'fargateSpot' ? ['FARGATE'] : [...(provider ? [provider] : []), 'FARGATE', 'FARGATE_SPOT'],
    defaultCapacityProviderStrategy: provider ? [{ capacityProvider: provider, weight: 1, base: 0 }] : s.capacity === 'fargateSpot' ? [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }] : s.defaultCapacityProviderStrategy,
  };
  try {
    const cluster = await actions.createCluster(args);
    ui.log(`Created cluster ${cluster.clusterArn}`);
    return { clusterArn: cluster.clusterArn!, capacityProvider: provider };
  } catch (error) {
    if (!provider) throw error;
    throw new Error(`The cluster was not created: ${error instanceof Error ? error.message : String(error)} Capacity provider ${provider} exists (for Auto Scaling group ${s.group?.AutoScalingGroupName}); attach it to a cluster with \`aws ecs put-cluster-capacity-providers\`, or delete it with \`aws ecs delete-capacity-provider --capacity-provider ${provider}\`.`);
  }
}
