import type { AwsScope } from '../aws/clientManager';
import type { Service } from '../ecs/ecsReader';
import { pausedHook, ServiceDeploymentReader } from '../ecs/serviceDeployments';
import type { ExplorerContext } from './explorerNode';

/**
 * DescribeServices says nothing of lifecycle hooks, so a service on screen whose deployment runs
 * with a PAUSE hook configured is asked once per fresh describe (one DescribeServiceDeployments of
 * its `currentServiceDeployment`) whether the hook waits; if it does, the paused notification is
 * raised (once per hook), also for a deployment started elsewhere. Other services cost nothing.
 */
export function checkPausedHook(ctx: ExplorerContext, scope: AwsScope, cluster: string, service: Service): void {
  const notify = ctx.pausedDeployments.notify;
  const arn = service.currentServiceDeployment;
  const hasPauseHook = service.deploymentConfiguration?.lifecycleHooks?.some((h) => h.targetType === 'PAUSE');
  const running = service.deployments?.some((d) => d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS');
  if (!notify || !arn || !hasPauseHook || !running) return;
  new ServiceDeploymentReader(ctx.clients, scope)
    .deployment(arn)
    .then((deployment) => {
      const hook = deployment && pausedHook(deployment);
      if (deployment && hook) notify({ scope, cluster, service: service.serviceName ?? '', deployment, hook });
    })
    // A row's extra read: when it fails, the Deployments folder and a watch still say it.
    .catch(() => undefined);
}
