import { revisionLabel } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import { parseDeregisterArgs } from '../../deploy/args';
import { pickFamily, pickRevision } from '../../ui/ecsPickers';
import { confirm } from '../../ui/input';
import { runSteps } from '../../ui/steps';
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
    const fromNode = Boolean(node);
    ({ taskDefinition } = await runSteps('Deregister', [
      { title: 'Task definition family', when: () => !fromNode, ask: async (view, s) => void (s.family = await pickFamily(ui.clients, s.scope, view)) },
      { title: (s) => `Revision of ${s.family}`, when: () => !fromNode, ask: async (view, s) => void (s.taskDefinition = await pickRevision(ui.clients, s.scope, s.family, undefined, view)) },
    ], { scope, family: '', taskDefinition: node?.arn ?? '' }));
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
