/**
 * The sandbox promises a service rolling out when the user first looks. The demo seed's rollouts
 * finish within seconds of sped-up time, long before a person opens the browser, so a new
 * deployment of one service starts when the workbench first lists the clusters.
 */
import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { EmulatorHandle } from '../emulator';

export const SANDBOX_ROLLOUT = { cluster: 'demo-fargate', service: 'web' } as const;

/** Resolves once the deployment was started (or `signal` aborted); checks the call counts twice a second. */
export async function rolloutWhenConnected(emulator: EmulatorHandle, credentials: { accessKeyId: string; secretAccessKey: string }, signal: AbortSignal): Promise<string | undefined> {
  while (!signal.aborted && !emulator.calls('us-east-1').get('ecs:ListClusters')) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (signal.aborted) return undefined;
  const ecs = new ECSClient({ region: 'us-east-1', endpoint: emulator.url, credentials });
  try {
    const out = await ecs.send(new UpdateServiceCommand({ ...SANDBOX_ROLLOUT, forceNewDeployment: true }));
    return out.service?.deployments?.find((d) => d.status === 'PRIMARY')?.id;
  } finally {
    ecs.destroy();
  }
}
