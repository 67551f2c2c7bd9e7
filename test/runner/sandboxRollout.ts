/**
 * The sandbox promises a service rolling out when the user first looks. The demo seed's own rollouts
 * are over within seconds of sped-up time, long before a person opens the browser, so when the
 * workbench first lists the clusters the runner deploys `api` (behind the demo ALB) again, slowed
 * down with settings any team could choose, through the SDK as a user would:
 * - its target group drains deregistered targets for the longest delay ELB allows (3600 s) and
 *   checks health every 300 s, healthy after 10 passes (ELB's maxima);
 * - the service starts one replacement task at a time (maximumPercent 150 of 3 tasks: one extra).
 * Each new task then takes 50 min of AWS time to be healthy and the last old one drains for an hour:
 * about 3½ hours of AWS time, 3½ minutes at the sandbox's 60×.
 */
import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client, ModifyTargetGroupAttributesCommand, ModifyTargetGroupCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { EmulatorHandle } from '../emulator';

export const SANDBOX_ROLLOUT = { cluster: 'demo-fargate', service: 'api', targetGroup: 'demo-api-tg' } as const;

/** Resolves with the new deployment's id once it was started (undefined if `signal` aborted first); checks the call counts ten times a second. */
export async function rolloutWhenConnected(emulator: EmulatorHandle, credentials: { accessKeyId: string; secretAccessKey: string }, signal: AbortSignal): Promise<string | undefined> {
  while (!signal.aborted && !emulator.calls('us-east-1').get('ecs:ListClusters')) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (signal.aborted) return undefined;
  const config = { region: 'us-east-1', endpoint: emulator.url, credentials };
  const ecs = new ECSClient(config);
  const elb = new ElasticLoadBalancingV2Client(config);
  try {
    const tg = (await elb.send(new DescribeTargetGroupsCommand({ Names: [SANDBOX_ROLLOUT.targetGroup] }), { abortSignal: signal })).TargetGroups![0];
    await elb.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: tg.TargetGroupArn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '3600' }] }), { abortSignal: signal });
    await elb.send(new ModifyTargetGroupCommand({ TargetGroupArn: tg.TargetGroupArn, HealthCheckIntervalSeconds: 300, HealthyThresholdCount: 10 }), { abortSignal: signal });
    const out = await ecs.send(new UpdateServiceCommand({
      cluster: SANDBOX_ROLLOUT.cluster, service: SANDBOX_ROLLOUT.service, forceNewDeployment: true, deploymentConfiguration: { maximumPercent: 150 },
    }), { abortSignal: signal });
    return out.service?.deployments?.find((d) => d.status === 'PRIMARY')?.id;
  } finally {
    ecs.destroy();
    elb.destroy();
  }
}
