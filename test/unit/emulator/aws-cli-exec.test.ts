/**
 * The real AWS CLI's ECS Exec and Session Manager commands against the emulator: `aws ecs
 * execute-command` (AWS CLI 1.19.28 / 2.1.30 and later) and `aws ssm start-session`. Both hand the
 * session to the `session-manager-plugin` program; a stand-in for it, first on PATH, records what the
 * CLI hands it (awscli/customizations/ecs/executecommand.py and sessionmanager.py: the session JSON,
 * or, for plugins after 1.2.497.0, the name of the environment variable holding it; the region;
 * "StartSession"; the profile; the StartSession request; the endpoint). Runs on the first CLI that
 * knows `ecs execute-command` (Debian's /usr/bin/aws, $AWS_CLI_NEWER, pyenv's); skipped without one.
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DescribeTasksCommand, ECSClient, ListTasksCommand, type Task } from '@aws-sdk/client-ecs';
import { sdkConfig, useEmulator } from './helpers';

interface PluginCall {
  argv: string[];
  /** AWS_SSM_START_SESSION_RESPONSE as the plugin saw it. */
  envResponse?: string;
}

/** The stand-in plugin: `--version` prints $STANDIN_PLUGIN_VERSION, no argument says it is installed, a session appends its call to $STANDIN_PLUGIN_LOG. */
const PLUGIN = `#!${process.execPath}
const args = process.argv.slice(2);
if (args[0] === '--version') { console.log(process.env.STANDIN_PLUGIN_VERSION || '1.2.707.0'); process.exit(0); }
if (args.length === 0) { console.log('The Session Manager plugin was installed successfully. Use the AWS CLI to start a session.'); process.exit(0); }
require('fs').appendFileSync(process.env.STANDIN_PLUGIN_LOG, JSON.stringify({ argv: args, envResponse: process.env.AWS_SSM_START_SESSION_RESPONSE }) + '\\n');
`;

function candidates(): string[] {
  const pyenv = path.join(os.homedir(), '.pyenv', 'versions');
  const fromPyenv = fs.existsSync(pyenv) ? fs.readdirSync(pyenv).map((v) => path.join(pyenv, v, 'bin', 'aws')) : [];
  return ['/usr/bin/aws', ...(process.env.AWS_CLI_NEWER ? [process.env.AWS_CLI_NEWER] : []), ...fromPyenv].filter((f) => fs.existsSync(f));
}

describe('emulator: AWS CLI ECS Exec and Session Manager (stand-in session-manager-plugin)', function () {
  this.timeout(60_000);
  const ctx = useEmulator({ seed: 'demo' });
  let home: string;
  let log: string;
  let cli: string | undefined;
  let api: Task;

  function run(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = {
      PATH: `${path.join(home, 'bin')}${path.delimiter}${process.env.PATH}`, HOME: home, AWS_CONFIG_FILE: path.join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'), AWS_PAGER: '', LANG: 'C.UTF-8', STANDIN_PLUGIN_LOG: log, ...extraEnv,
    };
    return new Promise((resolve) => {
      execFile(cli!, [...args, '--endpoint-url', ctx.emu.url], { env, timeout: 30_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      });
    });
  }

  /** The plugin calls recorded since the last read. */
  function calls(): PluginCall[] {
    const lines = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
    fs.rmSync(log, { force: true });
    return lines.map((l) => JSON.parse(l) as PluginCall);
  }

  before(async function () {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-awscli-exec-'));
    log = path.join(home, 'plugin.log');
    fs.mkdirSync(path.join(home, 'bin'));
    fs.writeFileSync(path.join(home, 'bin', 'session-manager-plugin'), PLUGIN, { mode: 0o755 });
    fs.writeFileSync(path.join(home, 'config'), '[default]\nregion = us-east-1\noutput = json\n[profile exec]\nregion = us-east-1\n');
    fs.writeFileSync(path.join(home, 'credentials'), '[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = x\n[exec]\naws_access_key_id = AKIDEXEC\naws_secret_access_key = x\n');
    for (const c of candidates()) {
      cli = c;
      if (!/Invalid choice/.test((await run(['ecs', 'execute-command', 'help'])).stderr)) {
        break;
      }
      cli = undefined;
    }
    if (!cli) {
      console.log('      (skipped: no AWS CLI here knows `ecs execute-command` (1.19.28 / 2.1.30 or later); set AWS_CLI_NEWER to one)');
      this.skip();
    }
    const ecs = new ECSClient(sdkConfig(ctx.emu));
    const list = await ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', serviceName: 'api' }));
    api = (await ecs.send(new DescribeTasksCommand({ cluster: 'demo-fargate', tasks: list.taskArns!.slice(0, 1) }))).tasks![0];
  });

  after(() => {
    if (home) {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  const targetOf = (t: Task): string => `ecs:demo-fargate_${t.taskArn!.split('/').pop()}_${t.containers![0].runtimeId}`;

  it('aws ecs execute-command --interactive: the plugin gets our session, the region, StartSession, the profile, the target from runtimeId, the endpoint', async () => {
    const r = await run(['ecs', 'execute-command', '--profile', 'exec', '--cluster', 'demo-fargate', '--task', api.taskArn!, '--container', 'api', '--interactive', '--command', '/bin/sh']);
    assert.strictEqual(r.code, 0, r.stderr);
    const [call] = calls();
    assert.ok(call, 'the plugin was run with a session');
    const [sessionJson, region, operation, profile, requestJson, endpoint] = call.argv;
    const session = JSON.parse(sessionJson) as { sessionId: string; streamUrl: string; tokenValue: string };
    assert.match(session.sessionId, /^ecs-execute-command-[0-9a-f]{17}$/);
    assert.ok(ctx.emu.agent.activeSessions().includes(session.sessionId), 'the session the CLI handed on is the one the agent serves');
    assert.ok(session.streamUrl.startsWith(`ws://127.0.0.1:${ctx.emu.port}/v1/data-channel/${session.sessionId}?`));
    assert.ok(session.tokenValue);
    assert.deepStrictEqual([region, operation, profile, JSON.parse(requestJson), endpoint], ['us-east-1', 'StartSession', 'exec', { Target: targetOf(api) }, ctx.emu.url]);
    ctx.emu.agent.terminate(session.sessionId);
  });

  it('aws ecs execute-command on a task without ECS Exec prints ECS\'s refusal', async () => {
    const ecs = new ECSClient(sdkConfig(ctx.emu));
    const list = await ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', serviceName: 'web' }));
    const r = await run(['ecs', 'execute-command', '--cluster', 'demo-fargate', '--task', list.taskArns![0], '--interactive', '--command', '/bin/sh']);
    assert.notStrictEqual(r.code, 0);
    assert.match(r.stderr, /\(InvalidParameterException\) when calling the ExecuteCommand operation: The execute command failed because execute command was not enabled/);
    assert.deepStrictEqual(calls(), []);
  });

  it('aws ssm start-session --document-name AWS-StartPortForwardingSession: the plugin gets the answer (from the environment where the CLI hands it that way, else as an argument)', async () => {
    const args = ['ssm', 'start-session', '--target', targetOf(api), '--document-name', 'AWS-StartPortForwardingSession', '--parameters', 'portNumber=8080,localPortNumber=0'];
    const [newer, older] = await Promise.all([run(args), run(args, { STANDIN_PLUGIN_VERSION: '1.2.497.0' })]);
    assert.strictEqual(newer.code, 0, newer.stderr);
    assert.strictEqual(older.code, 0, older.stderr);
    const recorded = calls();
    assert.strictEqual(recorded.length, 2);
    // CLIs that know the environment-variable hand-over use it for the newer plugin (Debian's 2.9 does not
    // yet: it passes both by argument); the older plugin always gets the answer as an argument.
    const byEnv = recorded.filter((c) => c.argv[0] === 'AWS_SSM_START_SESSION_RESPONSE');
    assert.ok(byEnv.length <= 1, `the older plugin gets the answer by argument: ${JSON.stringify(recorded.map((c) => c.argv[0]))}`);
    for (const [responseJson, c] of recorded.map((c) => [c.argv[0] === 'AWS_SSM_START_SESSION_RESPONSE' ? c.envResponse! : c.argv[0], c] as const)) {
      const response = JSON.parse(responseJson) as { SessionId: string; TokenValue: string; StreamUrl: string };
      assert.match(response.SessionId, /^emulator-[0-9a-f]{17}$/);
      assert.ok(ctx.emu.agent.activeSessions().includes(response.SessionId));
      assert.ok(response.StreamUrl.includes(`/v1/data-channel/${response.SessionId}?`) && response.TokenValue);
      assert.deepStrictEqual(c.argv.slice(1, 4), ['us-east-1', 'StartSession', '']);
      assert.deepStrictEqual(JSON.parse(c.argv[4]), { Target: targetOf(api), DocumentName: 'AWS-StartPortForwardingSession', Parameters: { portNumber: ['8080'], localPortNumber: ['0'] } });
      assert.strictEqual(c.argv[5], ctx.emu.url);
      ctx.emu.agent.terminate(response.SessionId);
    }
  });

  it('aws ssm start-session on a target that is not connected prints TargetNotConnected', async () => {
    const r = await run(['ssm', 'start-session', '--target', 'i-0123456789abcdef0']);
    assert.notStrictEqual(r.code, 0);
    assert.match(r.stderr, /\(TargetNotConnected\) when calling the StartSession operation: i-0123456789abcdef0 is not connected\./);
  });
});
