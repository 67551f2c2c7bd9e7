/**
 * The control endpoint (`/_emulator/...`, no auth) for out-of-process tests: health, faults, the
 * manual clock, the calls received (per region), and routes services add (e.g. SSO sessions).
 */
import type { AnyRequest } from './listener';
import type { CallLog } from './calls';
import type { Faults, FaultUpdate } from './faults';
import type { ControlRoute } from './service';
import type { Core } from './world';

export class Control {
  private readonly routes: Record<string, ControlRoute>;

  constructor(private readonly core: Core, faults: Faults, calls: CallLog, extra: Record<string, ControlRoute>) {
    const sched = core.sched;
    this.routes = {
      'GET /_emulator/health': () => [200, { ok: true, now: sched.now().toISOString() }],
      'GET /_emulator/faults': () => [200, faults.config],
      'POST /_emulator/faults': (input) => [200, faults.set(input as FaultUpdate)],
      'DELETE /_emulator/faults': () => {
        faults.clear();
        return [200, faults.config];
      },
      'GET /_emulator/clock': () => [200, { mode: sched.mode, now: sched.now().toISOString(), credentialNow: new Date(sched.credentialNowMs()).toISOString(), timeScale: sched.timeScale }],
      'POST /_emulator/clock/advance': async (input) => {
        if (sched.mode !== 'manual') {
          return [409, { error: 'the emulator runs on the real clock' }];
        }
        await sched.advance(Number(input.ms ?? 0));
        return [200, { now: sched.now().toISOString() }];
      },
      'GET /_emulator/calls': (_input, _core, url) => [200, calls.toJson(url.searchParams.get('region') ?? undefined)],
      ...extra,
    };
  }

  async handle(req: AnyRequest, url: URL, body: string, res: { writeHead(status: number, headers: Record<string, string>): unknown; end(body: Buffer): unknown }): Promise<void> {
    const send = (status: number, payload: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(Buffer.from(JSON.stringify(payload)));
    };
    let input: Record<string, unknown> = {};
    try {
      input = body.trim() ? JSON.parse(body) : {};
    } catch {
      return send(400, { error: 'body is not JSON' });
    }
    const route = `${req.method} ${url.pathname}`;
    const fn = this.routes[route];
    if (!fn) {
      return send(404, { error: `no route ${route}` });
    }
    try {
      const [status, payload] = await fn(input, this.core, url);
      send(status, payload);
    } catch (e) {
      send(400, { error: (e as Error).message });
    }
  }
}
