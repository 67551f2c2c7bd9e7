import * as assert from 'assert';
import {
  BatchGetDeploymentTargetsCommand, CodeDeployClient, CreateDeploymentCommand, GetDeploymentCommand, GetDeploymentGroupCommand, ListApplicationsCommand,
  ListDeploymentGroupsCommand, ListDeploymentsCommand, ListDeploymentTargetsCommand, StopDeploymentCommand, type DeploymentInfo,
} from '@aws-sdk/client-codedeploy';
import { DescribeServicesCommand, DescribeTaskSetsCommand, ECSClient, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { DescribeListenersCommand, DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { advanceUntil, rejectsWith, sdkConfig, useEmulator } from './helpers';

const CLUSTER = 'demo-fargate';
const APP = 'legacy-bg';
const GROUP = 'legacy-bg-dg';

function appSpec(taskDefinition: string, hooks?: Record<string, string>[]): string {
  return JSON.stringify({ version: 0.0, Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: taskDefinition, LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 } } } }], ...(hooks ? { Hooks: hooks } : {}) });
}

describe('emulator: CodeDeploy blue/green deployments of ECS services', function () {
  this.timeout(60_000);
  const ctx = useEmulator({ seed: 'demo' });
  let cd: CodeDeployClient;
  let ecs: ECSClient;
  let elb: ElasticLoadBalancingV2Client;

  before(() => {
    cd = new CodeDeployClient(sdkConfig(ctx.emu));
    ecs = new ECSClient(sdkConfig(ctx.emu));
    elb = new ElasticLoadBalancingV2Client(sdkConfig(ctx.emu));
  });

  async function register(tag: string): Promise<string> {
    const td = (await ecs.send(new RegisterTaskDefinitionCommand({
      family: 'legacy-bg', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512',
      containerDefinitions: [{ name: 'web', image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/legacy:${tag}`, essential: true, portMappings: [{ containerPort: 80 }] }],
    }))).taskDefinition!;
    return td.taskDefinitionArn!;
  }

  async function prodWeights(): Promise<Record<string, number>> {
    const lb = (await elb.send(new DescribeLoadBalancersCommand({ Names: ['demo-alb'] }))).LoadBalancers![0];
    const listener = (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).Listeners!.find((l) => l.Port === 8081)!;
    const groups = listener.DefaultActions![0].ForwardConfig!.TargetGroups!;
    return Object.fromEntries(groups.map((g) => [g.TargetGroupArn!.split('/')[1], g.Weight!]));
  }

  async function deployment(id: string): Promise<DeploymentInfo> {
    return (await cd.send(new GetDeploymentCommand({ deploymentId: id }))).deploymentInfo!;
  }

  async function until(id: string, status: string): Promise<DeploymentInfo> {
    await advanceUntil(ctx.emu, async () => (await deployment(id)).status === status, { maxMs: 40 * 60_000, stepMs: 10_000 });
    return deployment(id);
  }

  it('seeds legacy-bg: an ECS application, its deployment group naming the service, one finished deployment', async () => {
    assert.deepStrictEqual((await cd.send(new ListApplicationsCommand({}))).applications, [APP]);
    assert.deepStrictEqual((await cd.send(new ListDeploymentGroupsCommand({ applicationName: APP }))).deploymentGroups, [GROUP]);
    const group = (await cd.send(new GetDeploymentGroupCommand({ applicationName: APP, deploymentGroupName: GROUP }))).deploymentGroupInfo!;
    assert.deepStrictEqual(group.ecsServices, [{ serviceName: 'legacy-bg', clusterName: CLUSTER }]);
    assert.deepStrictEqual(group.loadBalancerInfo?.targetGroupPairInfoList?.[0].targetGroups?.map((t) => t.name), ['legacy-bg-blue', 'legacy-bg-green']);
    const ids = (await cd.send(new ListDeploymentsCommand({ applicationName: APP, deploymentGroupName: GROUP }))).deployments!;
    assert.strictEqual(ids.length, 1);
    assert.strictEqual((await deployment(ids[0])).status, 'Succeeded');
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ['legacy-bg'] }))).services![0];
    assert.deepStrictEqual([svc.deploymentController?.type, svc.taskSets?.length, svc.taskSets?.[0].status], ['CODE_DEPLOY', 1, 'PRIMARY']);
    assert.deepStrictEqual(await prodWeights(), { 'legacy-bg-blue': 100 });
  });

  it('UpdateService refuses a new task definition on the CODE_DEPLOY service', async () => {
    const e = await rejectsWith(ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'legacy-bg', taskDefinition: 'legacy-bg:1' })), 'InvalidParameterException');
    assert.match(e.message, /CODE_DEPLOY deployment controller\. Use AWS CodeDeploy/);
  });

  it('a deployment creates the replacement task set, shifts traffic to the other target group, waits, and succeeds', async () => {
    const td = await register('1.2.0');
    const { deploymentId } = await cd.send(new CreateDeploymentCommand({
      applicationName: APP, deploymentGroupName: GROUP, deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(td, [{ AfterAllowTestTraffic: 'legacy-bg-smoke-test' }]) } },
    }));
    await rejectsWith(cd.send(new CreateDeploymentCommand({ applicationName: APP, deploymentGroupName: GROUP, revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(td) } } })), 'DeploymentLimitExceededException');
    await advanceUntil(ctx.emu, async () => (await prodWeights())['legacy-bg-green'] === 10, { maxMs: 20 * 60_000 });
    const sets = (await ecs.send(new DescribeTaskSetsCommand({ cluster: CLUSTER, service: 'legacy-bg' }))).taskSets!;
    assert.deepStrictEqual(sets.map((s) => [s.taskDefinition, s.status]), [[td, 'ACTIVE'], [sets[1].taskDefinition, 'PRIMARY']]);
    const [targetId] = (await cd.send(new ListDeploymentTargetsCommand({ deploymentId }))).targetIds!;
    assert.strictEqual(targetId, `${CLUSTER}:legacy-bg`);
    const target = (await cd.send(new BatchGetDeploymentTargetsCommand({ deploymentId, targetIds: [targetId] }))).deploymentTargets![0].ecsTarget!;
    assert.deepStrictEqual(target.taskSetsInfo?.map((s) => [s.taskSetLabel, s.trafficWeight, s.targetGroup?.name]), [['Blue', 90, 'legacy-bg-blue'], ['Green', 10, 'legacy-bg-green']]);
    assert.strictEqual(target.lifecycleEvents?.find((e) => e.lifecycleEventName === 'AfterAllowTestTraffic')?.status, 'Succeeded');
    assert.strictEqual(target.lifecycleEvents?.find((e) => e.lifecycleEventName === 'AllowTraffic')?.status, 'InProgress');
    const done = await until(deploymentId!, 'Succeeded');
    assert.strictEqual(done.instanceTerminationWaitTimeStarted, true);
    assert.deepStrictEqual(await prodWeights(), { 'legacy-bg-blue': 0, 'legacy-bg-green': 100 });
    await advanceUntil(ctx.emu, async () => ((await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ['legacy-bg'] }))).services![0].taskSets ?? []).length === 1, { maxMs: 20 * 60_000 });
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ['legacy-bg'] }))).services![0];
    assert.deepStrictEqual([svc.taskDefinition, svc.taskSets![0].taskDefinition, svc.taskSets![0].status], [td, td, 'PRIMARY']);
  });

  it('a failing image fails Install and rolls back in a codeDeployRollback deployment', async () => {
    const before = (await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ['legacy-bg'] }))).services![0].taskDefinition;
    const td = await register('1.3.0-fail');
    const { deploymentId } = await cd.send(new CreateDeploymentCommand({ applicationName: APP, deploymentGroupName: GROUP, revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(td) } } }));
    const failed = await until(deploymentId!, 'Failed');
    assert.strictEqual(failed.errorInformation?.code, 'ECS_UPDATE_ERROR');
    const rollbackId = failed.rollbackInfo?.rollbackDeploymentId;
    assert.ok(rollbackId);
    const rollback = await until(rollbackId, 'Succeeded');
    assert.deepStrictEqual([rollback.creator, rollback.rollbackInfo?.rollbackTriggeringDeploymentId], ['codeDeployRollback', deploymentId]);
    await advanceUntil(ctx.emu, async () => ((await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ['legacy-bg'] }))).services![0].taskSets ?? []).length === 1, { maxMs: 20 * 60_000 });
    assert.strictEqual((await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ['legacy-bg'] }))).services![0].taskDefinition, before);
    assert.deepStrictEqual(await prodWeights(), { 'legacy-bg-blue': 0, 'legacy-bg-green': 100 }, 'traffic stayed on the original target group');
  });

  it('a hook whose function name contains fail fails the deployment; StopDeployment with autoRollbackEnabled stops and rolls back', async () => {
    const td = await register('1.4.0');
    const early = await cd.send(new CreateDeploymentCommand({ applicationName: APP, deploymentGroupName: GROUP, revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(td, [{ BeforeInstall: 'legacy-bg-fail-check' }]) } } }));
    const beforeInstall = await until(early.deploymentId!, 'Failed');
    assert.strictEqual(beforeInstall.errorInformation?.code, 'HOOK_EXECUTION_FAILURE');
    assert.strictEqual(beforeInstall.rollbackInfo, undefined, 'BeforeInstall: "A rollback is not possible at this point"');
    const hooked = await cd.send(new CreateDeploymentCommand({ applicationName: APP, deploymentGroupName: GROUP, revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(td, [{ AfterAllowTestTraffic: 'legacy-bg-fail-check' }]) } } }));
    const failed = await until(hooked.deploymentId!, 'Failed');
    assert.strictEqual(failed.errorInformation?.code, 'HOOK_EXECUTION_FAILURE');
    await until(failed.rollbackInfo!.rollbackDeploymentId!, 'Succeeded');

    const { deploymentId } = await cd.send(new CreateDeploymentCommand({ applicationName: APP, deploymentGroupName: GROUP, revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(td) } } }));
    await until(deploymentId!, 'InProgress');
    const stop = await cd.send(new StopDeploymentCommand({ deploymentId, autoRollbackEnabled: true }));
    assert.strictEqual(stop.status, 'Pending');
    const stopped = await deployment(deploymentId!);
    assert.deepStrictEqual([stopped.status, stopped.errorInformation?.code, !!stopped.rollbackInfo?.rollbackDeploymentId], ['Stopped', 'MANUAL_STOP', true]);
    await rejectsWith(cd.send(new StopDeploymentCommand({ deploymentId })), 'DeploymentAlreadyCompletedException');
  });
});
