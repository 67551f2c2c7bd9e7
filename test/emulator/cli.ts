/**
 * npm run emulator -- [--port N] [--seed demo|scale|empty] [--registry URL --registry-user AWS
 *   --registry-password P] [--latency-ms N] [--latency-jitter-ms N] [--throttle-rate R] [--server-error-rate R]
 *   [--connection-reset-rate R] [--fault-seed N] [--time-scale N]
 * Runs the emulator in the foreground on the real clock and prints exactly one line,
 * `AWS emulator listening on http://127.0.0.1:PORT`, once it accepts requests.
 */
import { startEmulator, EmulatorOptions, SeedName } from './index';

function parse(argv: string[]): EmulatorOptions {
  const opts: EmulatorOptions = { clock: 'real' };
  const value = (i: number): string => {
    const v = argv[i + 1];
    if (v === undefined) {
      throw new Error(`${argv[i]} needs a value`);
    }
    return v;
  };
  const num = (i: number): number => {
    const n = Number(value(i));
    if (!Number.isFinite(n)) {
      throw new Error(`${argv[i]} needs a number`);
    }
    return n;
  };
  let registryUrl: string | undefined;
  let user = 'AWS';
  let password = '';
  for (let i = 0; i < argv.length; i++) {
    switch (argv[i]) {
      case '--port': opts.port = num(i++); break;
      case '--seed': {
        const seed = value(i++);
        if (!['demo', 'scale', 'empty'].includes(seed)) {
          throw new Error(`--seed must be demo, scale or empty (got ${seed})`);
        }
        opts.seed = seed as SeedName;
        break;
      }
      case '--registry': registryUrl = value(i++); break;
      case '--registry-user': user = value(i++); break;
      case '--registry-password': password = value(i++); break;
      case '--latency-ms': opts.latencyMs = num(i++); break;
      case '--throttle-rate': opts.throttleRate = num(i++); break;
      case '--latency-jitter-ms': opts.faults = { ...opts.faults, latencyJitterMs: num(i++) }; break;
      case '--server-error-rate': opts.faults = { ...opts.faults, serverErrorRate: num(i++) }; break;
      case '--connection-reset-rate': opts.faults = { ...opts.faults, connectionResetRate: num(i++) }; break;
      case '--fault-seed': opts.faults = { ...opts.faults, seed: num(i++) }; break;
      case '--time-scale': opts.timeScale = num(i++); break;
      case '--help':
      case '-h':
        process.stdout.write('usage: npm run emulator -- [--port N] [--seed demo|scale|empty] [--registry URL --registry-user AWS --registry-password P] [--latency-ms N] [--latency-jitter-ms N] [--throttle-rate R] [--server-error-rate R] [--connection-reset-rate R] [--fault-seed N] [--time-scale N]\n');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (registryUrl) {
    opts.registry = { url: registryUrl.replace(/\/+$/, ''), user, password };
  }
  return opts;
}

async function main(): Promise<void> {
  let opts: EmulatorOptions;
  try {
    opts = parse(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`emulator: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const emu = await startEmulator(opts);
  process.stdout.write(`AWS emulator listening on ${emu.url}\n`);
  const stop = (): void => {
    void emu.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`emulator: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
