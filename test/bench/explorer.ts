/**
 * npm run bench:explorer — the explorer's reads against the emulator's `scale` seed (one cluster
 * with 300 services and 5,000 running tasks), at 0 ms and 50 ms emulated latency per call. One line
 * per case:
 *   explorer case=<name> latency_ms=<n> api_calls=<n> minimum_calls=<n> first_page_ms=<n> all_ms=<n> heap_mb=<n>
 * minimum_calls is what AWS's documented page and batch limits allow for the seed's counts, both
 * written here (not taken from the code under test); api_calls counts every HTTP attempt the SDK
 * made (retries included).
 * list_chain_ms is the List pages alone, one after another (the floor); all_vs_chain the ratio.
 * The emulator runs in a child process so it does not share this process's CPU time.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ClientManager } from '../../src/aws/clientManager';
import { EcsReader } from '../../src/ecs/ecsReader';
import { REPO_ROOT } from '../runner/paths';

const CLUSTER = 'scale-big';

/**
 * AWS's documented limits, from the ECS API Reference: ListServices and ListTasks take `maxResults`
 * up to 100 (API_ListServices.html, API_ListTasks.html); DescribeServices up to 10 services
 * (API_DescribeServices.html, "You may specify up to 10 services"); DescribeTasks up to 100 tasks
 * (API_DescribeTasks.html, "A list of up to 100 task IDs or full ARN entries").
 */
const AWS = { listPage: 100, describeServices: 10, describeTasks: 100 } as const;
/** What the `scale` seed holds in scale-big (test/emulator/README.md). */
const SEED = { services: 300, tasks: 5000 } as const;
/** Each case runs this many times; the median is printed (the machine has 2 cores and other work). */
const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function startEmulatorProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'out', 'test', 'emulator', 'cli.js'), '--seed', 'scale'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk) => {
      seen += chunk;
      const match = /AWS emulator listening on (http:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${seen}`)));
  });
  return { url, child };
}

async function setLatency(url: string, latencyMs: number): Promise<void> {
  const res = await fetch(`${url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ latencyMs }), headers: { 'content-type': 'application/json' } });
  if (!res.ok) throw new Error(`setting latency failed: ${res.status}`);
}

/** CPU milliseconds a process has used (Linux /proc; 0 elsewhere): the emulator's share of a read. */
function processCpuMs(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

function minimumCalls(count: number, describeBatch: number): number {
  return Math.ceil(count / AWS.listPage) + Math.ceil(count / describeBatch);
}

async function main(): Promise<void> {
  const { url, child } = await startEmulatorProcess();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wb-bench-'));
  fs.writeFileSync(path.join(dir, 'credentials'), '[bench]\naws_access_key_id = AKIDBENCH\naws_secret_access_key = bench\n');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
  process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const manager = new ClientManager({ profile: 'bench', region: 'us-east-1', endpoint: url });
  let calls = 0;
  /** Milliseconds each List call spent on the wire (request sent → response parsed), summed. */
  let listWireMs = 0;
  (await manager.client('ecs')).middlewareStack.add(
    (next, context) => async (args) => {
      calls++;
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        if (/^List/.test(context.commandName ?? '')) listWireMs += performance.now() - started;
      }
    },
    { step: 'deserialize', name: 'benchCallCounter' },
  );
  const reader = new EcsReader(manager, { region: 'us-east-1' });
  // Warm up: load the SDK, resolve credentials, open the connection; not measured.
  await reader.clusters({ limit: 1 });

  const { sdk, client } = await manager.clientWithSdk('ecs');
  /** The List chain alone, one page after another with no Describe: the floor for reading everything. */
  const listChain = async (list: (nextToken?: string) => Promise<string | undefined>) => {
    let token: string | undefined;
    do token = await list(token);
    while (token);
  };
  const cases = [
    {
      name: 'services_300',
      count: SEED.services,
      batch: AWS.describeServices,
      read: (limit: number) => reader.services(CLUSTER, { limit }),
      chain: () => listChain(async (nextToken) => (await client.send(new sdk.ecs.ListServicesCommand({ cluster: CLUSTER, maxResults: 100, nextToken }))).nextToken),
    },
    {
      name: 'tasks_5000',
      count: SEED.tasks,
      batch: AWS.describeTasks,
      read: (limit: number) => reader.tasks(CLUSTER, { desiredStatus: 'RUNNING' }, { limit }),
      chain: () => listChain(async (nextToken) => (await client.send(new sdk.ecs.ListTasksCommand({ cluster: CLUSTER, desiredStatus: 'RUNNING', maxResults: 100, nextToken }))).nextToken),
    },
  ];
  try {
    for (const latency of [0, 50]) {
      await setLatency(url, latency);
      for (const c of cases) {
        const firstPages: number[] = [];
        const alls: number[] = [];
        const chains: number[] = [];
        const cpus: number[] = [];
        const emulatorCpus: number[] = [];
        const listsInAll: number[] = [];
        const listsAlone: number[] = [];
        let all = { items: [] as unknown[] };
        for (let run = 0; run < RUNS; run++) {
          let t0 = performance.now();
          await c.read(AWS.listPage);
          firstPages.push(performance.now() - t0);
          calls = 0;
          listWireMs = 0;
          const cpu0 = process.cpuUsage();
          const emulatorCpu0 = processCpuMs(child.pid);
          t0 = performance.now();
          all = await c.read(Infinity);
          alls.push(performance.now() - t0);
          const cpu = process.cpuUsage(cpu0);
          cpus.push((cpu.user + cpu.system) / 1000);
          emulatorCpus.push(processCpuMs(child.pid) - emulatorCpu0);
          listsInAll.push(listWireMs);
          const callsOfAll = calls;
          listWireMs = 0;
          t0 = performance.now();
          await c.chain();
          chains.push(performance.now() - t0);
          listsAlone.push(listWireMs);
          calls = callsOfAll;
        }
        const firstPage = median(firstPages);
        const allMs = median(alls);
        const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
        console.log(
          `explorer case=${c.name} latency_ms=${latency} api_calls=${calls} minimum_calls=${minimumCalls(c.count, c.batch)} ` +
            `first_page_ms=${firstPage.toFixed(0)} all_ms=${allMs.toFixed(0)} heap_mb=${heapMb.toFixed(0)} items=${all.items.length} ` +
            `list_chain_ms=${median(chains).toFixed(0)} all_vs_chain=${(allMs / median(chains)).toFixed(2)}`,
        );
        // Where the time beyond the List chain goes: the List calls themselves slowed by the Describe
        // calls beside them (the emulator is one process, AWS is not), or this process's own CPU
        // (signing, serialising, parsing) between the pages.
        console.log(
          `explorer breakdown case=${c.name} latency_ms=${latency} list_wire_ms_in_read=${median(listsInAll).toFixed(0)} list_wire_ms_alone=${median(listsAlone).toFixed(0)} ` +
            `client_cpu_ms=${median(cpus).toFixed(0)} emulator_cpu_ms=${median(emulatorCpus).toFixed(0)}`,
        );
      }
    }
    console.log(`explorer reference nominal_list_chain_ms_at_50=${(SEED.tasks / AWS.listPage) * 50} goal_all_ms=${1.1 * (SEED.tasks / AWS.listPage) * 50}`);
  } finally {
    manager.dispose();
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
