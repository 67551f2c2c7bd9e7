/**
 * `npm start`: the extension in a real VS Code (code-server) against the local AWS emulator, for a
 * newcomer with no AWS account. Starts the emulator (demo seed, real time sped up 60×), installs the
 * freshly packaged .vsix into a sandbox code-server whose settings point at the emulator, prints the
 * URL to open, starts a slow rollout of `api` when the workbench first lists the clusters
 * (sandboxRollout.ts), and stops everything it started on Ctrl-C.
 *
 * Environment: SANDBOX_PORT (default 8080), SANDBOX_TIME_SCALE (default 60).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { startEmulator, type RegistryConfig } from '../emulator';
import { DOCKER_BIN, importImage, rigUnavailable, startRig, type Rig } from '../integration/support/containerRig';
import { codeServerEntry, ensureCodeServer, node24, startCodeServer } from './codeServer';
import { REPO_ROOT } from './paths';
import { rolloutWhenConnected } from './sandboxRollout';

const VSIX = path.join(REPO_ROOT, 'dist-vsix', 'ecs-workbench.vsix');
/** The sandbox profile's keys (the emulator takes any). */
const CREDENTIALS = { accessKeyId: 'AKIASANDBOXEXAMPLE', secretAccessKey: 'sandbox-secret' };
const SANDBOX_DIR = path.join(REPO_ROOT, '.sandbox');

const SAMPLE_TASK_DEFINITION = {
  family: 'sandbox-web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  containerDefinitions: [
    {
      name: 'web',
      image: 'public.ecr.aws/nginx/nginx:1.27',
      essential: true,
      portMappings: [{ containerPort: 80, protocol: 'tcp' }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/sandbox-web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'web' },
      },
    },
  ],
};

export interface Sandbox {
  /** The workbench URL with the sandbox workspace folder open. */
  url: string;
  emulatorUrl: string;
  /** Whether image push works in this sandbox, and why not when it does not. */
  pushNote: string;
  /** The deployment of `api` started when the workbench first listed the clusters (its id; undefined if stopped first). */
  rollout: Promise<string | undefined>;
  stop(): Promise<void>;
  /** Resolves when code-server exits on its own. */
  exited: Promise<number | null>;
}

export async function startSandbox(options: { port?: number; timeScale?: number } = {}): Promise<Sandbox> {
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} missing: run \`npm run package\` first (npm start does).`);
  ensureCodeServer();
  fs.rmSync(SANDBOX_DIR, { recursive: true, force: true });
  const dirs = {
    codeServer: path.join(SANDBOX_DIR, 'code-server'),
    workspace: path.join(SANDBOX_DIR, 'workspace'),
    aws: path.join(SANDBOX_DIR, 'aws'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });

  // Image push needs a real engine and registry; the rest of the sandbox works without them.
  let rig: Rig | undefined;
  const noRig = rigUnavailable();
  let pushNote = noRig ? `image push is off: ${noRig}` : '';
  if (!noRig) {
    try {
      rig = await startRig();
      // Something local to push: a tiny image made without running anything.
      importImage(rig.engine, rig.dir, 'sandbox-web:1.0', { 'index.html': '<h1>Hello from the ECS Workbench sandbox</h1>\n' });
      pushNote = `image push goes to a local registry at ${rig.registry.url} (local image sandbox-web:1.0 ready)`;
    } catch (error) {
      pushNote = `image push is off: the container engine did not start (${error instanceof Error ? error.message : String(error)})`;
      rig = undefined;
    }
  }
  const registry: RegistryConfig | undefined = rig ? { url: rig.registry.url, user: rig.registry.user, password: rig.registry.password } : undefined;
  const emulator = await startEmulator({ seed: 'demo', clock: 'real', timeScale: options.timeScale ?? 60, registry });
  const connected = new AbortController();
  const rollout = rolloutWhenConnected(emulator, CREDENTIALS, connected.signal);
  // Reported by whoever awaits it; never an unhandled rejection in the meantime.
  rollout.catch(() => undefined);

  // A profile of its own, so the sandbox never touches the user's real ~/.aws files.
  fs.writeFileSync(path.join(dirs.aws, 'config'), '[profile sandbox]\nregion = us-east-1\n');
  fs.writeFileSync(path.join(dirs.aws, 'credentials'), `[sandbox]\naws_access_key_id = ${CREDENTIALS.accessKeyId}\naws_secret_access_key = ${CREDENTIALS.secretAccessKey}\n`);
  const userSettings = path.join(dirs.codeServer, 'user-data', 'User', 'settings.json');
  fs.mkdirSync(path.dirname(userSettings), { recursive: true });
  fs.writeFileSync(
    userSettings,
    JSON.stringify(
      {
        'ecsWorkbench.profile': 'sandbox',
        'ecsWorkbench.region': 'us-east-1',
        'ecsWorkbench.endpointUrl': emulator.url,
        // The rollout is seen progressing, not only started.
        'ecsWorkbench.explorer.refreshIntervalSeconds': 2,
        ...(rig ? { 'ecsWorkbench.containerCli.path': DOCKER_BIN } : {}),
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(dirs.workspace, 'web-task-definition.json'), JSON.stringify(SAMPLE_TASK_DEFINITION, null, 2) + '\n');

  const extensionsDir = path.join(dirs.codeServer, 'extensions');
  const install = spawnSync(node24, [codeServerEntry, '--extensions-dir', extensionsDir, '--install-extension', VSIX, '--force'], {
    env: { ...process.env, HOME: path.join(dirs.codeServer, 'home'), XDG_CONFIG_HOME: path.join(dirs.codeServer, 'home', '.config'), XDG_DATA_HOME: path.join(dirs.codeServer, 'home', '.local') },
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`installing ${VSIX} into code-server failed:\n${install.stderr || install.stdout}`);

  const server = await startCodeServer({
    scratchDir: dirs.codeServer,
    bindAddr: `127.0.0.1:${options.port ?? 8080}`,
    logFile: path.join(SANDBOX_DIR, 'code-server.log'),
    env: {
      AWS_CONFIG_FILE: path.join(dirs.aws, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dirs.aws, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      ...(rig ? rig.engine.env : {}),
      AWS_PROFILE: undefined,
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
    },
  });

  const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
  return {
    url: `${server.url}/?folder=${encodeURIComponent(dirs.workspace)}`,
    emulatorUrl: emulator.url,
    pushNote,
    rollout,
    exited,
    stop: async () => {
      connected.abort();
      await server.stop();
      await emulator.close();
      await rig?.stop();
    },
  };
}

async function main(): Promise<void> {
  const timeScale = Number(process.env.SANDBOX_TIME_SCALE ?? 60);
  const sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 8080), timeScale });
  console.log(`AWS emulator listening on ${sandbox.emulatorUrl} (demo seed, time ×${timeScale})`);
  console.log(`VS Code with ECS Workbench: ${sandbox.url}`);
  console.log(`ECR: ${sandbox.pushNote}`);
  console.log('Open that URL in a browser. Ctrl-C stops code-server and the emulator.');
  sandbox.rollout.then(
    (id) => id && console.log(`Rolling out api (deployment ${id}): one task at a time, each old one draining from the load balancer; about 3½ minutes.`),
    (error: unknown) => console.error(`[sandbox] the api rollout did not start: ${error instanceof Error ? error.message : String(error)}`),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the sandbox…');
    await sandbox.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  void sandbox.exited.then(async (code) => {
    if (stopping) return;
    console.error(`code-server exited (${code}); see ${path.join(SANDBOX_DIR, 'code-server.log')}`);
    await sandbox.stop();
    process.exit(1);
  });
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`[sandbox] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
