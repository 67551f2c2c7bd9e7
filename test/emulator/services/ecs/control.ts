/**
 * Control-endpoint routes of ECS, for tests and fixtures that make AWS-side events happen:
 *
 *   POST /_emulator/ecs/spot-interruption  {cluster, task?, region?}  -> {interrupted: [task ARNs]}
 *
 * Fargate Spot takes its capacity back from the named task (or every running FARGATE_SPOT task of
 * the cluster): the two-minute warning, then SpotInterruption (sim/stopCauses.ts).
 */
import type { ControlRoute } from '../../kit/service';
import { ecsSim } from './sim/index';
import { ecsState, taskId } from './state';

export const ecsControl: Record<string, ControlRoute> = {
  'POST /_emulator/ecs/spot-interruption': (input, core) => {
    const region = core.region(typeof input.region === 'string' ? input.region : 'us-east-1');
    const cluster = ecsState(region).cluster(String(input.cluster ?? 'default'));
    const wanted = typeof input.task === 'string' ? input.task : undefined;
    const tasks = [...ecsState(region).tasksOf(cluster.clusterName).values()].filter((t) => !wanted || t.taskArn === wanted || taskId(t) === wanted);
    const interrupted = tasks.filter((t) => ecsSim(region).causes.interruptSpot(t)).map((t) => t.taskArn);
    return wanted && interrupted.length === 0 ? [400, { error: `no running FARGATE_SPOT task ${wanted} in cluster ${cluster.clusterName}` }] : [200, { interrupted }];
  },
};
