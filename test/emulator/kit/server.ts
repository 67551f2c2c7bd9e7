/**
 * One HTTP endpoint for every emulated service. Each request is routed (router.ts), read in its
 * protocol (protocols/), then goes through the same steps whatever the service: authentication and
 * region, call counting, faults, validation against the model, access denial, the handler, and a
 * check that the handler raised only errors its operation's model lists.
 *
 * Region: a signed request acts in its SigV4 credential scope's region; an unsigned one (IAM
 * Identity Center) in the region its Host header names when that is an AWS regional hostname
 * (`portal.sso.eu-west-1.amazonaws.com`), else us-east-1.
 */
import { regionOfHost } from './arn';
import { CallLog } from './calls';
import { Control } from './control';
import { asAwsError, AwsError, emulatorBug, mayRaise } from './errors';
import { EventStreamReply, streamMember, writeEventStream } from './eventstream';
import { arnMentioning, Faults } from './faults';
import { defaultIdentity, Identity } from './identity';
import type { AnyRequest, Listener } from './listener';
import { loadModel, Protocol, ServiceModel } from './model';
import { pageBinding } from './page-tokens';
import { cborCodec } from './protocols/cbor';
import type { Call, Codec, WireReply, WireRequest } from './protocols/codec';
import { JSON_SCALARS, toDocument } from './protocols/document';
import { jsonCodec } from './protocols/json';
import { queryCodec } from './protocols/query';
import { restJsonCodec } from './protocols/rest-json';
import { isRoute, Router } from './router';
import type { Context, RegisteredService } from './service';
import { validate, violationMessage } from './validate';
import type { Core } from './world';

const CODECS: Record<Protocol, Codec> = {
  awsJson1_0: jsonCodec, awsJson1_1: jsonCodec, awsQuery: queryCodec, ec2Query: queryCodec, restJson1: restJsonCodec, rpcv2Cbor: cborCodec,
};

/** A stand-in service for errors about requests that name no known service. */
const NO_SERVICE: ServiceModel = { key: '', model: '', name: '', ns: '', protocols: [], version: '', endpointPrefix: '', signingName: '', ops: {}, shapes: {} };

/** A reply whose body is an event stream, written as the handler pushes events. */
interface StreamingReply extends WireReply {
  stream?: { shape: string; reply: EventStreamReply; initial?: Record<string, unknown> };
}

/** The writable side of an HTTP/1.1 or HTTP/2 response, as the pipeline uses it. */
interface Res {
  headersSent: boolean;
  writeHead(status: number, headers?: Record<string, string>): unknown;
  write(chunk: Buffer, cb?: () => void): unknown;
  end(chunk?: Buffer): unknown;
  flushHeaders(): void;
  on(event: 'close', fn: () => void): unknown;
  socket?: { resetAndDestroy(): void } | null;
}

interface Credential {
  accessKeyId?: string;
  region?: string;
  service?: string;
}

/** The SigV4 credential scope of a request (Authorization header or presigned query), if signed. */
function credentialOf(req: WireRequest): Credential | undefined {
  const auth = req.headers.authorization;
  const scope = auth ? /Credential=([^,\s]+)/.exec(auth)?.[1] : req.url.searchParams.get('X-Amz-Credential');
  if (!auth && !scope) {
    return undefined;
  }
  const parts = (scope ?? '').split('/');
  return { accessKeyId: parts[0] || undefined, region: parts[2] || undefined, service: parts[3] || undefined };
}

export class EmulatorServer {
  readonly calls = new CallLog();
  readonly faults: Faults;
  private readonly router: Router;
  private readonly services = new Map<string, RegisteredService>();
  private readonly control: Control;

  constructor(
    private readonly core: Core,
    services: RegisteredService[],
    models: Record<string, ServiceModel> = loadModel(),
  ) {
    this.faults = new Faults();
    for (const s of services) {
      if (!models[s.model]) {
        throw new Error(`emulator: no model for service ${s.model}`);
      }
      this.services.set(s.model, s);
    }
    this.router = new Router(services.map((s) => models[s.model]));
    this.control = new Control(core, this.faults, this.calls, Object.assign({}, ...services.map((s) => s.control)));
  }

  /** Serves HTTP/1.1 and HTTP/2 requests alike (kit/listener.ts). */
  listener(): Listener {
    return (req, anyRes) => {
      const res = anyRes as unknown as Res;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.handle(req, Buffer.concat(chunks), res).catch((e: unknown) => {
          process.stderr.write(`emulator: unhandled error: ${(e as Error).stack ?? e}\n`);
          if (!res.headersSent) {
            res.writeHead(500);
            res.end();
          }
        });
      });
    };
  }

  private async handle(req: AnyRequest, body: Buffer, res: Res): Promise<void> {
    const latency = { readAt: performance.now(), ms: 0 };
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/_emulator/')) {
      return this.control.handle(req, url, body.toString('utf8'), res);
    }
    // HTTP/2 names the host in `:authority`; the codecs and region rules read `host`.
    const host = req.headers.host ?? (req.headers[':authority'] as string | undefined);
    const wire: WireRequest = { method: req.method ?? 'GET', url, headers: { ...req.headers, host }, body };
    const credential = credentialOf(wire);
    const route = this.router.route(wire, { signingName: credential?.service, host });
    const requestId = this.core.rnd.uuid();
    let out: StreamingReply;
    let prefix: string | undefined;
    if (!isRoute(route)) {
      const svc = route.svc ?? NO_SERVICE;
      const call: Call = { svc, op: '', opModel: { i: '', o: '', e: [] }, protocol: route.protocol, requestId };
      out = CODECS[route.protocol].error(call, new AwsError('UnknownOperationException', route.message, route.svc || route.protocol !== 'restJson1' ? {} : { status: 404 }));
    } else {
      const call: Call = { ...route, opModel: route.svc.ops[route.op], requestId };
      prefix = this.services.get(call.svc.key)?.iamPrefix;
      out = await this.run(call, wire, credential, latency);
    }
    await this.faults.waitOut(latency.readAt, latency.ms);
    if (out.stream && isRoute(route)) {
      res.writeHead(out.status, out.headers);
      return writeEventStream(res, route.svc, out.stream.shape, out.stream.reply, out.stream.initial);
    }
    const payload = typeof out.body === 'string' ? Buffer.from(out.body) : out.body;
    res.writeHead(out.status, { ...out.headers, 'Content-Length': String(payload.length) });
    const reset = prefix !== undefined && isRoute(route) ? this.faults.reset(prefix, route.op, payload.length) : undefined;
    if (reset) {
      // The call has taken effect; the client loses the reply. A TCP RST (not a FIN) mid-response,
      // as a broken network path gives: Node's client reports ECONNRESET ("aborted").
      res.flushHeaders();
      res.write(payload.subarray(0, reset.bytes), () => res.socket?.resetAndDestroy());
      return;
    }
    res.end(payload);
  }

  private async run(call: Call, req: WireRequest, credential: Credential | undefined, latency: { ms: number }): Promise<StreamingReply> {
    const codec = CODECS[call.protocol];
    const service = this.services.get(call.svc.key)!;
    try {
      const output = await this.invoke(call, req, credential, service, codec, latency);
      const streamed = streamMember(output);
      return streamed ? this.streaming(call, output as Record<string, unknown>, ...streamed) : codec.write(call, output);
    } catch (e) {
      try {
        return codec.error(call, asAwsError(e));
      } catch (e2) {
        return codec.error(call, asAwsError(e2));
      }
    }
  }

  private async invoke(call: Call, req: WireRequest, credential: Credential | undefined, service: RegisteredService, codec: Codec, latency: { ms: number }): Promise<unknown> {
    if (!credential && !call.opModel.unsigned) {
      throw new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
    }
    const regionName = credential?.region ?? regionOfHost(req.headers.host) ?? 'us-east-1';
    const region = this.core.region(regionName);
    const prefix = service.iamPrefix;
    this.calls.record(`${call.svc.key}:${call.op}`, regionName);
    const issued = this.core.identities.lookup(this.core, credential?.accessKeyId);
    // Drawn first, whatever follows (the same fault sequence for the same seed); waited out before the reply.
    latency.ms = this.faults.delayMs();
    this.faults.beforeInput(prefix, call.op, call.opModel);
    if (issued?.expired && !call.opModel.unsigned) {
      throw new AwsError('ExpiredTokenException', 'The security token included in the request is expired');
    }
    const read = codec.read(call, req);
    this.check(call, service, read);
    const caller: Identity = issued?.identity ?? defaultIdentity(regionName);
    const action = `${prefix}:${call.op}`;
    const denied = this.faults.denial(prefix, call.op, read);
    if (denied) {
      const named = denied.resource && (arnMentioning(read, denied.resource) ?? service.deniedResourceArn?.(denied.resource, regionName) ?? denied.resource);
      throw new AwsError('AccessDeniedException', `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${named || '*'} because no identity-based policy allows the ${action} action`);
    }
    const handler = service.handlers[call.op];
    if (!handler) {
      throw new AwsError('UnknownOperationException', `${call.op} is not implemented by the emulator`);
    }
    const ctx: Context = { core: this.core, region, action, requestId: call.requestId, accessKeyId: credential?.accessKeyId, caller };
    const paging = pageBinding(call.svc, call.op, call.opModel, regionName, read, this.core.sched.nowMs(), service.pageTokens);
    const input = paging ? paging.unwrap(read as Record<string, unknown>) : read;
    try {
      const output = await handler(input, ctx);
      return paging ? paging.wrap(output) : output;
    } catch (e) {
      if (!(e instanceof AwsError)) {
        throw e;
      }
      const documented = service.documentedErrors[e.code];
      if (documented !== undefined) {
        throw e.extras.status === undefined ? new AwsError(e.code, e.message, { ...e.extras, status: documented }) : e;
      }
      if (!mayRaise(call.opModel, e.code, service.validationError)) {
        throw emulatorBug(`${call.svc.key} ${call.op} raised ${e.code} (${e.message}), which its model does not list for it`);
      }
      throw e;
    }
  }

  private streaming(call: Call, output: Record<string, unknown>, member: string, reply: EventStreamReply): StreamingReply {
    const rest = { ...output, [member]: undefined };
    const rpc = call.protocol !== 'restJson1';
    const initial = rpc ? (toDocument(call.svc, call.opModel.o, rest, JSON_SCALARS) as Record<string, unknown>) : undefined;
    const shape = call.svc.shapes[call.opModel.o].m![member].s;
    return { status: 200, headers: { 'x-amzn-RequestId': call.requestId, 'Content-Type': 'application/vnd.amazon.eventstream' }, body: '', stream: { shape, reply, initial } };
  }

  private check(call: Call, service: RegisteredService, input: unknown): void {
    const problems = validate(call.svc, call.opModel.i, input);
    if (problems.length === 0) {
      return;
    }
    const own = problems.map((p) => (p.pattern ? service.patternMessage?.(p) : undefined)).find((m) => m !== undefined);
    throw new AwsError(service.validationError, own ?? violationMessage(problems));
  }
}
