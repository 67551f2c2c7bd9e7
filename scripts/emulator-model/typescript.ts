/**
 * TypeScript interfaces of one service's shapes (from the compact model), so that the emulator's
 * state and handlers are typed as exactly what AWS sends and receives: structures and unions become
 * interfaces (required members are not optional), enums string-literal unions, timestamps Date.
 */
import type { Member, Shape } from '../../test/emulator/kit/model';
import type { CompactService } from './convert';

/** Names our generated code uses itself, which a shape must not shadow. */
const RESERVED = new Set(['Date', 'Record', 'Uint8Array', 'Array', 'Object', 'String', 'Number', 'Boolean', 'Error', 'Map', 'Set', 'Promise', 'Operations', 'Unit']);

const SCALARS: Record<string, string> = {
  string: 'string', boolean: 'boolean', byte: 'number', short: 'number', integer: 'number', long: 'number', float: 'number',
  double: 'number', bigInteger: 'number', bigDecimal: 'number', timestamp: 'Date', blob: 'Uint8Array | string', document: 'unknown',
};

export function typeName(shapeName: string): string {
  const bare = shapeName.replace(/^smithy\.api#/, '');
  return RESERVED.has(bare) ? `${bare}Shape` : bare;
}

function named(shape: Shape): boolean {
  return shape.t === 'structure' || shape.t === 'union' || shape.e !== undefined;
}

function expr(svc: CompactService, shapeName: string): string {
  if (shapeName === 'smithy.api#Unit') {
    return 'Unit';
  }
  const shape = svc.shapes[shapeName];
  if (named(shape)) {
    return typeName(shapeName);
  }
  if (shape.t === 'list') {
    const item = expr(svc, shape.v!.s);
    return item.includes(' ') ? `(${item})[]` : `${item}[]`;
  }
  if (shape.t === 'map') {
    return `Record<string, ${expr(svc, shape.v!.s)}>`;
  }
  const t = SCALARS[shape.t];
  if (!t) {
    throw new Error(`${svc.model}: no TypeScript type for ${shapeName} (${shape.t})`);
  }
  return t;
}

function property(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function declaration(svc: CompactService, shapeName: string, shape: Shape): string[] {
  const name = typeName(shapeName);
  if (shape.e) {
    return [`export type ${name} = ${shape.e.map((v) => JSON.stringify(v)).join(' | ')};`];
  }
  const required = new Set(shape.r ?? []);
  const members = Object.entries<Member>(shape.m ?? {});
  if (members.length === 0) {
    return [`export type ${name} = Unit;`];
  }
  return [
    `export interface ${name} {`,
    ...members.map(([m, member]) => `  ${property(m)}${required.has(m) ? '' : '?'}: ${expr(svc, member.s)};`),
    '}',
  ];
}

/** The module text of `generated/<key>.ts`. */
export function typesModule(key: string, svc: CompactService): string {
  const lines = [
    `// Types of the ${key} shapes the emulator serves, derived from ${svc.model} (Apache-2.0, see NOTICE)`,
    '// by scripts/generate-emulator-model.ts. Do not edit.',
    '',
    '/** An operation without input or output (smithy.api#Unit). */',
    'export type Unit = Record<string, never>;',
    '',
  ];
  for (const [shapeName, shape] of Object.entries(svc.shapes)) {
    if (named(shape) && !shapeName.startsWith('smithy.api#')) {
      lines.push(...declaration(svc, shapeName, shape));
    }
  }
  lines.push('', '/** Input and output of each operation the emulator serves. */', 'export interface Operations {');
  for (const [op, o] of Object.entries(svc.ops)) {
    lines.push(`  ${op}: { input: ${expr(svc, o.i)}; output: ${expr(svc, o.o)} };`);
  }
  lines.push('}', '');
  return lines.join('\n');
}
