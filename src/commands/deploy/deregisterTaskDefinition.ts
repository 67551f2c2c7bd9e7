import { revisionLabel } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import { parseDeregisterArgs } from '../../deploy/args';
import { pickFamily, pickRevision } from '../../ui/ecsPickers';
import { confirm } from '../../ui/input';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { nodeOf } from './targets';

/** Deregister a revision (ACTIVE → INACTIVE): running tasks and services keep it, new ones cannot use it. */
export async function deregisterTaskDefinition(ui: DeployUi, arg: unknown): Promise<{ taskDefinitionArn: string; status: string; region: string } | undefined> {
  let taskDefinition: string;
  let scope: AwsScope;
  if (isArgumentObject(arg)) {
    const args = parseDeregisterArgs(arg);
    taskDefinition = args.taskDefinition;
    scope = ui.clients.resolve(args.scope);
  } else {
    const node = nodeOf<{ arn: string }>(arg, 'taskDefinitionRevision');
    scope = node?.resource?.scope ?? ui.clients.resolve();
    taskDefinition = node?.arn ?? (await pickRevision(ui.clients, scope, await pickFamily(ui.clients, scope)));
    const ok = await confirm(
      `Deregister ${revisionLabel(taskDefinition)} (${await ui.where(scope)})?`,
      'It becomes INACTIVE: services and tasks already using it keep running, but no new service, deployment or RunTask can use it.',
      'Deregister',
    );
    if (!ok) return undefined;
  }
  const td = await ui.actions(scope).deregister(taskDefinition);
  ui.log(`Deregistered ${revisionLabel(td.taskDefinitionArn)}: ${td.status}`);
  return { taskDefinitionArn: td.taskDefinitionArn ?? taskDefinition, status: td.status ?? 'INACTIVE', region: scope.region };
}
