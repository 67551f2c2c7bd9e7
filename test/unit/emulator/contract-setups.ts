/**
 * The per-example preparation of the contract test: what each documented example's state was
 * before it ran, beyond what `Fixture.ecs` creates from the names it shows (contract-fixture.ts).
 */
import { defaultIdentity } from '../../emulator/kit/identity';
import { seedContext } from '../../emulator/kit/service';
import { scalingService } from '../../emulator/services/autoscaling/index';
import { scalingState } from '../../emulator/services/autoscaling/state';
import { asgState, type GroupRecord } from '../../emulator/services/ec2autoscaling/state';
import { ecsService } from '../../emulator/services/ecs/index';
import { addRole, putRolePolicy } from '../../emulator/services/iam/index';
import { ecsSim } from '../../emulator/services/ecs/sim/index';
import { ecsState } from '../../emulator/services/ecs/state';
import { ec2State } from '../../emulator/services/ec2/state';
import { elbState, type TargetGroupRecord } from '../../emulator/services/elbv2/state';
import { registerTargets } from '../../emulator/services/elbv2/writes';
import { registerTaskDefinition } from '../../emulator/services/ecs/task-definitions';
import { SUBNETS } from '../../emulator/seeds/helpers';
import { ssoState } from '../../emulator/services/sso/state';
import { pricingCatalogue } from '../../emulator/services/pricing/index';
import { Fixture } from './contract-fixture';

export { Fixture };

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Removing capacity providers: the example's cluster had both. */
function hadBoth(f: Fixture, input: Json): void {
  f.capacityProvider('MyCapacityProvider1');
  f.capacityProvider('MyCapacityProvider2');
  f.cluster(input.cluster);
  ecsService.handlers.PutClusterCapacityProviders({ cluster: input.cluster, capacityProviders: ['MyCapacityProvider1', 'MyCapacityProvider2'], defaultCapacityProviderStrategy: [] }, seedContext(f.region));
}

const EXAMPLE_INSTANCE = '1c3be8ed-df30-47b4-8f1e-6e68ebd01f34';

function withStack(f: Fixture, cluster: string): void {
  f.instance(cluster, EXAMPLE_INSTANCE);
  ecsState(f.region).instancesOf(cluster).get(EXAMPLE_INSTANCE)!.attributes!.push({ name: 'stack', value: 'production' });
}

/**
 * A group's targets: the tasks of an EC2 service (host port 80) behind the example's load balancer,
 * on the instance the example names in its zone `a`, and with two tasks a second instance in zone `c`.
 */
async function webTargets(f: Fixture, input: Json, output: Json, tasks: number): Promise<void> {
  f.loadBalancer('arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188', input.TargetGroupArn, undefined, 'instance');
  const target = output.TargetHealthDescriptions[0].Target;
  f.instance('default', 'web-host', target.Id, `${f.regionName}a`);
  if (tasks > 1) {
    f.instance('default', 'web-host-c', undefined, `${f.regionName}c`);
  }
  registerTaskDefinition(f.region, { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128, portMappings: [{ containerPort: 80, hostPort: target.Port }] }] }, defaultIdentity(f.regionName));
  f.service('default', 'web', 'web', tasks, { loadBalancers: [{ targetGroupArn: input.TargetGroupArn, containerName: 'web', containerPort: 80 }] });
  // Started, then healthy: the group's health checks pass after 30 s × 5 (its interval × healthy threshold).
  await f.emu.clock.advance(60_000 + 150_000);
}

/** The example's target group, behind the load balancer of the other ELBv2 examples. */
function exampleTargetGroup(f: Fixture, tgArn: string): TargetGroupRecord {
  f.loadBalancer('arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188', tgArn);
  return elbState(f.region).targetGroup(tgArn)!;
}

/** A group of the example's name and id on no load balancer. */
function exampleGroupOnly(f: Fixture, tgArn: string): void {
  const name = tgArn.split(':').pop()!.split('/')[1];
  elbState(f.region).targetGroups.push({ ...elbState(f.region).targetGroups[0], TargetGroupName: name, TargetGroupArn: tgArn, LoadBalancerArns: [] });
}

/**
 * The per-example preparation, by `service:Operation`, run before the generic ECS one
 * (`Fixture.ecs`, which then creates only what is still missing).
 */
export const SETUPS: Record<string, (f: Fixture, input: Json, output: Json, index: number) => void | Promise<void>> = {
  // The example's group exists and protects new instances from scale-in (its managed termination protection needs that).
  'ecs:CreateCapacityProvider': (f, input) => {
    const arn = input.autoScalingGroupProvider.autoScalingGroupArn;
    asgState(f.region).groups.push({ AutoScalingGroupName: arn.split('/').pop(), AutoScalingGroupARN: arn, MinSize: 0, MaxSize: 1, DesiredCapacity: 0, DefaultCooldown: 300, AvailabilityZones: [], HealthCheckType: 'EC2', CreatedTime: new Date(0), NewInstancesProtectedFromScaleIn: true });
  },
  'ec2autoscaling:DescribeAutoScalingGroups': (f, _input, output) => void asgState(f.region).groups.push(...(output.AutoScalingGroups as GroupRecord[])),
  'ecs:DeleteService': (f, input) => f.service('default', input.service, undefined, 0),
  // The console's sample app: its container `simple-app` serves port 80 (CreateService checks the load balancer's container and port).
  'ecs:CreateService#1': (f, input, output) => void f.taskDefFrom({ family: input.taskDefinition, revision: Number(output.service.taskDefinition.split(':').pop()), containerDefinitions: [{ name: 'simple-app', image: 'httpd:2.4', memory: 300, portMappings: [{ containerPort: 80, hostPort: 80 }] }] }),
  // Deregistered first; named as the input names them (the example's output shows another family).
  'ecs:DeleteTaskDefinitions': (f, input, output) => {
    input.taskDefinitions.forEach((ref: string, i: number) => {
      const [family, revision] = ref.split(':');
      const td = f.taskDefFrom({ ...(output.taskDefinitions[i] ?? output.taskDefinitions[0]), family, revision: Number(revision) });
      Object.assign(td, { status: 'INACTIVE', deregisteredAt: f.region.now() });
    });
  },
  'ecs:DeregisterTaskDefinition': (f, _input, output) => {
    f.taskDefFrom(output.taskDefinition);
  },
  'ecs:DescribeTaskDefinition': (f, _input, output) => {
    f.taskDefFrom(output.taskDefinition);
  },
  'ecs:DescribeCapacityProviders': (f, _input, output) => {
    for (const cp of output.capacityProviders.filter((x: Json) => x.autoScalingGroupProvider)) {
      f.capacityProvider(cp.name, cp);
    }
  },
  // The example's container instance, and for the delete and list examples its custom attribute.
  'ecs:PutAttributes': (f) => f.instance('MyCluster', EXAMPLE_INSTANCE),
  'ecs:DeleteAttributes': (f) => withStack(f, 'default'),
  'ecs:ListAttributes': (f) => withStack(f, 'MyCluster'),
  'ecs:PutClusterCapacityProviders': (f) => {
    f.capacityProvider('MyCapacityProvider1');
    f.capacityProvider('MyCapacityProvider2');
  },
  // Removing capacity providers: the example's cluster had them.
  'ecs:PutClusterCapacityProviders#1': (f, input) => hadBoth(f, input),
  'ecs:PutClusterCapacityProviders#2': (f, input) => hadBoth(f, input),
  'ecs:ListTaskDefinitionFamilies': (f, _input, output) => output.families.forEach((family: string) => f.taskDef(family)),
  'ecs:ListTagsForResource': (f, _input, output) => {
    ecsState(f.region).setTags(f.cluster('dev').clusterArn, output.tags);
  },
  'ecs:UntagResource': (f) => {
    ecsState(f.region).setTags(f.cluster('dev').clusterArn, [{ key: 'team', value: 'dev' }]);
  },
  // Reads of a service's history: its deployment has run.
  'ecs:DescribeServices': async (f, input, output) => {
    f.ecs('DescribeServices', input, output);
    await f.emu.clock.advance(120_000);
  },
  'ecs:ListServiceDeployments': async (f, input) => {
    f.service(input.cluster, input.service);
    await f.emu.clock.advance(120_000);
  },
  'ecs:DescribeServiceDeployments': (f, input) => {
    const [cluster, service] = input.serviceDeploymentArns[0].split('/').slice(1, 3);
    f.service(cluster, service);
    const sd = ecsState(f.region).serviceExtras.of(ecsState(f.region).servicesOf(cluster).get(service)!).serviceDeployments[0].record;
    sd.serviceDeploymentArn = input.serviceDeploymentArns[0];
  },
  // The revision of the example's service deployment, under the example's ARN.
  'ecs:DescribeServiceRevisions': (f, input) => {
    registerTaskDefinition(f.region, { family: 'large-ngingx', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', containerDefinitions: [{ name: 'nginx', image: 'nginx' }] }, defaultIdentity(f.regionName));
    f.service('testc', 'sd1', 'large-ngingx', 1, { launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a4040e73895f04e1'], securityGroups: ['sg-09605d60a6bc1b296'], assignPublicIp: 'ENABLED' } } });
    const revisions = ecsState(f.region).serviceRevisions;
    const [arn, rev] = [...revisions.entries()].pop()!;
    revisions.delete(arn);
    revisions.set(input.serviceRevisionArns[0], { ...rev, serviceRevisionArn: input.serviceRevisionArns[0] });
  },
  // A deployment under way (the service's first one completed), under the example's ARN.
  'ecs:StopServiceDeployment': async (f, input) => {
    const [cluster, service] = input.serviceDeploymentArn.split('/').slice(1, 3);
    f.service(cluster, service);
    await f.emu.clock.advance(120_000);
    ecsService.handlers.UpdateService({ cluster, service, forceNewDeployment: true }, seedContext(f.region));
    ecsState(f.region).serviceExtras.of(ecsState(f.region).servicesOf(cluster).get(service)!).serviceDeployments[0].record.serviceDeploymentArn = input.serviceDeploymentArn;
  },
  // A task set is a CODE_DEPLOY (or EXTERNAL) service's: the example's, with its id.
  'ecs:DescribeTaskSets': async (f, input, output) => {
    f.cluster(input.cluster);
    const [, cluster, service, ...id] = input.taskSets[0].split('/');
    f.service(cluster, service, undefined, 0, { deploymentController: { type: 'CODE_DEPLOY' }, loadBalancers: [{ targetGroupArn: `arn:aws:elasticloadbalancing:${f.regionName}:123456789012:targetgroup/tg/0123456789abcdef`, containerName: 'app', containerPort: 80 }], networkConfiguration: output.taskSets[0].networkConfiguration });
    ecsState(f.region).servicesOf(cluster).get(service)!.deployments[0].id = id.join('/');
    await f.emu.clock.advance(60_000);
  },
  // The example's cluster: on an Auto Scaling group capacity provider (its managed scaling attached), with a Service Connect namespace.
  'ecs:UpdateCluster': async (f, input, output) => {
    const shown = output.cluster;
    f.cluster(input.cluster);
    f.capacityProvider(shown.capacityProviders[0]);
    ecsService.handlers.PutClusterCapacityProviders({ cluster: input.cluster, capacityProviders: shown.capacityProviders, defaultCapacityProviderStrategy: shown.defaultCapacityProviderStrategy }, seedContext(f.region));
    ecsService.handlers.UpdateCluster({ cluster: input.cluster, serviceConnectDefaults: { namespace: shown.serviceConnectDefaults.namespace } }, seedContext(f.region));
    await f.emu.clock.advance(60_000);
  },
  // The example's task, running with ECS Exec, its container MyContainer, a task role that may open Session Manager's channels.
  'ecs:ExecuteCommand': (f, input) => {
    addRole(f.region.core, 'exec-example-task-role', 'ecs-tasks.amazonaws.com', f.regionName);
    putRolePolicy(f.region.core, 'exec-example-task-role', 'ecs-exec', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssmmessages:*', Resource: '*' }] }, f.regionName);
    registerTaskDefinition(f.region, {
      family: 'exec-example', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512',
      taskRoleArn: 'arn:aws:iam::123456789012:role/exec-example-task-role', containerDefinitions: [{ name: input.container, image: 'nginx' }],
    }, defaultIdentity(f.regionName));
    const td = ecsState(f.region).findTaskDef('exec-example')!;
    const id = input.task.split('/').pop();
    ecsSim(f.region).tasks.launch({ id, cluster: f.cluster(input.cluster), taskDef: td, launchType: 'FARGATE', networkConfiguration: SUBNETS, runningSince: f.region.now(), enableExecuteCommand: true });
  },
  'ecr:BatchDeleteImage': (f, input) => f.repo(input.repositoryName, input.imageIds.map((i: Json) => i.imageTag)),
  'ecr:DeleteRepository': (f, input) => f.repo(input.repositoryName, ['latest']),
  'ecr:DescribeRepositories': (f, _input, output) => output.repositories.forEach((r: Json) => f.repo(r.repositoryName)),
  'ecr:ListImages': (f, input, output) => f.repo(input.repositoryName, output.imageIds.map((i: Json) => i.imageTag)),
  'autoscaling:DeleteScalingPolicy': (f, input) => {
    f.scalableTarget(input);
    scalingService.handlers.PutScalingPolicy({ ...input, PolicyType: 'StepScaling', StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ ScalingAdjustment: -1, MetricIntervalUpperBound: 0 }] } }, seedContext(f.region));
  },
  'autoscaling:DeleteScheduledAction': (f, input) => {
    f.scalableTarget({ ...input });
    scalingService.handlers.PutScheduledAction({ ...input, Schedule: 'cron(0 7 * * ? *)', ScalableTargetAction: { MinCapacity: 1 } }, seedContext(f.region));
  },
  'autoscaling:DeregisterScalableTarget': (f, input) => f.scalableTarget(input),
  'autoscaling:DescribeScalableTargets': (f, _input, output) => output.ScalableTargets.forEach((t: Json) => f.scalableTarget(t)),
  'autoscaling:DescribeScalingActivities': (f, input) => {
    f.scalableTarget(input);
    const [cluster, service] = input.ResourceId.split('/').slice(1);
    ecsState(f.region).servicesOf(cluster).get(service)!.desiredCount = 0;
    f.scalableTarget(input);
  },
  'autoscaling:DescribeScalingPolicies': (f, _input, output) => {
    for (const p of output.ScalingPolicies) {
      f.scalableTarget(p);
      scalingService.handlers.PutScalingPolicy({ PolicyName: p.PolicyName, ServiceNamespace: p.ServiceNamespace, ResourceId: p.ResourceId, ScalableDimension: p.ScalableDimension, PolicyType: p.PolicyType, StepScalingPolicyConfiguration: p.StepScalingPolicyConfiguration }, seedContext(f.region));
      // The CloudWatch alarm that invokes a step policy (PutMetricAlarm is not emulated).
      const policy = scalingState(f.region).policies.find((x) => x.PolicyName === p.PolicyName)!;
      policy.Alarms = p.Alarms;
    }
  },
  'autoscaling:DescribeScheduledActions': (f, _input, output) => {
    for (const a of output.ScheduledActions) {
      f.scalableTarget(a);
      scalingService.handlers.PutScheduledAction({ ServiceNamespace: a.ServiceNamespace, ResourceId: a.ResourceId, ScalableDimension: a.ScalableDimension, ScheduledActionName: a.ScheduledActionName, Schedule: a.Schedule, ScalableTargetAction: a.ScalableTargetAction }, seedContext(f.region));
    }
  },
  'autoscaling:PutScalingPolicy': (f, input) => f.scalableTarget(input),
  'autoscaling:PutScheduledAction': (f, input) => f.scalableTarget(input),
  'autoscaling:RegisterScalableTarget': (f, input) => {
    f.cluster('default');
    f.service('default', input.ResourceId.split('/')[2]);
  },
  'secretsmanager:GetSecretValue': (f, input) => f.secret(input.SecretId),
  'secretsmanager:ListSecrets': (f, _input, output) => output.SecretList.forEach((s: Json) => f.secret(s.Name, s.Description)),
  'iam:GetRole': (f, input) => f.role(input.RoleName),
  'elbv2:DescribeListeners': (f, _input, output) => f.loadBalancer(output.Listeners[0].LoadBalancerArn, output.Listeners[0].DefaultActions[0].TargetGroupArn, output.Listeners[0].ListenerArn),
  // The example's rule on the listener of the other examples' load balancer.
  'elbv2:DescribeRules': (f, input, output) => {
    const rule = output.Rules[0];
    const listenerArn = input.RuleArns[0].replace(':listener-rule/', ':listener/').split('/').slice(0, -1).join('/');
    f.loadBalancer(`${listenerArn.replace(':listener/', ':loadbalancer/').split('/').slice(0, -1).join('/')}`, rule.Actions[0].TargetGroupArn, listenerArn);
    elbState(f.region).rules.push({ RuleArn: rule.RuleArn, ListenerArn: listenerArn, Priority: rule.Priority, IsDefault: false, Conditions: rule.Conditions, Actions: rule.Actions });
  },
  'elbv2:DescribeLoadBalancers': (f, input) => f.loadBalancer(input.LoadBalancerArns[0], 'arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067'),
  'elbv2:DescribeTargetGroups': (f, input, output) => f.loadBalancer(output.TargetGroups[0].LoadBalancerArns[0], input.TargetGroupArns[0]),
  'elbv2:DescribeTargetHealth': (f, input, output) => webTargets(f, input, output, 1),
  // One target unused (Target.NotInUse), one healthy: the unused one on an instance in a zone the load balancer (a, b) does not enable.
  'elbv2:DescribeTargetHealth#0': (f, input, output) => webTargets(f, input, output, 2),
  'elbv2:DescribeTargetGroupAttributes': (f, input) => void exampleTargetGroup(f, input.TargetGroupArn),
  'elbv2:ModifyTargetGroupAttributes': (f, input) => void exampleTargetGroup(f, input.TargetGroupArn),
  // The example's group serves HTTPS on 443.
  'elbv2:ModifyTargetGroup': (f, input) => void Object.assign(exampleTargetGroup(f, input.TargetGroupArn), { Protocol: 'HTTPS', Port: 443 }),
  // The example's VPC beside the region's default one.
  'elbv2:CreateTargetGroup': (f, input) => void ec2State(f.region).vpcs.push({ VpcId: input.VpcId, State: 'available', CidrBlock: '10.0.0.0/16', IsDefault: false }),
  // The listener of the other examples' load balancer, and the group the rule forwards to (not yet used by any load balancer).
  'elbv2:CreateRule': (f, input) => {
    f.loadBalancer(input.ListenerArn.replace(':listener/', ':loadbalancer/').split('/').slice(0, -1).join('/'), 'arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/other/0000000000000001', input.ListenerArn);
    exampleGroupOnly(f, input.Actions[0].TargetGroupArn);
  },
  'elbv2:ModifyRule': (f, _input, output) => SETUPS['elbv2:DescribeRules'](f, { RuleArns: [output.Rules[0].RuleArn] }, { Rules: [{ ...output.Rules[0], Conditions: [{ Field: 'path-pattern', Values: ['/img/*'] }] }] }, 0),
  // The example's rule, forwarding to a group of the other examples' load balancer.
  'elbv2:DeleteRule': (f, input) => SETUPS['elbv2:DescribeRules'](f, { RuleArns: [input.RuleArn] }, {
    Rules: [{ RuleArn: input.RuleArn, Priority: '10', Conditions: [{ Field: 'path-pattern', Values: ['/img/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067' }] }],
  }, 0),
  // The example's group, used by no listener or rule (a group in use cannot be deleted).
  'elbv2:DeleteTargetGroup': (f, input) => void exampleGroupOnly(f, input.TargetGroupArn),
  // The examples register EC2 instances: an instance group.
  'elbv2:RegisterTargets': (f, input) => void Object.assign(exampleTargetGroup(f, input.TargetGroupArn), { TargetType: 'instance' }),
  'elbv2:DeregisterTargets': (f, input) => registerTargets(f.region, Object.assign(exampleTargetGroup(f, input.TargetGroupArn), { TargetType: 'instance' as const }), input.Targets),
  'sso-oidc:CreateToken': (f, input) => {
    f.emu.sso.seedSession({ region: f.regionName, clientId: input.clientId, clientSecret: input.clientSecret, refreshToken: input.refreshToken });
  },
  // The device code of a StartDeviceAuthorization the user has approved.
  'sso-oidc:CreateToken#0': (f, input) => {
    f.emu.sso.seedSession({ region: f.regionName, clientId: input.clientId, clientSecret: input.clientSecret });
    const sso = ssoState(f.region.core);
    const d = sso.startDeviceAuthorization(sso.clients.get(input.clientId)!, 'https://emulator.awsapps.com/start');
    sso.devices.delete(d.deviceCode);
    sso.devices.set(input.deviceCode, { ...d, deviceCode: input.deviceCode });
    f.emu.sso.approveDevice(d.userCode);
  },
  'sso-oidc:StartDeviceAuthorization': (f, input) => {
    f.emu.sso.seedSession({ region: f.regionName, clientId: input.clientId, clientSecret: input.clientSecret });
  },
  // The example lists EC2 volume types, which the emulator's catalogue (Fargate, instance hours, ECR storage) does not
  // hold: the volume products it names, and a third of AWS's volume types, so that two values leave a next page.
  // Attributes only: the example reads no price, and the emulator invents none.
  'pricing:GetAttributeValues': (f, input, output) => {
    const types = [...output.AttributeValues.map((v: Json) => v.Value), 'General Purpose'];
    types.forEach((volumeType: string, i: number) =>
      pricingCatalogue(f.region.core).add({ product: { sku: `CONTRACTVOLUME${i}`, productFamily: 'Storage', attributes: { servicecode: input.ServiceCode, volumeType } }, serviceCode: input.ServiceCode, terms: { OnDemand: {} }, version: 'contract', publicationDate: '2017-10-15T00:00:00Z' }));
  },
};
