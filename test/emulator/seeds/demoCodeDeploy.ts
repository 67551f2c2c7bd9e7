/**
 * The demo seed's CodeDeploy-controlled service `legacy-bg` in `demo-fargate`: behind the demo ALB
 * with two target groups (`legacy-bg-blue` serving on port 8081, `legacy-bg-green` idle; a test
 * listener on 9081), the CodeDeploy application `legacy-bg` with deployment group `legacy-bg-dg`
 * (ECSAllAtOnce, 5-minute termination wait, automatic rollback on failure and on a stop request),
 * and one finished deployment, legacy-bg:1 → legacy-bg:2, two days ago.
 */
import { arn, globalArn } from '../kit/arn';
import type { Region } from '../kit/world';
import { codeDeployState, ECS_EVENTS, type DeploymentRecord } from '../services/codedeploy/state';
import { controlOf, taskSetControl } from '../services/ecs/sim/taskSets';
import type { ClusterRecord } from '../services/ecs/state';
import { elbState, type TargetGroupRecord } from '../services/elbv2/state';
import { ago, ecrImage, fargateTaskDef, steadyService, SUBNETS } from './helpers';

function targetGroup(region: Region, name: string, lbArn: string, like: TargetGroupRecord): TargetGroupRecord {
  const tg: TargetGroupRecord = { ...like, TargetGroupArn: arn('elasticloadbalancing', region.name, `targetgroup/${name}/${region.core.rnd.hex(16)}`), TargetGroupName: name, Port: 80, HealthCheckPath: '/', LoadBalancerArns: [lbArn] };
  elbState(region).targetGroups.push(tg);
  return tg;
}

function listener(region: Region, lbArn: string, port: number, tg: string): string {
  const id = lbArn.split('/').slice(-1)[0];
  const name = lbArn.split('/').slice(-2)[0];
  const listenerArn = arn('elasticloadbalancing', region.name, `listener/app/${name}/${id}/${region.core.rnd.hex(16)}`);
  elbState(region).listeners.push({ ListenerArn: listenerArn, LoadBalancerArn: lbArn, Port: port, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg, Weight: 100 }] } }] });
  return listenerArn;
}

export function appSpec(taskDefinitionArn: string, container: string, port: number): string {
  return JSON.stringify({ version: 0.0, Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: taskDefinitionArn, LoadBalancerInfo: { ContainerName: container, ContainerPort: port } } } }] });
}

export function seedCodeDeploy(region: Region, cluster: ClusterRecord, alb: TargetGroupRecord): void {
  const lbArn = alb.LoadBalancerArns[0];
  const blue = targetGroup(region, 'legacy-bg-blue', lbArn, alb);
  const green = targetGroup(region, 'legacy-bg-green', lbArn, alb);
  const prod = listener(region, lbArn, 8081, blue.TargetGroupArn);
  const test = listener(region, lbArn, 9081, blue.TargetGroupArn);
  const td1 = fargateTaskDef(region, 'legacy-bg', 'web', ecrImage(region, 'demo/legacy', '1.0.0'), { port: 80 });
  const td2 = fargateTaskDef(region, 'legacy-bg', 'web', ecrImage(region, 'demo/legacy', '1.1.0'), { port: 80 });
  const svc = steadyService(region, cluster, 'legacy-bg', td2, 2, 2 * 24 * 60, {
    launchType: 'FARGATE', networkConfiguration: SUBNETS, deploymentController: { type: 'CODE_DEPLOY' },
    loadBalancers: [{ targetGroupArn: blue.TargetGroupArn, containerName: 'web', containerPort: 80 }],
    deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
  });
  controlOf(taskSetControl(region), svc).primary = svc.deployments[0].id;

  const state = codeDeployState(region);
  const created = ago(region, 2 * 24 * 60);
  state.applications.set('legacy-bg', { applicationId: region.core.rnd.uuid(), applicationName: 'legacy-bg', createTime: ago(region, 30 * 24 * 60), linkedToGitHub: false, computePlatform: 'ECS' });
  const revision = { revisionType: 'AppSpecContent' as const, appSpecContent: { content: appSpec(td2.taskDefinitionArn, 'web', 80) } };
  const id = `d-${region.core.rnd.token(9).toUpperCase()}`;
  const done = new Date(created.getTime() + 9 * 60_000);
  state.groupsOf('legacy-bg').set('legacy-bg-dg', {
    applicationName: 'legacy-bg', deploymentGroupId: region.core.rnd.uuid(), deploymentGroupName: 'legacy-bg-dg', deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
    serviceRoleArn: globalArn('iam', region.name, 'role/ecsCodeDeployRole'), targetRevision: revision,
    autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] },
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 }, deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 } },
    loadBalancerInfo: { targetGroupPairInfoList: [{ targetGroups: [{ name: blue.TargetGroupName }, { name: green.TargetGroupName }], prodTrafficRoute: { listenerArns: [prod] }, testTrafficRoute: { listenerArns: [test] } }] },
    ecsServices: [{ serviceName: 'legacy-bg', clusterName: cluster.clusterName }], computePlatform: 'ECS',
    triggerConfigurations: [], alarmConfiguration: { enabled: false, ignorePollAlarmFailure: false, alarms: [] }, outdatedInstancesStrategy: 'UPDATE', terminationHookEnabled: false,
    lastSuccessfulDeployment: { deploymentId: id, status: 'Succeeded', endTime: done, createTime: created },
    lastAttemptedDeployment: { deploymentId: id, status: 'Succeeded', endTime: done, createTime: created },
  });
  const group = state.groupsOf('legacy-bg').get('legacy-bg-dg')!;
  const dep: DeploymentRecord = {
    applicationName: 'legacy-bg', deploymentGroupName: 'legacy-bg-dg', deploymentConfigName: group.deploymentConfigName, deploymentId: id,
    previousRevision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(td1.taskDefinitionArn, 'web', 80) } }, revision,
    status: 'Succeeded', createTime: created, startTime: created, completeTime: done, creator: 'user', description: 'legacy-bg 1.1.0',
    ignoreApplicationStopFailures: false, autoRollbackConfiguration: group.autoRollbackConfiguration, updateOutdatedInstancesOnly: false,
    deploymentStyle: group.deploymentStyle, instanceTerminationWaitTimeStarted: true, blueGreenDeploymentConfiguration: group.blueGreenDeploymentConfiguration,
    loadBalancerInfo: group.loadBalancerInfo, fileExistsBehavior: 'DISALLOW', deploymentStatusMessages: [], computePlatform: 'ECS',
    deploymentOverview: { Pending: 0, InProgress: 0, Succeeded: 1, Failed: 0, Skipped: 0, Ready: 0 },
  };
  state.deployments.push(dep);
  state.ecs.set(id, {
    target: {
      deploymentId: id, targetId: `${cluster.clusterName}:legacy-bg`, targetArn: svc.serviceArn, lastUpdatedAt: done, status: 'Succeeded',
      lifecycleEvents: ECS_EVENTS.map((n, i) => ({ lifecycleEventName: n, status: 'Succeeded', startTime: new Date(created.getTime() + i * 30_000), endTime: new Date(created.getTime() + (i + 1) * 30_000) })),
    },
    // Traffic moved from green (legacy-bg:1's task set, deleted since) to blue.
    originalTaskSet: `ecs-svc/${region.core.rnd.digits(19)}`, replacementTaskSet: svc.deployments[0].id,
    originalTargetGroup: green.TargetGroupArn, replacementTargetGroup: blue.TargetGroupArn, replacementWeight: 100, hooks: {}, done: true,
  });
}
