/**
 * "Add awslogs log configuration" on a container whose lines Show Logs cannot read: no
 * `logConfiguration`, or a driver other than awslogs (and FireLens without a CloudWatch output).
 * Not tied to a diagnostic (no log configuration is allowed): offered where the cursor is inside
 * the container. Group `/ecs/<family>`, the editor's region (a placeholder when unknown), stream
 * prefix `ecs`, and `awslogs-create-group` so the first task creates the group.
 */
import { type Node, parseDocument, prop, str } from './document';
import { setPropertyEdit, toTextEdits } from './edits';
import type { QuickFix } from './types';

const CLOUDWATCH_OUTPUTS = ['cloudwatch_logs', 'cloudwatch'];

/** What Show Logs could not read in this container, or undefined when it can. */
function unreadableDriver(container: Node): string | undefined {
  const config = prop(container, 'logConfiguration');
  if (!config) return 'none';
  const driver = str(prop(config, 'logDriver'));
  if (driver === 'awslogs') return undefined;
  if (driver === 'awsfirelens') {
    const options = prop(config, 'options');
    const output = str(prop(options, 'Name')) ?? str(prop(options, 'name'));
    return output && CLOUDWATCH_OUTPUTS.includes(output) ? undefined : 'awsfirelens';
  }
  return driver ?? 'none';
}

/** The fix for the container around `offset` in a task definition, if its logs cannot be read. */
export function awslogsFixes(text: string, offset: number, region: string | undefined): QuickFix[] {
  const doc = parseDocument(text);
  const root = doc.root;
  const containers = prop(root, 'containerDefinitions');
  if (containers?.type !== 'array') return [];
  const container = (containers.children ?? []).find((c) => c.type === 'object' && c.offset <= offset && offset <= c.offset + c.length);
  if (!container) return [];
  const driver = unreadableDriver(container);
  if (!driver) return [];
  const family = str(prop(root, 'family')) ?? '${FAMILY}';
  const logConfiguration = {
    logDriver: 'awslogs',
    options: { 'awslogs-group': `/ecs/${family}`, 'awslogs-region': region || '${AWS_REGION}', 'awslogs-stream-prefix': 'ecs', 'awslogs-create-group': 'true' },
  };
  const name = str(prop(container, 'name'));
  const title = `Add awslogs log configuration${name ? ` to "${name}"` : ''}${driver === 'none' ? '' : ` (replacing ${driver})`}`;
  return [{ title, code: 'add-awslogs', edits: toTextEdits(doc, [setPropertyEdit(doc, container, 'logConfiguration', logConfiguration)]), isPreferred: false }];
}
