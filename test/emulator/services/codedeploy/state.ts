/**
 * CodeDeploy state per region: applications, deployment groups and deployments in their AWS shapes
 * (generated/codedeploy.ts), with what the ECS simulation needs beside each deployment.
 */
import type * as cd from '../../generated/codedeploy';
import { perRegion } from '../../kit/world';

export type ApplicationRecord = cd.ApplicationInfo & { applicationId: string; applicationName: string; computePlatform: cd.ComputePlatform };
export type DeploymentGroupRecord = cd.DeploymentGroupInfo & { applicationName: string; deploymentGroupId: string; deploymentGroupName: string; deploymentConfigName: string };
export type DeploymentRecord = cd.DeploymentInfo & { deploymentId: string; applicationName: string; deploymentGroupName: string; status: cd.DeploymentStatus; createTime: Date };

/** The ECS side of one deployment: its target (the service) and the two task sets. */
export interface EcsDeploymentState {
  target: cd.ECSTarget & { targetId: string; lifecycleEvents: cd.LifecycleEvent[] };
  /** Task-set (ECS deployment) ids: the original one serving traffic and the replacement one. */
  originalTaskSet?: string;
  replacementTaskSet?: string;
  /** Target group ARNs of the original and the replacement task set, and the replacement's traffic share. */
  originalTargetGroup?: string;
  replacementTargetGroup?: string;
  replacementWeight: number;
  /** The hooks of the AppSpec, event name -> Lambda function. */
  hooks: Record<string, string>;
  /** Set once the deployment ended, so late timers do nothing. */
  done: boolean;
}

export class CodeDeployState {
  readonly applications = new Map<string, ApplicationRecord>();
  /** application name -> group name -> group */
  readonly groups = new Map<string, Map<string, DeploymentGroupRecord>>();
  /** Newest first. */
  readonly deployments: DeploymentRecord[] = [];
  readonly ecs = new Map<string, EcsDeploymentState>();

  groupsOf(app: string): Map<string, DeploymentGroupRecord> {
    let g = this.groups.get(app);
    if (!g) {
      g = new Map();
      this.groups.set(app, g);
    }
    return g;
  }

  deployment(id: string): DeploymentRecord | undefined {
    return this.deployments.find((d) => d.deploymentId === id);
  }
}

export const codeDeployState = perRegion('codedeploy', () => new CodeDeployState());

/**
 * The predefined ECS deployment configurations: all at once, linear (a share every so many
 * minutes) and canary (a share, then the rest after so many minutes)
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html#deployment-configuration-ecs).
 */
export const ECS_CONFIGS: Record<string, { type: 'AllAtOnce' | 'Linear' | 'Canary'; percent: number; minutes: number }> = {
  'CodeDeployDefault.ECSAllAtOnce': { type: 'AllAtOnce', percent: 100, minutes: 0 },
  'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': { type: 'Linear', percent: 10, minutes: 1 },
  'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': { type: 'Linear', percent: 10, minutes: 3 },
  'CodeDeployDefault.ECSCanary10Percent5Minutes': { type: 'Canary', percent: 10, minutes: 5 },
  'CodeDeployDefault.ECSCanary10Percent15Minutes': { type: 'Canary', percent: 10, minutes: 15 },
};

/**
 * The lifecycle events of an ECS deployment target, in the order they run; the five hookable ones
 * run the AppSpec's Lambda function when it names one
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html#reference-appspec-file-structure-hooks-list-ecs).
 */
export const ECS_EVENTS = ['BeforeInstall', 'Install', 'AfterInstall', 'AllowTestTraffic', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'] as const;
export const HOOKABLE = new Set(['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic']);
