/**
 * ECS Exec shells and commands end to end: ClientManager → the emulator's ECS ExecuteCommand over HTTP
 * → our data channel over a real WebSocket → the emulator's agent running /bin/sh in a pseudo-terminal.
 */
import * as assert from 'assert';
import { createHash } from 'crypto';
import { openShellSession, resolveExecTarget, runCommand, ExecSessionError, ExecTargetError } from '../../../src/exec/sessions';
import type { ExecTarget, ShellSession } from '../../../src/exec/types';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';
import { until } from '../support/until';

describe('exec sessions: shell and commands against the emulator', function () {
  this.timeout(60_000);
  let account: UnitEmulatorAccount;
  let api: ExecTarget;
  let web: ExecTarget;

  before(async () => {
    account = await startEmulatorAccount();
    const { sdk, client } = await account.manager.clientWithSdk('ecs');
    const taskOf = async (serviceName: string) => (await client.send(new sdk.ecs.ListTasksCommand({ cluster: 'demo-fargate', serviceName }))).taskArns![0];
    api = { cluster: 'demo-fargate', task: await taskOf('api'), scope: {} };
    web = { cluster: 'demo-fargate', task: await taskOf('web'), scope: {} };
  });
  after(() => account.close());

  /** Everything the terminal showed so far, as text. */
  function screen(shell: ShellSession): () => string {
    const chunks: Buffer[] = [];
    shell.onOutput((data) => chunks.push(Buffer.from(data)));
    return () => Buffer.concat(chunks).toString('utf8');
  }

  it('resolves the target: the only container, its runtime id and the SSM target', async () => {
    const resolved = await resolveExecTarget(account.manager, api);
    assert.strictEqual(resolved.container, 'api');
    assert.strictEqual(resolved.ssmTarget, `ecs:demo-fargate_${resolved.taskId}_${resolved.runtimeId}`);
    assert.strictEqual(resolved.region, 'us-east-1');
    await assert.rejects(resolveExecTarget(account.manager, { ...api, container: 'nope' }), (e: unknown) => e instanceof ExecTargetError && /no container named "nope".*api/.test(e.message));
    await assert.rejects(resolveExecTarget(account.manager, { ...api, task: '0123456789abcdef0123456789abcdef' }), (e: unknown) => e instanceof ExecTargetError && /was not found in cluster demo-fargate/.test(e.message));
    await assert.rejects(resolveExecTarget(account.manager, { ...api, cluster: 'ghost' }), (e: unknown) => e instanceof ExecSessionError && e.awsCode === 'ClusterNotFoundException');
  });

  it('runs echo and pwd in a shell, and exit ends the session', async () => {
    const shell = await openShellSession(account.manager, api, { command: '/bin/sh', columns: 100, rows: 30 });
    const text = screen(shell);
    let ended: { reason: string; failed: boolean } | undefined;
    shell.onEnd((end) => (ended = end));
    shell.write('echo "hello $((6*7))"\r');
    await until(() => (/hello 42/.test(text()) ? true : undefined), 'echo output');
    shell.write('pwd\r');
    await until(() => (/\/[^\r\n]*\r?\n/.test(text().split('pwd')[1] ?? '') ? true : undefined), 'pwd output');
    shell.write('false; echo "status=$?"\r');
    await until(() => (/status=1/.test(text()) ? true : undefined), 'the exit status of false');
    shell.write('exit 3\r');
    await until(() => ended, 'the end of the session');
    assert.strictEqual(ended!.failed, false);
  });

  it('signs the data channel\'s upgrade with SigV4 for ssmmessages in the session\'s region, as AWS\'s client does', async () => {
    const result = await runCommand(account.manager, api, 'echo signed');
    assert.match(result.output, /signed/);
    assert.deepStrictEqual(account.emulator.agent.upgrades.get(result.sessionId), { signed: true, service: 'ssmmessages', region: 'us-east-1' });
  });

  it('a 500 KB paste, echoed as a terminal does, arrives whole', async () => {
    const shell = await openShellSession(account.manager, api, { command: '/bin/sh', columns: 120, rows: 30 });
    const text = screen(shell);
    const pasted = Array.from({ length: 5000 }, () => 'x'.repeat(99)).join('\r');
    shell.write(`cat > pasted.txt <<'EOF'\r${pasted}\rEOF\r`);
    shell.write('echo pasted-$(wc -c < pasted.txt)-bytes\r');
    await until(() => (/pasted-500000-bytes/.test(text()) ? true : undefined), 'the pasted file\'s size', 60_000);
    await shell.close();
  });

  it('a resize reaches the terminal', async () => {
    const shell = await openShellSession(account.manager, api, { command: '/bin/sh', columns: 80, rows: 24 });
    const text = screen(shell);
    shell.resize(132, 43);
    shell.write('stty size\r');
    await until(() => (/43 132/.test(text()) ? true : undefined), 'stty size after the resize');
    await shell.close();
  });

  it('runCommand returns the output as a terminal shows it; ECS Exec (interactive only) reports no exit status', async () => {
    const result = await runCommand(account.manager, api, 'sh -c "echo out; echo err >&2; exit 7"', { timeoutSeconds: 30 });
    assert.match(result.output, /out\r\nerr\r\n/);
    assert.strictEqual(result.exitCode, undefined);
    assert.match(result.sessionId, /^ecs-execute-command-/);
  });

  it('10 MB of output arrives intact (SHA-256)', async () => {
    const command = `sh -c "head -c 10485760 /dev/zero | tr '\\\\0' 'x'"`;
    const result = await runCommand(account.manager, api, command, { timeoutSeconds: 120 });
    // The pseudo-terminal may turn nothing into CR LF here (no newlines in the data): the bytes are the bytes.
    const expected = createHash('sha256').update(Buffer.alloc(10 * 1024 * 1024, 'x')).digest('hex');
    assert.strictEqual(result.output.length, 10 * 1024 * 1024);
    assert.strictEqual(createHash('sha256').update(result.output).digest('hex'), expected);
  });

  it('a task without ECS Exec is refused with AWS’s code, for the readiness check', async () => {
    await assert.rejects(openShellSession(account.manager, web, { command: '/bin/sh' }), (e: unknown) => e instanceof ExecSessionError && e.awsCode === 'InvalidParameterException' && /execute command was not enabled/.test(e.message));
  });
});
