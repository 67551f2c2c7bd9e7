/**
 * Which service, operation and protocol a request is for, from what each protocol puts on the
 * wire: `Smithy-Protocol: rpc-v2-cbor` and the `/service/S/operation/O` path (rpcv2Cbor),
 * X-Amz-Target (awsJson1_0 / awsJson1_1 by Content-Type), an `Action` parameter (awsQuery /
 * ec2Query by `Version`), else the method and path against the @http traits (restJson1).
 */
import type { Protocol, ServiceModel } from './model';
import type { WireRequest } from './protocols/codec';
import { formParams } from './protocols/query';

export interface Route {
  svc: ServiceModel;
  op: string;
  protocol: Protocol;
  labels?: Record<string, string>;
}

/** A request that names no operation we serve: the service and protocol to answer it in, if known. */
export interface NoRoute {
  svc?: ServiceModel;
  protocol: Protocol;
  message: string;
}

interface RestRoute {
  svc: ServiceModel;
  op: string;
  method: string;
  path: RegExp;
  labels: string[];
  query: [string, string | undefined][];
  score: number;
}

function compileUri(svc: ServiceModel, op: string, method: string, uri: string): RestRoute {
  const [pathPart, queryPart] = uri.split('?');
  const labels: string[] = [];
  let literals = 0;
  const source = pathPart.split('/').map((seg) => {
    const m = /^\{(\w+)(\+)?\}$/.exec(seg);
    if (!m) {
      literals += seg ? 1 : 0;
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    labels.push(m[1]);
    return m[2] ? '(.+)' : '([^/]+)';
  }).join('/');
  const query = queryPart ? [...new URLSearchParams(queryPart)].map(([k, v]): [string, string | undefined] => [k, v === '' ? undefined : v]) : [];
  return { svc, op, method, path: new RegExp(`^${source}$`), labels, query, score: literals * 10 + query.length };
}

export class Router {
  private readonly rest: RestRoute[] = [];

  constructor(private readonly services: ServiceModel[]) {
    for (const svc of services.filter((s) => s.protocols.includes('restJson1'))) {
      for (const [op, o] of Object.entries(svc.ops)) {
        if (o.http) {
          this.rest.push(compileUri(svc, op, o.http.method, o.http.uri));
        }
      }
    }
  }

  /** `hints`: the SigV4 signing name and the Host header, to tell apart services sharing a path. */
  route(req: WireRequest, hints: { signingName?: string; host?: string }): Route | NoRoute {
    if (String(req.headers['smithy-protocol'] ?? '').toLowerCase() === 'rpc-v2-cbor') {
      return this.cbor(req);
    }
    const target = req.headers['x-amz-target'];
    if (typeof target === 'string') {
      return this.json(target, String(req.headers['content-type'] ?? ''));
    }
    const params = formParams(req);
    if (params.has('Action')) {
      return this.query(params.get('Action') ?? '', params.get('Version'));
    }
    return this.restJson(req, hints);
  }

  private cbor(req: WireRequest): Route | NoRoute {
    const parts = req.url.pathname.split('/').filter(Boolean).slice(-4);
    const svc = this.services.find((s) => s.protocols.includes('rpcv2Cbor') && (parts[1] === s.name || parts[1] === `${s.ns}.${s.name}`));
    if (req.headers['x-amz-target'] || req.headers['x-amzn-target']) {
      return { svc, protocol: 'rpcv2Cbor', message: 'rpcv2Cbor requests must not carry X-Amz-Target' };
    }
    if (!svc || parts[0] !== 'service' || parts[2] !== 'operation' || !svc.ops[parts[3]]) {
      return { svc, protocol: 'rpcv2Cbor', message: `No operation at ${req.url.pathname}` };
    }
    return { svc, op: parts[3], protocol: 'rpcv2Cbor' };
  }

  private json(target: string, contentType: string): Route | NoRoute {
    const wanted: Protocol = contentType.includes('1.0') ? 'awsJson1_0' : 'awsJson1_1';
    const dot = target.lastIndexOf('.');
    const op = target.slice(dot + 1);
    const svc = this.services.find((s) => s.name === target.slice(0, dot) && (s.protocols.includes('awsJson1_0') || s.protocols.includes('awsJson1_1')));
    const protocol = svc && !svc.protocols.includes(wanted) ? (svc.protocols.find((p) => p.startsWith('awsJson')) as Protocol) : wanted;
    if (!svc || !svc.ops[op]) {
      return { svc, protocol, message: '' };
    }
    return { svc, op, protocol };
  }

  private query(action: string, version: string | undefined): Route | NoRoute {
    const candidates = this.services.filter((s) => s.protocols.includes('awsQuery') || s.protocols.includes('ec2Query'));
    const svc = candidates.find((s) => s.version === version && s.ops[action]) ?? candidates.find((s) => !version && s.ops[action]);
    if (!svc) {
      const fallback = candidates.find((s) => s.version === version) ?? candidates[0];
      return { svc: fallback, protocol: fallback?.protocols.includes('ec2Query') ? 'ec2Query' : 'awsQuery', message: `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}` };
    }
    return { svc, op: action, protocol: svc.protocols.includes('awsQuery') ? 'awsQuery' : 'ec2Query' };
  }

  private restJson(req: WireRequest, hints: { signingName?: string; host?: string }): Route | NoRoute {
    const matches: { r: RestRoute; labels: Record<string, string> }[] = [];
    for (const r of this.rest) {
      const m = r.method === req.method ? r.path.exec(req.url.pathname) : null;
      if (!m || !r.query.every(([k, v]) => req.url.searchParams.has(k) && (v === undefined || req.url.searchParams.get(k) === v))) {
        continue;
      }
      const labels: Record<string, string> = {};
      r.labels.forEach((name, i) => {
        labels[name] = decodeURIComponent(m[i + 1]);
      });
      matches.push({ r, labels });
    }
    const host = (hints.host ?? '').toLowerCase();
    const named = (s: ServiceModel): boolean => s.signingName === hints.signingName || host.startsWith(`${s.endpointPrefix}.`);
    matches.sort((a, b) => Number(named(b.r.svc)) - Number(named(a.r.svc)) || b.r.score - a.r.score);
    const best = matches[0];
    if (!best) {
      return { protocol: 'restJson1', message: 'No X-Amz-Target header, Action parameter or REST route matches the request' };
    }
    return { svc: best.r.svc, op: best.r.op, protocol: 'restJson1', labels: best.labels };
  }
}

export function isRoute(r: Route | NoRoute): r is Route {
  return 'op' in r;
}
