/**
 * Structural comparison of a reply with a documented example, through the model: every member the
 * example shows must be in the reply with the model's type, enum members with the example's value,
 * lists and maps the example fills non-empty (each example element against its best-matching reply
 * element: order is data). Members the reply has beyond the example pass: AWS's examples are
 * abridged (a 2016 DescribeServices example predates most of today's members).
 */
import type { ServiceModel, Shape } from '../../emulator/kit/model';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const NUMBERS = new Set(['integer', 'long', 'short', 'byte', 'float', 'double', 'bigInteger', 'bigDecimal']);

function short(v: unknown): string {
  const s = v instanceof Date ? v.toISOString() : JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? s.slice(0, 37) + '...' : s;
}

function typeOk(shape: Shape, got: unknown, raw: boolean): boolean {
  switch (shape.t) {
    case 'structure':
    case 'union':
    case 'map':
      return !!got && typeof got === 'object' && !Array.isArray(got);
    case 'list':
      return Array.isArray(got);
    case 'string':
      return typeof got === 'string';
    case 'boolean':
      return typeof got === 'boolean';
    case 'timestamp':
      return raw ? typeof got === 'number' || typeof got === 'string' : got instanceof Date;
    case 'blob':
      return raw ? typeof got === 'string' : got instanceof Uint8Array;
    case 'document':
      return true;
    default:
      return NUMBERS.has(shape.t) ? typeof got === 'number' : true;
  }
}

/** Differences of `got` from the example value `ex` of shape `shapeName`, as `path: what` lines. */
export function compare(svc: ServiceModel, shapeName: string, ex: Json, got: Json, path: string, raw = false): string[] {
  const shape = svc.shapes[shapeName];
  if (!shape || ex === null || ex === undefined) {
    return [];
  }
  if (got === undefined || got === null) {
    return [`${path}: missing (the example has ${short(ex)})`];
  }
  if (!typeOk(shape, got, raw)) {
    return [`${path}: ${short(got)} is not a ${shape.t}`];
  }
  if (shape.e && got !== ex) {
    return [`${path}: ${short(got)} where the example has ${short(ex)}`];
  }
  if (shape.t === 'structure' || shape.t === 'union') {
    return Object.entries(ex).flatMap(([k, v]) => (shape.m?.[k] ? compare(svc, shape.m[k].s, v, got[k], `${path}.${k}`, raw) : []));
  }
  if ((shape.t === 'list' || shape.t === 'map') && shape.v) {
    const exItems: Json[] = shape.t === 'list' ? ex : Object.values(ex);
    const gotItems: Json[] = shape.t === 'list' ? got : Object.values(got);
    if (exItems.length && !gotItems.length) {
      return [`${path}: empty where the example has ${exItems.length}`];
    }
    const item = shape.v.s;
    return exItems.flatMap((e, i) => {
      const tries = gotItems.map((g) => compare(svc, item, e, g, `${path}[${i}]`, raw));
      return tries.reduce((best, d) => (d.length < best.length ? d : best), tries[0] ?? []);
    });
  }
  return [];
}

/** Where an example itself departs from its model (members the model lacks, wrong types, unknown enum values). */
export function exampleIssues(svc: ServiceModel, shapeName: string, ex: Json, path: string): string[] {
  const shape = svc.shapes[shapeName];
  if (!shape || ex === null || ex === undefined) {
    return [];
  }
  const asTimestamp = shape.t === 'timestamp' && (typeof ex === 'string' || typeof ex === 'number');
  if (!asTimestamp && !typeOk(shape, ex, true) && !(shape.t === 'blob' && typeof ex === 'string')) {
    return [`${path}: the example's ${short(ex)} is not a ${shape.t}`];
  }
  if (shape.e && !shape.e.includes(ex)) {
    return [`${path}: the example's ${short(ex)} is not one of the model's values`];
  }
  if (shape.t === 'structure' || shape.t === 'union') {
    return Object.entries(ex).flatMap(([k, v]) => (shape.m?.[k] ? exampleIssues(svc, shape.m[k].s, v, `${path}.${k}`) : [`${path}.${k}: not a member in the model`]));
  }
  if ((shape.t === 'list' || shape.t === 'map') && shape.v) {
    const items: Json[] = shape.t === 'list' ? ex : Object.values(ex);
    return items.flatMap((e, i) => exampleIssues(svc, shape.v!.s, e, `${path}[${i}]`));
  }
  return [];
}

/** The example input as the SDK takes it: timestamps as Dates, blobs as bytes. */
export function toSdk(svc: ServiceModel, shapeName: string, v: Json): Json {
  const shape = svc.shapes[shapeName];
  if (!shape || v === null || v === undefined) {
    return v;
  }
  if (shape.t === 'timestamp') {
    return new Date(typeof v === 'number' ? v * 1000 : v);
  }
  if (shape.t === 'blob') {
    return typeof v === 'string' ? Buffer.from(v) : v;
  }
  if ((shape.t === 'structure' || shape.t === 'union') && shape.m) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape.m?.[k] ? toSdk(svc, shape.m[k].s, x) : x]));
  }
  if (shape.t === 'list' && shape.v) {
    return (v as Json[]).map((x) => toSdk(svc, shape.v!.s, x));
  }
  if (shape.t === 'map' && shape.v) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toSdk(svc, shape.v!.s, x)]));
  }
  return v;
}
