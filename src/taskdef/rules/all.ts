/** Every task-definition rule, in the order they report. */
import { containerRules } from './containers';
import type { TaskContext } from './context';
import { fargateRules } from './fargate';
import { logsAndSecretsRules } from './logsSecrets';
import { nameAndImageRules } from './namesImages';
import { resourceRules } from './resources';

export function taskRules(ctx: TaskContext): void {
  nameAndImageRules(ctx);
  fargateRules(ctx);
  containerRules(ctx);
  resourceRules(ctx);
  logsAndSecretsRules(ctx);
}
