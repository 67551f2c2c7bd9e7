/**
 * A cluster's `configuration.executeCommandConfiguration` (CreateCluster / UpdateCluster): the KMS
 * key of ECS Exec sessions and where their output is logged: DEFAULT (the task's awslogs
 * configuration), NONE, or OVERRIDE with a `logConfiguration`
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExecuteCommandConfiguration.html).
 */
import type * as ecs from '../../../generated/ecs';
import { bad } from '../common';

export function checkClusterConfiguration(cfg: ecs.ClusterConfiguration | undefined): void {
  const exec = cfg?.executeCommandConfiguration;
  if (exec?.logging === 'OVERRIDE' && !exec.logConfiguration) {
    // "If the OVERRIDE logging option is specified, the logConfiguration is required." (same page)
    throw bad('logConfiguration is required when logging is OVERRIDE.');
  }
}
