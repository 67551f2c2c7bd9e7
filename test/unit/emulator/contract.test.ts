/**
 * Contract tests from AWS's own documented examples (`smithy.api#examples`, extracted by the
 * generator into test/emulator/generated/examples.json): each example's input is sent to a fresh
 * emulator holding what the example refers to (contract-setups.ts), through the real SDK (raw
 * restJson1 for IAM Identity Center OIDC, which has no SDK client here), and the reply's structure
 * is compared with the example's output (contract-compare.ts): same members, types and enum
 * values, the same error code for error examples. Differences an example itself causes are excused
 * in contract-exclusions.ts, with the reason.
 */
import * as ec2autoscaling from '@aws-sdk/client-auto-scaling';
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as aas from '@aws-sdk/client-application-auto-scaling';
import * as logs from '@aws-sdk/client-cloudwatch-logs';
import * as ecr from '@aws-sdk/client-ecr';
import * as ecs from '@aws-sdk/client-ecs';
import * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2';
import * as iam from '@aws-sdk/client-iam';
import * as pricing from '@aws-sdk/client-pricing';
import * as sm from '@aws-sdk/client-secrets-manager';
import * as ssm from '@aws-sdk/client-ssm';
import * as sso from '@aws-sdk/client-sso';
import * as sts from '@aws-sdk/client-sts';
import { startEmulator, type EmulatorHandle } from '../../emulator/index';
import { loadModel, type ServiceModel } from '../../emulator/kit/model';
import { compare, exampleIssues, toSdk } from './contract-compare';
import { EXCLUSIONS, type Exclusion } from './contract-exclusions';
import { Fixture, SETUPS } from './contract-setups';
import { raw, sdkConfig } from './helpers';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Example { title: string; input: Json; output?: Json; error?: string }

const EXAMPLES = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../test/emulator/generated/examples.json'), 'utf8')).services as Record<string, Record<string, Example[]>>;

/** The SDK module and client class of each service key. */
const SDK: Record<string, [Record<string, unknown>, string]> = {
  ecs: [ecs, 'ECSClient'], ecr: [ecr, 'ECRClient'], autoscaling: [aas, 'ApplicationAutoScalingClient'], logs: [logs, 'CloudWatchLogsClient'],
  secretsmanager: [sm, 'SecretsManagerClient'], ssm: [ssm, 'SSMClient'], sts: [sts, 'STSClient'], iam: [iam, 'IAMClient'],
  elbv2: [elbv2, 'ElasticLoadBalancingV2Client'], sso: [sso, 'SSOClient'], pricing: [pricing, 'PricingClient'],
  ec2autoscaling: [ec2autoscaling, 'AutoScalingClient'],
};

type Client = { send(c: unknown): Promise<Json>; destroy(): void };

/** The region an example acts in: the first regional ARN of its input, else us-east-1. */
function regionOf(input: Json): string {
  return /arn:aws[\w-]*:[\w-]+:([a-z]{2}-[a-z]+-\d):/.exec(JSON.stringify(input))?.[1] ?? 'us-east-1';
}

async function send(emu: EmulatorHandle, svc: ServiceModel, op: string, input: Json, region: string): Promise<{ reply?: Json; error?: string; raw: boolean }> {
  const sdk = SDK[svc.key];
  if (!sdk) {
    const http = svc.ops[op].http!;
    const r = await raw(emu.url, { method: http.method, path: http.uri, headers: { 'Content-Type': 'application/json', Host: `oidc.${region}.amazonaws.com` }, body: JSON.stringify(input) });
    const body = r.body ? JSON.parse(r.body) : {};
    return r.status < 300 ? { reply: body, raw: true } : { error: String(r.headers['x-amzn-errortype'] ?? body.error).split(':')[0], raw: true };
  }
  const [mod, clientName] = sdk;
  const client = new (mod[clientName] as new (c: unknown) => Client)({ ...sdkConfig(emu, region), ...(svc.key === 'sso' ? { credentials: undefined } : {}) });
  try {
    const reply = await client.send(new (mod[`${op}Command`] as new (i: unknown) => unknown)(toSdk(svc, svc.ops[op].i, input)));
    return { reply, raw: false };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}`, raw: false };
  } finally {
    client.destroy();
  }
}

interface Result { id: string; title: string; differences: string[]; replaced: string[] }

/** Whether exclusion `e` (of `id`) covers difference `d`. */
function covers(e: Exclusion, id: string, d: string): boolean {
  const path = e.path.replace(/[.[\]]/g, '\\$&').replace(/\\\[\*\\\]/g, '\\[\\d+\\]');
  return e.id === id && new RegExp(`^(example: )?${path}($|[:.[])`).test(d);
}

/** The example's input with the members its exclusions replace (those whose value differs). */
function corrected(id: string, input: Json): { input: Json; replaced: string[] } {
  const out = structuredClone(input);
  const replaced: string[] = [];
  for (const e of EXCLUSIONS.filter((x) => x.id === id && 'input' in x)) {
    const keys = e.path.replace(/^input\./, '').split('.');
    const parent = keys.slice(0, -1).reduce((o, k) => o?.[k], out);
    if (parent && JSON.stringify(parent[keys[keys.length - 1]]) !== JSON.stringify(e.input)) {
      parent[keys[keys.length - 1]] = e.input;
      replaced.push(e.path);
    }
  }
  return { input: out, replaced };
}

async function replay(svc: ServiceModel, op: string, original: Example, index: number): Promise<Result> {
  const emu = await startEmulator({ seed: 'empty' });
  const region = regionOf(original.input);
  const id = `${svc.key}:${op}#${index}`;
  const { input, replaced } = corrected(id, original.input);
  const ex = { ...original, input };
  try {
    const f = new Fixture(emu, region);
    await (SETUPS[`${svc.key}:${op}#${index}`] ?? SETUPS[`${svc.key}:${op}`])?.(f, ex.input, ex.output ?? {}, index);
    if (svc.key === 'ecs') {
      f.ecs(op, ex.input, ex.output ?? {});
    }
    const issues = [...exampleIssues(svc, svc.ops[op].i, ex.input, 'input'), ...exampleIssues(svc, svc.ops[op].o, ex.output ?? {}, 'output')].map((d) => `example: ${d}`);
    const got = await send(emu, svc, op, ex.input, region);
    let differences: string[];
    if (ex.error) {
      differences = got.error?.split(':')[0] === ex.error ? [] : [`error: ${got.error ?? 'none'} where the example has ${ex.error}`];
    } else if (got.error) {
      differences = [`error: ${got.error}`];
    } else {
      differences = compare(svc, svc.ops[op].o, ex.output ?? {}, got.reply, 'output', got.raw);
    }
    return { id, title: ex.title, differences: [...issues, ...differences], replaced };
  } finally {
    await emu.close();
  }
}

/** `service:Operation` of every SDK command the extension sends (`sdk.<service>.<Op>Command`; STS's is exported bare). */
function extensionOperations(): string[] {
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const ops = new Set<string>();
  for (const f of files(path.resolve(__dirname, '../../../../src'))) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bsdk(?:\.(\w+))?\.(\w+)Command\b/g)) {
      ops.add(`${m[1] ?? 'sts'}:${m[2]}`);
    }
  }
  return [...ops].sort();
}

describe('emulator: contract tests from the examples in AWS\'s models', function () {
  this.timeout(120_000);

  // examples.json holds the examples of every served operation (generated-model.test.ts keeps it
  // fresh), so an operation the extension calls is replayed here exactly when it is served.
  it('every operation the extension calls is served, so its documented examples are replayed', () => {
    const models = loadModel();
    const ops = extensionOperations();
    assert.ok(ops.length > 30, `found ${ops.length} operations in src/`);
    assert.deepStrictEqual(ops.filter((o) => {
      const [key, op] = o.split(':');
      return !models[key]?.ops[op];
    }), [], 'operations the extension calls that the emulator does not serve');
  });

  it('every example of every served operation: the reply has the example output\'s structure', async () => {
    const models = loadModel();
    const results: Result[] = [];
    for (const [key, ops] of Object.entries(EXAMPLES)) {
      for (const [op, examples] of Object.entries(ops)) {
        for (const [i, ex] of examples.entries()) {
          results.push(await replay(models[key], op, ex, i));
        }
      }
    }
    // Exclusions used, each with the examples it excused something in.
    const used = new Map<Exclusion, Set<string>>();
    const use = (x: Exclusion, id: string): void => {
      used.set(x, (used.get(x) ?? new Set()).add(id));
    };
    const open = results.map((r) => {
      for (const path of r.replaced) {
        const x = EXCLUSIONS.find((e) => e.id === r.id && e.path === path)!;
        use(x, r.id);
      }
      const left = r.differences.filter((d) => {
        const x = EXCLUSIONS.find((e) => covers(e, r.id, d));
        if (x) {
          use(x, r.id);
        }
        return !x;
      });
      return { ...r, left };
    });
    const matched = open.filter((r) => r.left.length === 0).length;
    console.log(`contract examples=${results.length} matched=${matched}`);
    for (const r of open.filter((x) => x.left.length)) {
      console.log(`  ${r.id} (${r.title}):\n${r.left.map((d) => `    ${d}`).join('\n')}`);
    }
    for (const [x, ids] of used) {
      console.log(`  excused ${[...ids].join(', ')} ${x.path}: ${x.reason}`);
    }
    const stale = EXCLUSIONS.filter((e) => !used.has(e)).map((e) => `${e.id} ${e.path}`);
    assert.deepStrictEqual(stale, [], 'exclusions nothing needs any more');
    assert.strictEqual(matched, results.length, 'every example matches (or its differences are excused, with the reason)');
  });
});
