import * as vscode from 'vscode';
import { pick } from '../../ui/input';
import { isArgumentObject, readArgs } from '../../util/args';
import { nodeOf } from '../deploy/targets';
import { forwardLabel, type ActiveForward, type PortForwards } from './forwards';

const COMMAND = 'ecsWorkbench.stopPortForward';
const USAGE = '{ localPort }';
const MAX_PORT = 65_535;

function activeList(forwards: PortForwards): string {
  const all = forwards.list();
  return all.length ? `the active ones are ${all.map((a) => `localhost:${a.forward.localPort}`).join(', ')}` : 'none is active';
}

/** A forward row of the tree, `{ localPort }`, or (palette, status bar) one picked among the active ones. */
async function chosen(forwards: PortForwards, arg: unknown): Promise<ActiveForward> {
  const row = nodeOf<{ localPort: number }>(arg, 'portForward');
  if (row || isArgumentObject(arg)) {
    let localPort = row?.localPort;
    if (!row) {
      const args = readArgs(COMMAND, USAGE, arg, ['localPort']);
      localPort = args.int('localPort', 1, MAX_PORT);
    }
    const active = forwards.get(localPort!);
    if (!active) throw new Error(`No port forward of this window listens on localhost:${localPort}: ${activeList(forwards)}.`);
    return active;
  }
  const all = forwards.list();
  if (!all.length) throw new Error('No port forward is active in this window. Start one with Forward Port… on a task or container.');
  const items = all.map((a) => ({
    label: `$(debug-stop) ${forwardLabel(a.forward)}`,
    description: `${a.forward.target.container} · task ${a.forward.target.taskId.slice(0, 8)} · ${a.scope.region}`,
    detail: `${a.forward.connections().open} open connections · ${a.address}`,
    value: a,
  }));
  return pick(items, 'Stop Port Forward', 'The forward to stop (its local port is freed)');
}

/** `ecsWorkbench.stopPortForward`: closes the local listener and ends the session; `{ stopped: true }` once the port is free. */
export async function stopPortForward(forwards: PortForwards, arg: unknown): Promise<{ stopped: true }> {
  const active = await chosen(forwards, arg);
  await forwards.stop(active);
  if (!isArgumentObject(arg)) vscode.window.setStatusBarMessage(`Stopped ${forwardLabel(active.forward)}`, 3000);
  return { stopped: true };
}
