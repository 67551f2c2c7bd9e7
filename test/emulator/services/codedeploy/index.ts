/**
 * AWS CodeDeploy for the ECS compute platform: applications, deployment groups naming one ECS
 * service and its target-group pair, and blue/green deployments of an AppSpec (ecsDeployment.ts runs
 * them). Page sizes are not documented; 100 per page, as the AWS CLI's paginators see them.
 */
import type * as cd from '../../generated/codedeploy';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import { defineService } from '../../kit/service';
import type { Region } from '../../kit/world';
import { codeDeployState, ECS_CONFIGS, ECS_EVENTS, type ApplicationRecord, type DeploymentGroupRecord, type DeploymentRecord } from './state';
import { EcsBlueGreen, newDeploymentId, serviceOfGroup, targetGroupsOf, type AppSpecTarget } from './ecsDeployment';

const PAGE = { def: 100, max: 100, error: 'InvalidNextTokenException' };

function app(region: Region, name: string): ApplicationRecord {
  const a = codeDeployState(region).applications.get(name);
  if (!a) throw new AwsError('ApplicationDoesNotExistException', `No application found for name: ${name}`);
  return a;
}

function group(region: Region, appName: string, name: string): DeploymentGroupRecord {
  app(region, appName);
  const g = codeDeployState(region).groupsOf(appName).get(name);
  if (!g) throw new AwsError('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${name}`);
  return g;
}

function deployment(region: Region, id: string): DeploymentRecord {
  const d = codeDeployState(region).deployment(id);
  if (!d) throw new AwsError('DeploymentDoesNotExistException', `Deployment ${id} does not exist`);
  return d;
}

/** The deployment's one ECS target, with its task sets as they are now. */
function target(region: Region, dep: DeploymentRecord, targetId?: string): cd.DeploymentTarget {
  const x = codeDeployState(region).ecs.get(dep.deploymentId);
  if (!x || (targetId !== undefined && targetId !== x.target.targetId)) {
    throw new AwsError('DeploymentTargetDoesNotExistException', `Deployment target ${targetId} does not exist for deployment ${dep.deploymentId}`);
  }
  return { deploymentTargetType: 'ECSTarget', ecsTarget: { ...x.target, taskSetsInfo: new EcsBlueGreen(region).taskSetsInfo(dep) } };
}

/**
 * The ECS AppSpec's TargetService (TaskDefinition, LoadBalancerInfo ContainerName / ContainerPort)
 * and Hooks (https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html).
 * The emulator reads AppSpecs written in JSON (YAML's superset that every SDK can produce).
 */
function parseAppSpec(content: string | undefined): { spec: AppSpecTarget; hooks: Record<string, string> } {
  let doc: { Resources?: { TargetService?: { Type?: string; Properties?: { TaskDefinition?: string; LoadBalancerInfo?: { ContainerName?: string; ContainerPort?: number | string } } } }[]; Hooks?: Record<string, string>[] };
  try {
    doc = JSON.parse(content ?? '');
  } catch {
    throw new AwsError('InvalidRevisionException', 'The AppSpec content is not valid JSON (the emulator reads JSON AppSpecs).');
  }
  const props = doc.Resources?.find((r) => r.TargetService?.Type === 'AWS::ECS::Service')?.TargetService?.Properties;
  const lb = props?.LoadBalancerInfo;
  if (!props?.TaskDefinition || !lb?.ContainerName || lb.ContainerPort === undefined) {
    throw new AwsError('InvalidRevisionException', 'The AppSpec needs a Resources TargetService of Type AWS::ECS::Service with Properties TaskDefinition and LoadBalancerInfo (ContainerName, ContainerPort).');
  }
  const hooks: Record<string, string> = {};
  for (const h of doc.Hooks ?? []) Object.assign(hooks, h);
  return { spec: { taskDefinition: props.TaskDefinition, containerName: lb.ContainerName, containerPort: Number(lb.ContainerPort) }, hooks };
}

/** Creates and runs a deployment of `revision` for the group (CreateDeployment, seeds). */
export function createDeployment(region: Region, input: cd.CreateDeploymentInput, creator: cd.DeploymentCreator = 'user'): DeploymentRecord {
  if (!input.deploymentGroupName) throw new AwsError('DeploymentGroupNameRequiredException', 'Deployment Group name is missing');
  const g = group(region, input.applicationName, input.deploymentGroupName);
  const state = codeDeployState(region);
  const configName = input.deploymentConfigName ?? g.deploymentConfigName;
  if (!ECS_CONFIGS[configName]) throw new AwsError('DeploymentConfigDoesNotExistException', `No deployment configuration found for name: ${configName}`);
  if (!input.revision) throw new AwsError('RevisionRequiredException', 'Revision is missing');
  if (input.revision.revisionType !== 'AppSpecContent' || !input.revision.appSpecContent) {
    throw new AwsError('InvalidRevisionException', 'An ECS deployment takes its revision as AppSpecContent.');
  }
  const active = state.deployments.find((d) => d.applicationName === g.applicationName && d.deploymentGroupName === g.deploymentGroupName && ['Created', 'Queued', 'InProgress', 'Ready', 'Baking'].includes(d.status));
  if (active) throw new AwsError('DeploymentLimitExceededException', `The Deployment Group '${g.deploymentGroupName}' already has an active Deployment '${active.deploymentId}'`);
  const { spec, hooks } = parseAppSpec(input.revision.appSpecContent.content);
  const now = region.now();
  const id = newDeploymentId(region);
  const dep: DeploymentRecord = {
    applicationName: g.applicationName, deploymentGroupName: g.deploymentGroupName, deploymentConfigName: configName, deploymentId: id,
    previousRevision: g.targetRevision, revision: input.revision, status: 'Created', createTime: now, description: input.description,
    creator, ignoreApplicationStopFailures: input.ignoreApplicationStopFailures ?? false,
    autoRollbackConfiguration: input.autoRollbackConfiguration ?? g.autoRollbackConfiguration, updateOutdatedInstancesOnly: false,
    deploymentStyle: g.deploymentStyle, instanceTerminationWaitTimeStarted: false, blueGreenDeploymentConfiguration: g.blueGreenDeploymentConfiguration,
    loadBalancerInfo: g.loadBalancerInfo, fileExistsBehavior: 'DISALLOW', deploymentStatusMessages: [], computePlatform: 'ECS',
  };
  const svc = serviceOfGroup(region, g);
  const ref = g.ecsServices?.[0];
  const tgs = targetGroupsOf(region, g);
  state.deployments.unshift(dep);
  state.ecs.set(id, {
    target: {
      deploymentId: id, targetId: `${ref?.clusterName}:${ref?.serviceName}`, targetArn: svc?.serviceArn, lastUpdatedAt: now, status: 'Pending',
      lifecycleEvents: ECS_EVENTS.map((n) => ({ lifecycleEventName: n, status: 'Pending' })),
    },
    originalTargetGroup: tgs.serving, replacementTargetGroup: tgs.other, replacementWeight: 0, hooks, done: false,
  });
  g.lastAttemptedDeployment = { deploymentId: id, status: 'Created', createTime: now };
  new EcsBlueGreen(region).run(dep, spec);
  return dep;
}

export const codeDeployService = defineService<cd.Operations>({
  model: 'codedeploy',
  iamPrefix: 'codedeploy',
  pageTokens: { error: 'InvalidNextTokenException', message: 'The next token was specified in an invalid format.' },
  handlers: {
    ListApplications: (input, { region }) => {
      const p = page([...codeDeployState(region).applications.keys()].sort(), undefined, input.nextToken, PAGE);
      return { applications: p.items, nextToken: p.next };
    },
    GetApplication: (input, { region }) => ({ application: app(region, input.applicationName) }),
    CreateApplication: (input, { region }) => {
      const state = codeDeployState(region);
      if (state.applications.has(input.applicationName)) throw new AwsError('ApplicationAlreadyExistsException', `${input.applicationName} already exists`);
      const a: ApplicationRecord = { applicationId: region.core.rnd.uuid(), applicationName: input.applicationName, createTime: region.now(), linkedToGitHub: false, computePlatform: input.computePlatform ?? 'Server' };
      state.applications.set(a.applicationName, a);
      return { applicationId: a.applicationId };
    },
    ListDeploymentGroups: (input, { region }) => {
      app(region, input.applicationName);
      const p = page([...codeDeployState(region).groupsOf(input.applicationName).keys()].sort(), undefined, input.nextToken, PAGE);
      return { applicationName: input.applicationName, deploymentGroups: p.items, nextToken: p.next };
    },
    GetDeploymentGroup: (input, { region }) => ({ deploymentGroupInfo: group(region, input.applicationName, input.deploymentGroupName) }),
    BatchGetDeploymentGroups: (input, { region }) => {
      app(region, input.applicationName);
      if (input.deploymentGroupNames.length > 100) throw new AwsError('BatchLimitExceededException', 'The maximum number of names or IDs allowed for this request (100) was exceeded.');
      const groups = codeDeployState(region).groupsOf(input.applicationName);
      const missing = input.deploymentGroupNames.filter((n) => !groups.has(n));
      return {
        deploymentGroupsInfo: input.deploymentGroupNames.flatMap((n) => groups.get(n) ?? []),
        errorMessage: missing.length ? `Deployment groups not found: ${missing.join(', ')}` : undefined,
      };
    },
    CreateDeploymentGroup: (input, { region }) => {
      const a = app(region, input.applicationName);
      const groups = codeDeployState(region).groupsOf(a.applicationName);
      if (groups.has(input.deploymentGroupName)) throw new AwsError('DeploymentGroupAlreadyExistsException', `A deployment group named ${input.deploymentGroupName} already exists for this application`);
      const configName = input.deploymentConfigName ?? 'CodeDeployDefault.ECSAllAtOnce';
      if (a.computePlatform === 'ECS' && !ECS_CONFIGS[configName]) throw new AwsError('DeploymentConfigDoesNotExistException', `No deployment configuration found for name: ${configName}`);
      const g: DeploymentGroupRecord = {
        applicationName: a.applicationName, deploymentGroupId: region.core.rnd.uuid(), deploymentGroupName: input.deploymentGroupName, deploymentConfigName: configName,
        serviceRoleArn: input.serviceRoleArn, autoRollbackConfiguration: input.autoRollbackConfiguration, deploymentStyle: input.deploymentStyle,
        blueGreenDeploymentConfiguration: input.blueGreenDeploymentConfiguration, loadBalancerInfo: input.loadBalancerInfo, ecsServices: input.ecsServices,
        computePlatform: a.computePlatform, triggerConfigurations: input.triggerConfigurations ?? [], alarmConfiguration: input.alarmConfiguration ?? { enabled: false, ignorePollAlarmFailure: false, alarms: [] },
        outdatedInstancesStrategy: input.outdatedInstancesStrategy ?? 'UPDATE', terminationHookEnabled: false,
      };
      groups.set(g.deploymentGroupName, g);
      return { deploymentGroupId: g.deploymentGroupId };
    },
    CreateDeployment: (input, { region }) => ({ deploymentId: createDeployment(region, input).deploymentId }),
    GetDeployment: (input, { region }) => ({ deploymentInfo: deployment(region, input.deploymentId) }),
    ListDeployments: (input, { region }) => {
      if (input.deploymentGroupName && !input.applicationName) throw new AwsError('ApplicationNameRequiredException', 'Application name is missing');
      if (input.applicationName && !input.deploymentGroupName) throw new AwsError('DeploymentGroupNameRequiredException', 'Deployment Group name is missing');
      if (input.applicationName) group(region, input.applicationName, input.deploymentGroupName!);
      const { start, end } = input.createTimeRange ?? {};
      const ids = codeDeployState(region).deployments
        .filter((d) => !input.applicationName || (d.applicationName === input.applicationName && d.deploymentGroupName === input.deploymentGroupName))
        .filter((d) => !input.includeOnlyStatuses?.length || input.includeOnlyStatuses.includes(d.status))
        .filter((d) => (!start || d.createTime >= start) && (!end || d.createTime <= end))
        .map((d) => d.deploymentId);
      const p = page(ids, undefined, input.nextToken, PAGE);
      return { deployments: p.items, nextToken: p.next };
    },
    BatchGetDeployments: (input, { region }) => {
      if (input.deploymentIds.length > 25) throw new AwsError('BatchLimitExceededException', 'The maximum number of names or IDs allowed for this request (25) was exceeded.');
      return { deploymentsInfo: input.deploymentIds.flatMap((id) => codeDeployState(region).deployment(id) ?? []) };
    },
    StopDeployment: (input, { region }) => {
      const dep = deployment(region, input.deploymentId);
      const x = codeDeployState(region).ecs.get(dep.deploymentId);
      if (!x || x.done) throw new AwsError('DeploymentAlreadyCompletedException', `Deployment ${dep.deploymentId} has already completed`);
      new EcsBlueGreen(region).fail(dep, 'MANUAL_STOP', 'The deployment was stopped by a user.', undefined, true, input.autoRollbackEnabled);
      // The answer AWS gives while the stop is being carried out (the emulator's is immediate).
      return { status: 'Pending', statusMessage: 'Stopping Pending. Stopping to schedule commands in the deployment instances' };
    },
    ListDeploymentTargets: (input, { region }) => {
      const dep = deployment(region, input.deploymentId);
      const x = codeDeployState(region).ecs.get(dep.deploymentId);
      const wanted = input.targetFilters?.TargetStatus;
      const ids = x && (!wanted || wanted.includes(x.target.status ?? '')) ? [x.target.targetId] : [];
      const p = page(ids, undefined, input.nextToken, PAGE);
      return { targetIds: p.items, nextToken: p.next };
    },
    BatchGetDeploymentTargets: (input, { region }) => {
      const dep = deployment(region, input.deploymentId);
      if (input.targetIds.length > 25) throw new AwsError('DeploymentTargetListSizeExceededException', 'The maximum number of targets that can be associated with an Amazon ECS or AWS Lambda deployment is 25.');
      return { deploymentTargets: input.targetIds.map((t) => target(region, dep, t)) };
    },
    GetDeploymentTarget: (input, { region }) => ({ deploymentTarget: target(region, deployment(region, input.deploymentId), input.targetId) }),
  },
});
