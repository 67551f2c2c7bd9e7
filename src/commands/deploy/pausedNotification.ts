// STUB written by deploy-history so the tree's call compiles; watch-strategies owns this file and
// its notification (*Continue*, *Roll back*, *Show logs*, once per hookId per session). Take theirs.
import type { AwsScope } from '../../aws/clientManager';
import type { ecs } from '../../aws/sdk';

export function notifyPausedDeployment(_args: { scope: AwsScope; cluster: string; service: string; deployment: ecs.ServiceDeployment; hook: ecs.DeploymentLifecycleHookDetail }): void {
  // Shown by watch-strategies' implementation.
}
