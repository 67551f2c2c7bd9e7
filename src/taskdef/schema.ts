/**
 * Access to the generated schemas and facts. They are parsed on first use, not at module load:
 * the editor imports this library lazily and the CLI may lint a single file.
 */
import type { DocumentKind } from './types';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: string[];
  markdownEnumDescriptions?: string[];
  markdownDescription?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  doNotSuggest?: boolean;
  deprecationMessage?: string;
  defaultSnippets?: unknown[];
  definitions?: Record<string, JsonSchema>;
  $ref?: string;
  'x-ecs-readOnly'?: boolean;
  'x-ecs-updateOnly'?: boolean;
  'x-ecs-requiredForCreate'?: string[];
}

export interface EcsFacts {
  fargateCpuMemory: Record<string, number[]>;
  taskReadOnly: string[];
  serviceReadOnly: string[];
}

let taskSchema: JsonSchema | undefined;
let serviceSchema: JsonSchema | undefined;
let facts: EcsFacts | undefined;

// `require` on purpose: the JSON is parsed on first use, not when this module loads, and esbuild
// still bundles it.
/* eslint-disable @typescript-eslint/no-require-imports */
export function schemaFor(kind: DocumentKind): JsonSchema {
  if (kind === 'task') return (taskSchema ??= require('./generated/task-definition.schema.json') as JsonSchema);
  return (serviceSchema ??= require('./generated/service-definition.schema.json') as JsonSchema);
}

export function ecsFacts(): EcsFacts {
  return (facts ??= require('./generated/ecs-facts.json') as EcsFacts);
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** Follows a `#/definitions/X` reference within `root`. */
export function deref(root: JsonSchema, s: JsonSchema): JsonSchema {
  let cur = s;
  for (let i = 0; cur.$ref && i < 10; i++) {
    if (cur.$ref === '#') cur = root;
    else cur = root.definitions?.[cur.$ref.replace('#/definitions/', '')] ?? {};
  }
  return cur;
}
