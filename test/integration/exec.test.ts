import * as assert from 'assert';
import { createHash } from 'crypto';
import * as http from 'http';
import * as net from 'net';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import type { EcsWorkbenchApi } from '../../src/extension';
import type { EmulatorHandle } from '../emulator';
import { SIDEBAR, QUICK_INPUT, choose, click, count, hasDriver, hover, keyboard, screenshot, textOf, waitForText } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { childrenOf, eventually, expand, type Shown } from './support/tree';

const TERMINAL = '#workbench\\.parts\\.panel .terminal-wrapper.active .xterm-rows';
const STATUS_BAR = '#workbench\\.parts\\.statusbar';
const API_TASKS = ['us-east-1', 'demo-fargate', 'Services', 'api', 'Tasks'];

interface ShellResult { sessionId: string; terminalName: string }
interface CommandResult { sessionId: string; output: string; exitCode?: number }
interface ForwardResult { localPort: number; sessionId: string }

/** GET through a port: the status and body. */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

/** Whether something can listen on 127.0.0.1:`port` now (it is free). */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** ECS Exec in the editor, against the demo account's `api` tasks (ECS Exec on) and `web` tasks (off). */
describe('ECS Exec: Open Shell, Run Command in Container, Forward Port (exec)', function () {
  this.timeout(180_000);
  let account: EmulatorAccount;
  let workbench: EcsWorkbenchApi;
  let emulator: EmulatorHandle;
  let apiTask: string;

  const run = <T>(command: string, arg?: unknown) => Promise.resolve(vscode.commands.executeCommand<T>(command, arg));
  const runningTask = (service: string) => [...emulator.region('us-east-1').ecs.tasksOf('demo-fargate').values()].find((t) => t.group === `service:${service}` && t.lastStatus === 'RUNNING')!.taskArn;
  const closedTerminal = (terminal: vscode.Terminal) => new Promise<vscode.Terminal>((resolve) => {
    const listening = vscode.window.onDidCloseTerminal((t) => {
      if (t !== terminal) return;
      listening.dispose();
      resolve(t);
    });
  });
  /** Waits until the active terminal shows every part, lines wrapped at the panel's width joined again. */
  async function terminalShows(parts: string[]): Promise<string> {
    let seen = '';
    return eventually(async () => {
      seen = await textOf(TERMINAL);
      const joined = seen.replace(/\n/g, '');
      return parts.every((p) => joined.includes(p)) ? joined : undefined;
    }, `the terminal to show ${JSON.stringify(parts)}`).catch((error: Error) => {
      throw new Error(`${error.message}; it shows:\n${seen}`);
    });
  }
  /** The task row of `taskArn` under api's Tasks folder. */
  async function apiTaskRow(taskArn: string): Promise<Shown> {
    const rows = await expand(workbench.explorer, ...API_TASKS);
    const row = rows.find((r) => r.node.resource?.arn === taskArn);
    if (!row) throw new Error(`no row of ${taskArn} among ${rows.map((r) => r.label).join(', ')}`);
    return row;
  }

  before(async () => {
    account = await useEmulatorAccount({ seed: 'demo' });
    ({ workbench, emulator } = account);
    // The DOM renderer: the driver reads the terminal's rows as text.
    await vscode.workspace.getConfiguration('terminal.integrated').update('gpuAcceleration', 'off', vscode.ConfigurationTarget.Global);
    apiTask = runningTask('api');
  });
  after(async () => {
    for (const t of vscode.window.terminals) t.dispose();
    await vscode.workspace.getConfiguration('terminal.integrated').update('gpuAcceleration', undefined, vscode.ConfigurationTarget.Global);
    await account?.close();
  });

  it('Open Shell: the banner names account, region, task and container; echo, pwd, a resize; exit 3 closes the terminal', async () => {
    const shell = await run<ShellResult>('ecsWorkbench.openShell', { cluster: 'demo-fargate', task: apiTask, container: 'api' });
    const taskId = apiTask.split('/').pop()!;
    assert.strictEqual(shell.terminalName, `api · ${taskId.slice(0, 8)} · us-east-1`);
    assert.ok(shell.sessionId, 'a session id');
    const terminal = vscode.window.terminals.find((t) => t.name === shell.terminalName)!;
    terminal.show();
    if (!hasDriver()) return;
    await terminalShows([`Opening /bin/sh in container api of task ${taskId} (cluster demo-fargate, account 123456789012, us-east-1)…`]);
    terminal.sendText('echo hi-$((40 + 2))');
    await waitForText(TERMINAL, ['hi-42']);
    terminal.sendText('pwd');
    const { text } = await waitForText(TERMINAL, ['pwd\n/']);
    assert.match(text, /pwd\n\/\S+/);
    await screenshot('exec-shell', '#workbench\\.parts\\.panel');

    // stty asks the remote pseudo-terminal its size: it follows the panel when the panel grows.
    const sizes = async (marker: string): Promise<[number, number]> => {
      terminal.sendText(`echo ${marker}-$(stty size | tr ' ' x)`);
      const shown = await waitForText(TERMINAL, [`${marker}-`]);
      const m = new RegExp(`${marker}-(\\d+)x(\\d+)`).exec(shown.text);
      if (!m) return sizes(marker);
      return [Number(m[1]), Number(m[2])];
    };
    const [rowsBefore] = await sizes('small');
    await vscode.commands.executeCommand('workbench.action.toggleMaximizedPanel');
    const [rowsAfter, columnsAfter] = await eventually(async () => {
      const [rows, columns] = await sizes(`big${Date.now() % 100000}`);
      return rows > rowsBefore ? ([rows, columns] as const) : undefined;
    }, 'the remote terminal to take the maximized panel\'s size');
    assert.strictEqual(await count(`${TERMINAL} > div`), rowsAfter, 'the remote rows are the rows VS Code shows');
    assert.ok(columnsAfter > 20);
    await vscode.commands.executeCommand('workbench.action.toggleMaximizedPanel');

    // ECS Exec sessions are interactive, and AWS sends no exit status for those: the channel closes.
    const closed = closedTerminal(terminal);
    terminal.sendText('exit 3');
    assert.deepStrictEqual((await closed).exitStatus, { code: undefined, reason: vscode.TerminalExitReason.Process });
  });

  it('Open Shell: Ctrl-C interrupts the command, colours stay colours, 200 KB pasted arrive whole', async function () {
    if (!hasDriver()) this.skip();
    const shell = await run<ShellResult>('ecsWorkbench.openShell', { cluster: 'demo-fargate', task: apiTask });
    const terminal = vscode.window.terminals.find((t) => t.name === shell.terminalName)!;
    terminal.show();
    await terminalShows(['Opening /bin/sh in container api']);
    terminal.sendText('sleep 600');
    await terminalShows(['sleep 600']);
    terminal.sendText('\x03', false);
    terminal.sendText('echo interrupted-$?');
    await terminalShows(['interrupted-130']);
    terminal.sendText("printf '\\033[31mred-text\\033[0m\\n'");
    await terminalShows(['red-text']);
    assert.ok((await count(`${TERMINAL} span.xterm-fg-1`)) > 0, 'red text drawn red (ANSI colour 1)');
    // Lines shorter than the terminal driver's 4 KiB line limit; the whole paste in one write, echoed back
    // as a terminal does.
    const line = 'x'.repeat(99);
    const pasted = Array.from({ length: 2000 }, () => line).join('\n');
    terminal.sendText(`cat > pasted.txt <<'EOF'\n${pasted}\nEOF`);
    terminal.sendText('echo pasted-$(wc -c < pasted.txt)-bytes');
    await terminalShows([`pasted-${2000 * 100}-bytes`]);
    const closed = closedTerminal(terminal);
    terminal.sendText('exit');
    await closed;
  });

  it('several shells at once, each its own session', async () => {
    const tasks = [...emulator.region('us-east-1').ecs.tasksOf('demo-fargate').values()].filter((t) => t.group === 'service:api' && t.lastStatus === 'RUNNING').map((t) => t.taskArn);
    const shells = await Promise.all([tasks[0], tasks[1] ?? tasks[0]].map((task) => run<ShellResult>('ecsWorkbench.openShell', { cluster: 'demo-fargate', task, command: '/bin/sh' })));
    assert.notStrictEqual(shells[0].sessionId, shells[1].sessionId);
    for (const shell of shells) {
      const terminal = vscode.window.terminals.find((t) => t.name === shell.terminalName)!;
      const closed = closedTerminal(terminal);
      terminal.sendText('exit 0');
      assert.strictEqual((await closed).exitStatus?.reason, vscode.TerminalExitReason.Process);
    }
  });

  it('Run Command in Container (argument object): 10 MB of output arrives intact', async () => {
    // seq's output, about 10 MB; the remote's own sha256sum of it is the truth.
    const command = 'seq 1 1400000';
    const result = await run<CommandResult>('ecsWorkbench.execCommand', { cluster: 'demo-fargate', task: apiTask, command, timeoutSeconds: 120 });
    const text = result.output.replace(/\r\n/g, '\n');
    assert.ok(text.length > 10_000_000, `${text.length} characters`);
    const digest = await run<CommandResult>('ecsWorkbench.execCommand', { cluster: 'demo-fargate', task: apiTask, command: `sh -c "${command} | sha256sum"` });
    assert.strictEqual(createHash('sha256').update(text).digest('hex'), digest.output.trim().split(/\s+/)[0]);
    // Interactive sessions (the only kind ECS Exec has) carry no exit status.
    assert.strictEqual(result.exitCode, undefined);
  });

  it('Run Command in Container… from a container row: the command asked, its output in a terminal that stays open', async function () {
    if (!hasDriver()) this.skip();
    const container = (await childrenOf(workbench.explorer, (await apiTaskRow(apiTask)).node)).find((c) => c.contextValue === 'container')!;
    const running = run<ShellResult>('ecsWorkbench.execCommand', container.node);
    await waitForText(QUICK_INPUT, ['Run Command in Container: Command']);
    await keyboard('echo from-the-palette', 'Enter');
    const shell = await running;
    assert.ok(vscode.window.terminals.some((t) => t.name === shell.terminalName));
    await terminalShows(['Running echo from-the-palette in container api', '[session ended: ', 'Press any key to close this terminal.']);
    assert.match(await textOf(TERMINAL), /^from-the-palette\s*$/m, 'the output on its own line');
  });

  it('Forward Port: 20 parallel HTTP requests through one forwarded port all answer; the tree row and status bar show it; Stop frees the port', async () => {
    const forward = await run<ForwardResult>('ecsWorkbench.startPortForward', { cluster: 'demo-fargate', task: apiTask, container: 'api', remotePort: 8080, localPort: 0 });
    assert.ok(forward.localPort > 0 && forward.sessionId);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => get(forward.localPort, `/request-${i}`)));
    const taskId = apiTask.split('/').pop()!;
    for (const answer of answers) {
      assert.strictEqual(answer.status, 200);
      assert.ok(answer.body.includes(taskId) && answer.body.includes('8080'), answer.body);
    }

    const row = await eventually(async () => (await childrenOf(workbench.explorer, (await apiTaskRow(apiTask)).node)).find((c) => c.contextValue === 'portForward'), 'the forward row under its task');
    assert.deepStrictEqual([row.label, row.description], [`localhost:${forward.localPort} → 8080`, 'api']);
    const hovered = await workbench.explorer.resolveTreeItem(await workbench.explorer.getTreeItem(row.node), row.node, new vscode.CancellationTokenSource().token);
    assert.match((hovered.tooltip as vscode.MarkdownString).value, /Connections: 0 open, 20 since it started/);
    // code-server is a remote window: the address to open is its proxy's (asExternalUri), not the extension host's localhost.
    const address = `http://${vscode.env.remoteName}/proxy/${forward.localPort}/`;
    assert.ok((hovered.tooltip as vscode.MarkdownString).value.includes(`Open: ${address.replace('://', '\\://')}`), (hovered.tooltip as vscode.MarkdownString).value);
    if (hasDriver()) {
      await waitForText(STATUS_BAR, ['1 forward']);
      const treeRow = (label: string) => `${SIDEBAR} .monaco-list-row[aria-label^="${label}"]`;
      await vscode.commands.executeCommand('ecsWorkbench.explorer.focus');
      for (const label of ['demo-fargate', 'Services', 'api', 'Tasks', taskId.slice(0, 8)]) {
        await waitForText(SIDEBAR, [label]);
        if (await count(`${treeRow(label)}[aria-expanded="false"]`)) await click(treeRow(label));
      }
      await waitForText(SIDEBAR, [`localhost:${forward.localPort} → 8080`]);
      await hover(treeRow(`localhost:${forward.localPort}`));
      await screenshot('exec-port-forward', SIDEBAR);
    }

    assert.strictEqual(await canListen(forward.localPort), false, 'the forward holds its port');
    assert.deepStrictEqual(await run('ecsWorkbench.stopPortForward', { localPort: forward.localPort }), { stopped: true });
    assert.strictEqual(await canListen(forward.localPort), true, 'stopping frees the port');
    assert.strictEqual((await childrenOf(workbench.explorer, (await apiTaskRow(apiTask)).node)).some((c) => c.contextValue === 'portForward'), false);
    if (hasDriver()) await eventually(async () => ((await count(`${STATUS_BAR} .statusbar-item:has-text("forward")`)) === 0 ? true : undefined), 'the status bar item to go');
  });

  it('Forward Port… from a task row: the task definition\'s container port offered, then a free local port; the notification names account and region', async function () {
    if (!hasDriver()) this.skip();
    const task = await apiTaskRow(apiTask);
    await vscode.commands.executeCommand('notifications.clearAll');
    const started = run<ForwardResult>('ecsWorkbench.startPortForward', task.node);
    await waitForText(QUICK_INPUT, ['Forward Port (1/2): Port to forward', '8080', 'api · tcp', 'A host reachable from the task…']);
    await choose('8080', '8080');
    await waitForText(QUICK_INPUT, ['Forward Port (2/2): Local port', 'A free port']);
    await choose('A free port', 'free');
    const forward = await started;
    assert.ok(forward.localPort > 0);
    await vscode.commands.executeCommand('notifications.showList');
    await waitForText('.notifications-center', [`Forwarding localhost:${forward.localPort} to port 8080 of container api, task ${apiTask.split('/').pop()} (account 123456789012, us-east-1).`, 'Open in Browser', 'Stop']);
    assert.strictEqual((await get(forward.localPort, '/')).status, 200);
    await run('ecsWorkbench.stopPortForward', { localPort: forward.localPort });
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('Forward Port through the task to another host: a loopback server answers; a taken local port is refused', async () => {
    const server = http.createServer((req, res) => res.end(`remote host answered ${req.url}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const remotePort = (server.address() as AddressInfo).port;
    try {
      const forward = await run<ForwardResult>('ecsWorkbench.startPortForward', { cluster: 'demo-fargate', task: apiTask, remoteHost: '127.0.0.1', remotePort });
      assert.deepStrictEqual(await get(forward.localPort, '/db'), { status: 200, body: 'remote host answered /db' });
      await assert.rejects(run('ecsWorkbench.startPortForward', { cluster: 'demo-fargate', task: apiTask, remotePort: 8080, localPort: forward.localPort }), new RegExp(`localhost:${forward.localPort} is already forwarded \\(localhost:${forward.localPort} → 127\\.0\\.0\\.1:${remotePort}`));
      await run('ecsWorkbench.stopPortForward', { localPort: forward.localPort });
    } finally {
      server.close();
    }
  });

  it('a task without ECS Exec: the shell does not start, and the terminal keeps the readiness check\'s findings', async () => {
    const webTask = runningTask('web');
    await assert.rejects(run('ecsWorkbench.openShell', { cluster: 'demo-fargate', task: webTask }), (e: Error) => /The shell could not start: .*execute command/i.test(e.message) && /enableExecuteCommand|ECS Exec/.test(e.message));
    // The end of the findings (the panel shows its last rows).
    if (hasDriver()) await terminalShows(['✗ Service web starts its tasks without ECS Exec.', '→ Enable ECS Exec on service web', 'Press any key to close this terminal.']);
  });

  it('from a container row of a task without ECS Exec: one notification with the finding and Enable ECS Exec on its service', async function () {
    if (!hasDriver()) this.skip();
    const webTask = runningTask('web');
    const tasks = await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services', 'web', 'Tasks');
    const task = tasks.find((t) => t.node.resource?.arn === webTask)!;
    const container = (await childrenOf(workbench.explorer, task.node)).find((c) => c.contextValue === 'container')!;
    await vscode.commands.executeCommand('notifications.clearAll');
    assert.strictEqual(await run('ecsWorkbench.openShell', container.node), undefined, 'the failure is the notification, not an error thrown back');
    await vscode.commands.executeCommand('notifications.showList');
    await waitForText('.notifications-center', ['The shell could not start', 'Enable ECS Exec on web', 'Show Readiness Check']);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('refuses invalid argument objects, saying what each expects', async () => {
    await assert.rejects(run('ecsWorkbench.openShell', { cluster: 'demo-fargate' }), /ecsWorkbench\.openShell: "task" is missing\. Expected \{ cluster, task \(ARN or id\), container\?, command\?, region\?, profile\? \}/);
    await assert.rejects(run('ecsWorkbench.execCommand', { cluster: 'demo-fargate', task: apiTask }), /"command" is missing/);
    await assert.rejects(run('ecsWorkbench.startPortForward', { cluster: 'demo-fargate', task: apiTask, remotePort: 70000 }), /"remotePort" must be an integer from 1 to 65535/);
    await assert.rejects(run('ecsWorkbench.startPortForward', { cluster: 'demo-fargate', task: apiTask, remotePort: 5432, remoteHost: 'db:5432' }), /"remoteHost" must be a host name or IP address without a port/);
    await assert.rejects(run('ecsWorkbench.stopPortForward', { localPort: 1 }), /No port forward of this window listens on localhost:1: none is active/);
    await assert.rejects(run('ecsWorkbench.openShell', { cluster: 'demo-fargate', task: apiTask, container: 'nope' }), /has no container named "nope"; its containers are api/);
  });
});
