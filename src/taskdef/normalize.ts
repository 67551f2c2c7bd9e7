/**
 * Canonical form for "diff with the latest ACTIVE revision": like ecspresso's diff, keys are
 * sorted, the describe wrapper and read-only fields are dropped, and so are nulls, empty values
 * and values equal to the API's defaults; task cpu/memory are written in units.
 */
import { deref, ecsFacts, type JsonSchema, schemaFor } from './schema';
import type { DocumentKind } from './types';
import { parseCpuUnits, parseMemoryMiB } from './units';

type Obj = Record<string, unknown>;

/** Defaults the API applies that the model does not state as `default`. */
const API_DEFAULTS: Record<string, Record<string, unknown>> = {
  ContainerDefinition: { essential: true },
  PortMapping: { protocol: 'tcp' },
  MountPoint: { readOnly: false },
  VolumeFrom: { readOnly: false },
};

/** Arrays whose order carries no meaning, sorted by this key. */
const SORT_BY: Record<string, string> = { environment: 'name', secrets: 'name', tags: 'key', systemControls: 'namespace', ulimits: 'name' };

export function normalizeDefinition(value: unknown, kind: DocumentKind): Obj {
  let def = isObj(value) ? { ...value } : {};
  if (kind === 'task' && isObj(def.taskDefinition)) {
    const tags = def.tags;
    def = { ...def.taskDefinition };
    if (Array.isArray(tags) && tags.length && def.tags === undefined) def.tags = tags;
  }
  if (kind === 'service' && isObj(def.service)) def = { ...def.service };
  const readOnly = new Set(kind === 'task' ? ecsFacts().taskReadOnly : ecsFacts().serviceReadOnly);
  for (const k of Object.keys(def)) if (readOnly.has(k)) delete def[k];
  if (kind === 'task') {
    const cpu = parseCpuUnits(def.cpu);
    if (cpu !== undefined) def.cpu = String(cpu);
    const mem = parseMemoryMiB(def.memory);
    if (mem !== undefined) def.memory = String(mem);
    if (def.networkMode === 'awsvpc' && Array.isArray(def.containerDefinitions)) {
      def.containerDefinitions = def.containerDefinitions.map((c) => (isObj(c) && Array.isArray(c.portMappings) ? { ...c, portMappings: c.portMappings.map(dropMatchingHostPort) } : c));
    }
  }
  const schema = schemaFor(kind);
  return (clean(def, schema, schema, '') as Obj | undefined) ?? {};
}

/** The normalized definition as stable, indented JSON text (for a diff view). */
export function normalizedText(value: unknown, kind: DocumentKind): string {
  return JSON.stringify(normalizeDefinition(value, kind), null, 2) + '\n';
}

function dropMatchingHostPort(pm: unknown): unknown {
  if (!isObj(pm) || pm.hostPort !== pm.containerPort) return pm;
  const { hostPort: _drop, ...rest } = pm;
  void _drop;
  return rest;
}

function clean(v: unknown, root: JsonSchema, schema: JsonSchema | undefined, key: string): unknown {
  if (v === null || v === undefined || v === '') return undefined;
  const s = schema ? deref(root, schema) : undefined;
  if (Array.isArray(v)) {
    let out = v.map((x) => clean(x, root, s?.items, '')).filter((x) => x !== undefined);
    const by = Object.hasOwn(SORT_BY, key) ? SORT_BY[key] : undefined;
    if (by) out = [...out].sort((a, b) => sortKey(isObj(a) ? a[by] : a).localeCompare(sortKey(isObj(b) ? b[by] : b)));
    if (key === 'requiresCompatibilities') out.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    return out.length ? out : undefined;
  }
  if (isObj(v)) {
    const defName = schema?.$ref?.replace('#/definitions/', '');
    const apiDefaults = (defName && API_DEFAULTS[defName]) || {};
    // No prototype: a key "__proto__" stays a key (an assignment would set the prototype and vanish).
    const out: Obj = Object.create(null) as Obj;
    for (const k of Object.keys(v).sort()) {
      // Own properties only: a key named "constructor" is not Object's.
      const ps = (s?.properties && Object.hasOwn(s.properties, k) ? s.properties[k] : undefined) ?? (typeof s?.additionalProperties === 'object' ? s.additionalProperties : undefined);
      const c = clean(v[k], root, ps, k);
      if (c === undefined) continue;
      const dflt = ps ? deref(root, ps).default ?? ps.default : undefined;
      if ((dflt !== undefined && c === dflt) || (Object.hasOwn(apiDefaults, k) && apiDefaults[k] === c)) continue;
      out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}

/** A value as text to sort by: objects have no prototype (no toString) here, so not String(). */
function sortKey(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
