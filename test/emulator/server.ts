/**
 * One HTTP endpoint for every emulated service: awsJson1_1 requests are dispatched on X-Amz-Target,
 * awsQuery requests on the form's Action (and Version). Requests are checked against the model,
 * replies and errors are written as AWS writes them.
 */
import * as http from 'http';
import { AwsError, GENERIC_ERRORS } from './errors';
import { fromQuery, loadModel, normalizeInput, Operation, ServiceModel, toJson, toXml, validate, xmlEscape } from './model';
import { CALLER_ARN } from './services/ecs-state';
import { ecsHandlers } from './services/ecs';
import { ecrHandlers } from './services/ecr';
import { logsHandlers } from './services/logs';
import { scalingHandlers } from './services/autoscaling';
import { elbHandlers } from './services/elbv2';
import { iamHandlers, stsHandlers } from './services/iam';
import { secretsHandlers, ssmHandlers } from './services/secrets';
import type { Core, Handlers } from './world';
import { ACCOUNT, Input, Random } from './util';

/** Faults the emulator injects on demand. */
export interface FaultConfig {
  /** Added to every AWS call, in real milliseconds. */
  latencyMs: number;
  /** Probability (0..1) that a call fails with ThrottlingException. */
  throttleRate: number;
  /** Probability (0..1) that a call fails with a 5xx error. */
  serverErrorRate: number;
  /** Every call fails with ExpiredTokenException. */
  expiredCredentials: boolean;
  /** Calls denied with AccessDeniedException: an action (`ecs:ListServices`, `ListServices`, `ecs:*`, `*`), optionally only when the request names a resource (a cluster name or any ARN). */
  accessDenied: { action: string; resource?: string }[];
  /** When set, throttling and 5xx faults apply only to these actions (same forms as above). */
  faultActions?: string[];
}

export function defaultFaults(): FaultConfig {
  return { latencyMs: 0, throttleRate: 0, serverErrorRate: 0, expiredCredentials: false, accessDenied: [] };
}

const HANDLERS: Record<string, Handlers> = {
  ecs: ecsHandlers,
  ecr: ecrHandlers,
  logs: logsHandlers,
  autoscaling: scalingHandlers,
  sts: stsHandlers,
  iam: iamHandlers,
  elbv2: elbHandlers,
  secretsmanager: secretsHandlers,
  ssm: ssmHandlers,
};

/** IAM action prefixes of the services. */
const IAM_PREFIX: Record<string, string> = {
  ecs: 'ecs', ecr: 'ecr', logs: 'logs', autoscaling: 'application-autoscaling', sts: 'sts', iam: 'iam', elbv2: 'elasticloadbalancing',
  secretsmanager: 'secretsmanager', ssm: 'ssm',
};

/** Which error a constraint violation raises, per service (as each service reports them). */
const VALIDATION_ERROR: Record<string, string> = {
  ecs: 'InvalidParameterException', ecr: 'InvalidParameterException', logs: 'InvalidParameterException', autoscaling: 'ValidationException',
  secretsmanager: 'InvalidParameterException', ssm: 'ValidationException',
};

/** Errors of AWS's authentication layer: sent the same way by every service, whatever its model says. */
const AUTH_ERRORS = new Set(['ExpiredTokenException', 'MissingAuthenticationTokenException', 'UnrecognizedClientException']);

interface Call {
  svc: ServiceModel;
  op: string;
  opModel: Operation;
  requestId: string;
}

export class EmulatorServer {
  readonly faults: FaultConfig = defaultFaults();
  private readonly models = loadModel();
  private readonly rnd = new Random(7);
  private readonly byTarget = new Map<string, ServiceModel>();
  /** Authenticated requests received (faulted ones included), by `service:Operation`. */
  readonly calls = new Map<string, number>();

  constructor(private readonly core: Core) {
    for (const svc of Object.values(this.models)) {
      if (svc.target) {
        this.byTarget.set(svc.target, svc);
      }
    }
  }

  setFaults(f: Partial<FaultConfig>): FaultConfig {
    Object.assign(this.faults, f);
    return this.faults;
  }

  clearFaults(): void {
    Object.assign(this.faults, defaultFaults());
    delete this.faults.faultActions;
  }

  listener(): http.RequestListener {
    return (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.handle(req, Buffer.concat(chunks).toString('utf8'), res).catch((e: unknown) => {
          process.stderr.write(`emulator: unhandled error: ${(e as Error).stack ?? e}\n`);
          if (!res.headersSent) {
            res.writeHead(500).end();
          }
        });
      });
    };
  }

  private async handle(req: http.IncomingMessage, body: string, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/_emulator/')) {
      return this.control(req, url, body, res);
    }
    const target = req.headers['x-amz-target'];
    if (typeof target === 'string') {
      return this.handleJson(req, target, body, res);
    }
    const params = new URLSearchParams(url.search);
    if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(body)) {
        params.append(k, v);
      }
    }
    if (params.has('Action')) {
      return this.handleQuery(req, params, res);
    }
    this.sendJson(res, 404, { __type: 'UnknownOperationException', message: 'No X-Amz-Target header or Action parameter' });
  }

  // -------------------------------------------------------------------------------------------
  // awsJson1_1

  private async handleJson(req: http.IncomingMessage, target: string, body: string, res: http.ServerResponse): Promise<void> {
    const requestId = this.rnd.uuid();
    const dot = target.lastIndexOf('.');
    const svc = this.byTarget.get(target.slice(0, dot));
    const op = target.slice(dot + 1);
    if (!svc || !svc.ops[op]) {
      return this.jsonError(res, undefined, requestId, new AwsError('UnknownOperationException', ''));
    }
    const call: Call = { svc, op, opModel: svc.ops[op], requestId };
    try {
      let input: unknown;
      try {
        input = body.trim() === '' ? {} : JSON.parse(body);
      } catch {
        throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
      }
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
      }
      const output = await this.invoke(req, call, () => {
        this.check(call, input);
        return normalizeInput(svc, call.opModel.i, input) as Input;
      });
      const json = JSON.stringify(toJson(svc, call.opModel.o, output) ?? {});
      res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': requestId, 'Content-Length': Buffer.byteLength(json) });
      res.end(json);
    } catch (e) {
      this.jsonError(res, call, requestId, e);
    }
  }

  private check(call: Call, input: unknown): void {
    const problems = validate(call.svc, call.opModel.i, input);
    if (problems.length) {
      const code = VALIDATION_ERROR[call.svc.key] ?? 'ValidationException';
      const n = problems.length;
      throw new AwsError(code, `${n} validation error${n > 1 ? 's' : ''} detected: ${problems.join('; ')}`);
    }
  }

  private jsonError(res: http.ServerResponse, call: Call | undefined, requestId: string, e: unknown): void {
    const err = this.asAwsError(e);
    const shape = AUTH_ERRORS.has(err.code) ? undefined : call?.svc.shapes[err.code];
    const generic = GENERIC_ERRORS[err.code];
    const status = err.status ?? (shape?.err ? shape.status : generic?.status) ?? 400;
    const messageKey = Object.keys(shape?.m ?? {}).find((k) => k.toLowerCase() === 'message') ?? (generic?.jsonType ? 'Message' : 'message');
    const payload: Record<string, unknown> = { __type: shape?.err ? err.code : (generic?.jsonType ?? err.code) };
    if (err.message) {
      payload[messageKey] = err.message;
    }
    this.sendJson(res, status, payload, requestId);
  }

  private sendJson(res: http.ServerResponse, status: number, payload: unknown, requestId = this.rnd.uuid()): void {
    const json = JSON.stringify(payload);
    res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': requestId, 'Content-Length': Buffer.byteLength(json) });
    res.end(json);
  }

  // -------------------------------------------------------------------------------------------
  // awsQuery

  private async handleQuery(req: http.IncomingMessage, params: URLSearchParams, res: http.ServerResponse): Promise<void> {
    const requestId = this.rnd.uuid();
    const action = params.get('Action') ?? '';
    const version = params.get('Version');
    const querySvcs = Object.values(this.models).filter((s) => s.protocol === 'awsQuery');
    const svc = querySvcs.find((s) => s.version === version && s.ops[action]) ?? querySvcs.find((s) => !version && s.ops[action]);
    if (!svc) {
      const fallback = querySvcs.find((s) => s.version === version) ?? querySvcs[0];
      return this.xmlError(res, { svc: fallback, op: action, opModel: { i: '', o: '', e: [] }, requestId }, requestId,
        new AwsError('UnknownOperationException', `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`));
    }
    const call: Call = { svc, op: action, opModel: svc.ops[action], requestId };
    try {
      const map = new Map<string, string>();
      for (const [k, v] of params) {
        map.set(k, v);
      }
      const output = await this.invoke(req, call, () => {
        const input = fromQuery(svc, call.opModel.i, map);
        this.check(call, input);
        return input;
      });
      const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${svc.xmlns}"><${action}Result>${toXml(svc, call.opModel.o, output)}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
      res.writeHead(200, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId, 'Content-Length': Buffer.byteLength(xml) });
      res.end(xml);
    } catch (e) {
      this.xmlError(res, call, requestId, e);
    }
  }

  private xmlError(res: http.ServerResponse, call: Call, requestId: string, e: unknown): void {
    const err = this.asAwsError(e);
    const shape = AUTH_ERRORS.has(err.code) ? undefined : call.svc.shapes[err.code];
    const generic = GENERIC_ERRORS[err.code === 'ValidationException' || err.code === 'ValidationError' ? 'ValidationException' : err.code];
    const code = shape?.qe?.[0] ?? generic?.query[0] ?? err.code;
    const status = err.status ?? shape?.qe?.[1] ?? (shape?.err ? shape.status : generic?.query[1]) ?? 400;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${call.svc.xmlns}"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
    res.writeHead(status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId, 'Content-Length': Buffer.byteLength(xml) });
    res.end(xml);
  }

  // -------------------------------------------------------------------------------------------
  // Shared: auth, faults, dispatch

  private async invoke(req: http.IncomingMessage, call: Call, parse: () => Input): Promise<unknown> {
    const auth = req.headers.authorization;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const credential = auth ? /Credential=([^,\s]+)/.exec(auth)?.[1] : url.searchParams.get('X-Amz-Credential');
    if (!auth && !credential) {
      throw new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
    }
    const regionName = credential?.split('/')[2] || 'us-east-1';
    const accessKeyId = credential?.split('/')[0];
    const prefix = IAM_PREFIX[call.svc.key];
    const action = `${prefix}:${call.op}`;
    const key = `${call.svc.key}:${call.op}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    const f = this.faults;
    if (f.latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, f.latencyMs));
    }
    if (f.expiredCredentials) {
      throw new AwsError('ExpiredTokenException', 'The security token included in the request is expired');
    }
    const faultApplies = !f.faultActions || f.faultActions.some((a) => actionMatches(a, prefix, call.op));
    if (faultApplies && f.throttleRate > 0 && this.rnd.next() < f.throttleRate) {
      throw new AwsError('ThrottlingException', 'Rate exceeded');
    }
    if (faultApplies && f.serverErrorRate > 0 && this.rnd.next() < f.serverErrorRate) {
      if (call.opModel.e.includes('ServerException')) {
        throw new AwsError('ServerException', 'Service Unavailable. Please try again later.');
      }
      throw new AwsError('ServiceUnavailableException', 'Service Unavailable. Please try again later.');
    }
    const input = parse();
    const denied = f.accessDenied.find((rule) => actionMatches(rule.action, prefix, call.op) && (!rule.resource || mentions(input, rule.resource)));
    if (denied) {
      const resource = denied.resource ? resourceArnFor(input, denied.resource, prefix === 'ecs' ? `arn:aws:ecs:${regionName}:${ACCOUNT}:cluster/${denied.resource}` : denied.resource) : '*';
      throw new AwsError('AccessDeniedException', `User: ${CALLER_ARN} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`);
    }
    const handler = HANDLERS[call.svc.key]?.[call.op];
    if (!handler) {
      throw new AwsError('UnknownOperationException', `${call.op} is not implemented by the emulator`);
    }
    return handler(input, { core: this.core, region: this.core.region(regionName), action, accessKeyId });
  }

  private asAwsError(e: unknown): AwsError {
    if (e instanceof AwsError) {
      return e;
    }
    process.stderr.write(`emulator: internal error: ${(e as Error)?.stack ?? e}\n`);
    return new AwsError('InternalFailure', 'An internal error occurred in the emulator.');
  }

  // -------------------------------------------------------------------------------------------
  // Control endpoint: /_emulator/...

  private async control(req: http.IncomingMessage, url: URL, body: string, res: http.ServerResponse): Promise<void> {
    const send = (status: number, payload: unknown): void => {
      const json = JSON.stringify(payload);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(json);
    };
    let input: Record<string, unknown> = {};
    try {
      input = body.trim() ? JSON.parse(body) : {};
    } catch {
      return send(400, { error: 'body is not JSON' });
    }
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /_emulator/health':
        return send(200, { ok: true, now: this.core.sched.now().toISOString() });
      case 'GET /_emulator/faults':
        return send(200, this.faults);
      case 'POST /_emulator/faults':
        return send(200, this.setFaults(input as Partial<FaultConfig>));
      case 'DELETE /_emulator/faults':
        this.clearFaults();
        return send(200, this.faults);
      case 'GET /_emulator/clock':
        return send(200, { mode: this.core.sched.mode, now: this.core.sched.now().toISOString(), timeScale: this.core.sched.timeScale });
      case 'POST /_emulator/clock/advance':
        if (this.core.sched.mode !== 'manual') {
          return send(409, { error: 'the emulator runs on the real clock' });
        }
        await this.core.sched.advance(Number(input.ms ?? 0));
        return send(200, { now: this.core.sched.now().toISOString() });
      default:
        return send(404, { error: `no route ${route}` });
    }
  }
}

function actionMatches(rule: string, prefix: string, op: string): boolean {
  return rule === '*' || rule === op || rule === `${prefix}:${op}` || rule === `${prefix}:*`;
}

/** Whether a request names `resource` (by name, or as the last part or a part of an ARN). */
function mentions(value: unknown, resource: string): boolean {
  if (typeof value === 'string') {
    return value === resource || value.endsWith('/' + resource) || value.includes('/' + resource + '/');
  }
  if (Array.isArray(value)) {
    return value.some((v) => mentions(v, resource));
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.values(value).some((v) => mentions(v, resource));
  }
  return false;
}

function resourceArnFor(value: unknown, resource: string, fallback: string): string {
  let found: string | undefined;
  const walk = (v: unknown): void => {
    if (found) {
      return;
    }
    if (typeof v === 'string' && v.startsWith('arn:') && mentions(v, resource)) {
      found = v;
    } else if (Array.isArray(v)) {
      v.forEach(walk);
    } else if (v && typeof v === 'object' && !(v instanceof Date)) {
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  return found ?? fallback;
}
