/**
 * The compact AWS model the emulator runs on (generated/aws-model.json, written by
 * scripts/generate-emulator-model.ts from AWS's Smithy models): services, their protocols,
 * operations with HTTP bindings and error lists, and shapes with their constraints.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The wire protocols a service model may declare (its protocol traits, in the model's order). */
export type Protocol = 'awsJson1_0' | 'awsJson1_1' | 'awsQuery' | 'ec2Query' | 'restJson1' | 'rpcv2Cbor';

/** Where a restJson1 member travels instead of the JSON body (Smithy HTTP binding traits). */
export type HttpLocation = 'label' | 'query' | 'queryParams' | 'header' | 'prefixHeaders' | 'payload' | 'status';

export interface Member {
  /** Target shape name. */
  s: string;
  /** xmlName */
  x?: string;
  /** xmlFlattened */
  flat?: boolean;
  /** timestampFormat */
  ts?: string;
  /** jsonName */
  j?: string;
  /** ec2QueryName */
  q?: string;
  /** HTTP binding and its name (header name, query key, label name or header prefix). */
  at?: HttpLocation;
  n?: string;
}

export interface Shape {
  /** Smithy type; enums are `string` / `integer` with `e`, sets are `list`. */
  t: string;
  /** Structure / union members. */
  m?: Record<string, Member>;
  /** Required members. */
  r?: string[];
  /** Enum values. */
  e?: (string | number)[];
  /** length / range constraints: [min, max], null when unbounded. */
  len?: [number | null, number | null];
  rng?: [number | null, number | null];
  /** pattern */
  pat?: string;
  /** List member / map value. */
  v?: Member;
  /** Map key shape. */
  k?: string;
  ts?: string;
  flat?: boolean;
  /** Error shapes: `client` or `server`, the HTTP status, and the awsQuery code/status override. */
  err?: string;
  status?: number;
  qe?: [string, number];
  /** A union with `@streaming`: an event stream (application/vnd.amazon.eventstream). */
  stream?: true;
}

export interface HttpTrait {
  method: string;
  /** URI pattern with {label} / {label+} segments and an optional literal query. */
  uri: string;
  code: number;
}

export interface Operation {
  /** Input / output shape names (`smithy.api#Unit` when none). */
  i: string;
  o: string;
  /** Errors the model lists for the operation. */
  e: string[];
  page?: { in?: string; out?: string; items?: string; size?: string };
  http?: HttpTrait;
  /** The operation takes no SigV4 signature (`@auth([])`): e.g. IAM Identity Center calls. */
  unsigned?: true;
}

export interface ServiceModel {
  /** The emulator's key for the service (`ecs`, `sso-oidc`, ...). */
  key: string;
  model: string;
  /** Service shape name (X-Amz-Target prefix, rpcv2Cbor service segment) and its namespace. */
  name: string;
  ns: string;
  protocols: Protocol[];
  /** awsQueryCompatible: JSON errors also carry `x-amzn-query-error`. */
  queryCompatible?: true;
  version: string;
  xmlns?: string;
  endpointPrefix: string;
  signingName: string;
  ops: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

export const UNIT = 'smithy.api#Unit';

let loaded: Record<string, ServiceModel> | undefined;

/** The generated model; found next to the kit (source tree) or in the source tree from out/. */
export function loadModel(): Record<string, ServiceModel> {
  if (!loaded) {
    // The source tree's copy first: a build may leave a stale one in out/.
    const candidates = [
      path.resolve(__dirname, '..', '..', '..', '..', 'test', 'emulator', 'generated', 'aws-model.json'),
      path.join(__dirname, '..', 'generated', 'aws-model.json'),
    ];
    const file = candidates.find((f) => fs.existsSync(f));
    if (!file) {
      throw new Error(`aws-model.json not found (looked in ${candidates.join(', ')})`);
    }
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { services: Record<string, Omit<ServiceModel, 'key'>> };
    loaded = {};
    for (const [key, svc] of Object.entries(json.services)) {
      loaded[key] = { key, ...svc };
    }
  }
  return loaded;
}

/** The members of a structure shape (none for Unit or unknown shapes). */
export function membersOf(svc: ServiceModel, shapeName: string): [string, Member][] {
  return Object.entries(svc.shapes[shapeName]?.m ?? {});
}
