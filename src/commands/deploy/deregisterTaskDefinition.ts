import { parseDeregisterArgs } from '../../deploy/args';
import { nodeOf, pickFamily, pickRevision, requireTrust, type DeployUi } from './common';
import { revisionLabel } from '../../aws/arn';
import { isArgumentObject } from '../../util/args';

/** Deregister a revision (ACTIVE → INACTIVE): running tasks and services keep it, new ones cannot use it. */
export async function deregisterTaskDefinition(ui: DeployUi, arg: unknown): Promise<{ taskDefinitionArn: string; status: string } | undefined> {
  requireTrust('Deregistering a task definition');
  let taskDefinition: string;
  let region: string | undefined;
  if (isArgumentObject(arg)) taskDefinition = parseDeregisterArgs(arg).taskDefinition;
  else {
    const node = nodeOf(arg, 'taskDefinitionRevision') as { arn: string; resource: { region: string } } | undefined;
    region = node?.resource.region;
    taskDefinition = node?.arn ?? (await pickRevision(ui, await pickFamily(ui)));
    const ok = await ui.confirm(
      `Deregister ${revisionLabel(taskDefinition)} (${await ui.where(region)})?`,
      'It becomes INACTIVE: services and tasks already using it keep running, but no new service, deployment or RunTask can use it.',
      'Deregister',
    );
    if (!ok) return undefined;
  }
  const td = await ui.actions(region).deregister(taskDefinition);
  ui.log(`Deregistered ${revisionLabel(td.taskDefinitionArn)}: ${td.status}`);
  ui.services.explorer.refresh();
  return { taskDefinitionArn: td.taskDefinitionArn ?? taskDefinition, status: td.status ?? 'INACTIVE' };
}
