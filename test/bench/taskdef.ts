/**
 * npm run bench:taskdef — validation and completion latency per case, and CLI throughput.
 * Prints `taskdef case=<name> containers=<n> validate_ms_median=<n> complete_ms_median=<n>` lines
 * and `taskdef case=cli files=1000 total_ms=<n> files_per_s=<n>`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/taskdef/cli';
import { TaskdefLanguageService } from '../../src/taskdef/languageService';
import { validate } from '../../src/taskdef/validate';

function container(i: number): Record<string, unknown> {
  return {
    name: `app-${i}`,
    image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app-${i}:1.${i}`,
    essential: i === 0,
    cpu: 8,
    memory: 64,
    portMappings: [{ containerPort: 8000 + i, protocol: 'tcp' }],
    environment: [{ name: 'INDEX', value: String(i) }, { name: 'MODE', value: 'prod' }],
    secrets: [{ name: 'DB', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' }],
    dependsOn: i > 0 ? [{ containerName: `app-${i - 1}`, condition: 'START' }] : [],
    mountPoints: [{ sourceVolume: 'shared', containerPath: '/shared' }],
    logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/bench', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': `c${i}` } },
    healthCheck: { command: ['CMD-SHELL', 'true'], interval: 30 },
  };
}

function taskText(n: number): string {
  return JSON.stringify(
    {
      family: 'bench',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '16384',
      memory: '122880',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      volumes: [{ name: 'shared' }],
      containerDefinitions: Array.from({ length: n }, (_, i) => container(i)),
    },
    null,
    2,
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function fmt(n: number): string {
  return n.toFixed(2);
}

async function main(): Promise<void> {
  const ls = new TaskdefLanguageService();
  for (const n of [1, 10, 100]) {
    const text = taskText(n);
    for (let i = 0; i < 5; i++) validate(text); // warm up
    const v: number[] = [];
    for (let i = 0; i < 31; i++) {
      const t0 = performance.now();
      validate(text);
      v.push(performance.now() - t0);
    }
    // Completion of a property name inside the last container.
    const offset = text.lastIndexOf('"healthCheck"');
    const line = text.slice(0, offset).split('\n').length - 1;
    const pos = { line, character: 8 };
    for (let i = 0; i < 3; i++) await ls.complete(text, 'task', pos);
    const c: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      await ls.complete(text, 'task', pos);
      c.push(performance.now() - t0);
    }
    console.log(`taskdef case=fargate-${n} containers=${n} validate_ms_median=${fmt(median(v))} complete_ms_median=${fmt(median(c))}`);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskdef-bench-'));
  const files: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const f = path.join(dir, `task-definition-${i}.json`);
    fs.writeFileSync(f, taskText(1 + (i % 5)));
    files.push(f);
  }
  const t0 = performance.now();
  runCli(['--format', 'json', ...files], { stdout: () => undefined, stderr: () => undefined, readFile: (p) => fs.readFileSync(p, 'utf8') });
  const total = performance.now() - t0;
  console.log(`taskdef case=cli files=1000 total_ms=${Math.round(total)} files_per_s=${Math.round(1000 / (total / 1000))}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
