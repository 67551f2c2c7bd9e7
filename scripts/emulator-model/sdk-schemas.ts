/**
 * What the AWS SDK for JavaScript knows of a service that ../shared/aws-models does not yet: the
 * SDK's own schemas (dist-es/schemas/schemas_0.js, @smithy/core schema arrays), its enums
 * (dist-es/models/enums.js) and its model typings (dist-types/models/*.d.ts, for the enum a string
 * member takes). Used for ECS, whose Smithy model in ../shared predates ContinueServiceDeployment,
 * ServiceDeployment.lifecycleHookDetails, DeploymentLifecycleHook.targetType / timeoutConfiguration
 * and DeploymentLifecycleHookDetail (issue 13), and for KMS, which ../shared has no model of at all
 * (`sdkOnlyService`: the service's protocol, target and signing name from the client's runtime
 * configuration). Only what the compact model lacks is added: a member, an enum value or an
 * operation the Smithy model has is kept as the model says.
 *
 * The SDK's schemas carry no constraints and one code for every number (1): a new numeric member is
 * typed `double` (a JSON integer passes it too).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Member, Shape } from '../../test/emulator/kit/model';
import type { CompactService } from './convert';

type Schema = unknown;
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Simple schema codes of @smithy/core/schema -> compact shape name and type. */
const SIMPLE: Record<number, [string, string]> = {
  0: ['String', 'string'], 1: ['Double', 'double'], 2: ['Boolean', 'boolean'], 4: ['Timestamp', 'timestamp'],
  5: ['Timestamp', 'timestamp'], 6: ['Timestamp', 'timestamp'], 7: ['Timestamp', 'timestamp'], 15: ['Document', 'document'],
  17: ['BigInteger', 'bigInteger'], 19: ['BigDecimal', 'bigDecimal'], 21: ['Blob', 'blob'],
};
const LIST = 64;
const MAP = 128;
/** The schema kind of an error structure. */
const ERROR = -3;

export interface SdkService {
  /** Schema variables by name (`ServiceDeployment$`, `DeploymentLifecycleHookList`, `ContinueServiceDeployment$`). */
  schemas: Record<string, Schema>;
  /** Enum name -> values. */
  enums: Record<string, string[]>;
  /** Interface name -> member name -> its TypeScript type text. */
  typings: Record<string, Record<string, string>>;
  /** Operation -> the errors its command's typings say it throws. */
  errors: (op: string) => string[];
  /** Operation -> its paginator's input token, output token and page size members, when it has one. */
  paginator: (op: string) => { in: string; out: string; size?: string } | undefined;
  /** What the client's runtime configuration says of the service: protocol, target, namespace, version, signing name. */
  head: () => Omit<CompactService, 'ops' | 'shapes'>;
}

/** Protocol class of @aws-sdk/core/protocols -> protocol name. */
const PROTOCOL_CLASSES: Record<string, CompactService['protocols'][number]> = {
  AwsJson1_0Protocol: 'awsJson1_0', AwsJson1_1Protocol: 'awsJson1_1', AwsQueryProtocol: 'awsQuery', AwsEc2QueryProtocol: 'ec2Query',
  AwsRestJsonProtocol: 'restJson1', AwsSmithyRpcV2CborProtocol: 'rpcv2Cbor',
};

function loadHead(pkgDir: string): Omit<CompactService, 'ops' | 'shapes'> {
  const config = fs.readFileSync(path.join(pkgDir, 'dist-es', 'runtimeConfig.shared.js'), 'utf8');
  const auth = fs.readFileSync(path.join(pkgDir, 'dist-es', 'auth', 'httpAuthSchemeProvider.js'), 'utf8');
  const field = (name: string): string => {
    const m = new RegExp(`${name}: "([^"]+)"`).exec(config);
    if (!m) {
      throw new Error(`${pkgDir}: no ${name} in runtimeConfig.shared.js`);
    }
    return m[1];
  };
  const protocol = PROTOCOL_CLASSES[/protocol: config\?\.protocol \?\? (\w+)/.exec(config)?.[1] ?? ''];
  if (!protocol) {
    throw new Error(`${pkgDir}: a protocol the emulator does not know`);
  }
  const signingName = /signingProperties: \{\s*name: "([^"]+)"/.exec(auth)?.[1] ?? field('serviceTarget');
  const xmlns = /xmlNamespace: "([^"]+)"/.exec(config)?.[1];
  return {
    model: `${path.basename(pkgDir)} ${JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version} (schemas)`,
    name: field('serviceTarget'),
    ns: field('defaultNamespace'),
    protocols: [protocol],
    version: field('version'),
    endpointPrefix: signingName,
    signingName,
    ...(xmlns ? { xmlns } : {}),
  };
}

/** Evaluates the SDK's schema module with its imports stubbed (only the schema arrays are kept). */
function loadSchemas(file: string): Record<string, Schema> {
  const text = fs.readFileSync(file, 'utf8');
  const imported = [...text.matchAll(/^import \{([^}]*)\} from/gm)].flatMap((m) => m[1].split(',').map((s) => s.trim()).filter(Boolean));
  const names = [...text.matchAll(/^(?:export )?var ([\w$]+) =/gm)].map((m) => m[1]);
  const body = text.replace(/^import .*$/gm, '').replace(/^export (var|const) /gm, '$1 ') + `\nreturn { ${names.join(', ')} };`;
  class TypeRegistry {
    registerError(): void {}
  }
  const args = imported.filter((n) => n !== 'TypeRegistry');
  return new Function('TypeRegistry', ...args, body)(TypeRegistry, ...args.map(() => undefined));
}

function loadEnums(file: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/^export const (\w+) = \{([^}]*)\};/gm)) {
    out[m[1]] = [...m[2].matchAll(/:\s*"([^"]*)"/g)].map((v) => v[1]);
  }
  return out;
}

function loadTypings(dir: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.d.ts'))) {
    for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/^export interface (\w+) \{([\s\S]*?)^\}/gm)) {
      out[m[1]] = Object.fromEntries([...m[2].matchAll(/^ {4}(\w+)\??: (.+?)(?: \| undefined)?;$/gm)].map((x) => [x[1], x[2]]));
    }
  }
  return out;
}

export function loadSdkService(pkgDir: string): SdkService {
  return {
    schemas: loadSchemas(path.join(pkgDir, 'dist-es', 'schemas', 'schemas_0.js')),
    enums: loadEnums(path.join(pkgDir, 'dist-es', 'models', 'enums.js')),
    typings: loadTypings(path.join(pkgDir, 'dist-types', 'models')),
    errors: (op) => {
      const f = path.join(pkgDir, 'dist-types', 'commands', `${op}Command.d.ts`);
      return [...fs.readFileSync(f, 'utf8').matchAll(/@throws \{@link (\w+)\} \(/g)].map((m) => m[1]);
    },
    paginator: (op) => {
      const f = path.join(pkgDir, 'dist-es', 'pagination', `${op}Paginator.js`);
      const m = fs.existsSync(f) ? /createPaginator\(\w+, \w+, "(\w+)", "(\w+)"(?:, "(\w+)")?\)/.exec(fs.readFileSync(f, 'utf8')) : null;
      return m ? { in: m[1], out: m[2], ...(m[3] ? { size: m[3] } : {}) } : undefined;
    },
    head: () => loadHead(pkgDir),
  };
}

/** A service ../shared/aws-models has no model of, from the SDK's schemas alone (KMS). */
export function sdkOnlyService(sdk: SdkService, ops: string[]): CompactService {
  const out: CompactService = { ...sdk.head(), ops: {}, shapes: {} };
  overlaySdk(out, sdk, ops);
  return out;
}

/** Adds to `out` the operations `ops` and, in every structure it holds, the members and enum values the SDK has beyond it. */
export function overlaySdk(out: CompactService, sdk: SdkService, ops: string[]): void {
  const shapes = out.shapes as Record<string, Shape>;
  const ensure = (name: string, shape: () => Shape): string => {
    if (!(name in shapes)) {
      shapes[name] = { t: 'string' };
      shapes[name] = shape();
    }
    return name;
  };
  // XML protocols read a member's xmlName and ec2QueryName traits (`[schema, { xmlName, ec2QueryName }]`).
  const xmlProtocol = out.protocols.some((p) => p === 'awsQuery' || p === 'ec2Query');
  const member = (schema: Schema, typing: string | undefined): Member => {
    const traits = Array.isArray(schema) && schema.length === 2 && typeof schema[1] === 'object' && !Array.isArray(schema[1]) ? (schema[1] as Json) : undefined;
    const m: Member = { s: memberShape(schema, typing) };
    if (xmlProtocol && traits?.xmlName) {
      m.x = traits.xmlName;
    }
    if (xmlProtocol && traits?.ec2QueryName) {
      m.q = traits.ec2QueryName;
    }
    return m;
  };
  // A member's shape from its schema, named as the SDK names it; simple ones by the typing's enum.
  const memberShape = (schema: Schema, typing: string | undefined): string => {
    const s = typeof schema === 'function' ? (schema as () => Schema)() : schema;
    if (Array.isArray(s) && s.length === 2) {
      // A member with traits of its own: [its schema, member traits].
      return memberShape(s[0], typing);
    }
    if (typeof s === 'number') {
      if (s & LIST) {
        const item = typing?.endsWith('[]') ? typing.slice(0, -2) : undefined;
        const itemName = memberShape(s & ~LIST, item);
        return ensure(`${itemName}List`, () => ({ t: 'list', v: { s: itemName } }));
      }
      if (s & MAP) {
        const valueName = memberShape(s & ~MAP, undefined);
        return ensure(`${valueName}Map`, () => ({ t: 'map', k: 'String', v: { s: valueName } }));
      }
      if (s === 0 && typing && sdk.enums[typing]) {
        return ensure(typing, () => ({ t: 'string', e: sdk.enums[typing] }));
      }
      const [name, t] = SIMPLE[s] ?? ['String', 'string'];
      return ensure(name, () => ({ t }));
    }
    const a = s as Json[];
    const name = String(a[2]);
    if (a[0] === 0) {
      return memberShape(a[4], typing);
    }
    if (a[0] === 1) {
      const item = typing?.endsWith('[]') ? typing.slice(0, -2) : undefined;
      return ensure(name, () => ({ t: 'list', v: member(a[4], item) }));
    }
    if (a[0] === 2) {
      return ensure(name, () => ({ t: 'map', k: 'String', v: { s: memberShape(a[5], undefined) } }));
    }
    return ensure(name, () => structure(a));
  };
  const structure = (a: Json[]): Shape => {
    const name = String(a[2]);
    const names: string[] = a[4];
    const required = typeof a[6] === 'number' ? names.slice(0, a[6]) : [];
    const m: Record<string, Member> = {};
    names.forEach((n, i) => {
      m[n] = member(a[5][i], sdk.typings[name]?.[n]);
    });
    const shape: Shape = required.length ? { t: a[0] === 4 ? 'union' : 'structure', m, r: required } : { t: a[0] === 4 ? 'union' : 'structure', m };
    if (a[0] === ERROR) {
      // Error traits: { error: 'client' | 'server', httpError, awsQueryError: [code, status] }.
      const traits = (a[3] ?? {}) as Json;
      shape.err = traits.error ?? 'client';
      shape.status = traits.httpError ?? (shape.err === 'server' ? 500 : 400);
      if (traits.awsQueryError) {
        shape.qe = traits.awsQueryError;
      }
    }
    return shape;
  };
  for (const op of ops) {
    if (out.ops[op]) {
      continue;
    }
    const schema = sdk.schemas[`${op}$`] as Json[];
    // `__Unit` ("unit") stands for no input or output.
    const unitOr = (ref: Schema): string => ((typeof ref === 'function' ? (ref as () => Schema)() : ref) === 'unit' ? 'smithy.api#Unit' : memberShape(ref, undefined));
    out.ops[op] = { i: unitOr(schema[4]), o: unitOr(schema[5]), e: sdk.errors(op).filter((e) => e !== `${out.name}Exception` && sdk.schemas[`${e}$`]).map((e) => memberShape(sdk.schemas[`${e}$`], undefined)) };
    const page = sdk.paginator(op);
    if (page) {
      out.ops[op].page = page;
    }
  }
  // Members and enum values the SDK has beyond the model, in every shape the model keeps.
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, shape] of Object.entries(shapes)) {
      const schema = sdk.schemas[`${name}$`] as Json[] | undefined;
      if ((shape.t === 'structure' || shape.t === 'union') && schema && (schema[0] === 3 || schema[0] === 4)) {
        const names: string[] = schema[4];
        names.forEach((n, i) => {
          if (!shape.m![n]) {
            shape.m![n] = member(schema[5][i], sdk.typings[name]?.[n]);
            changed = true;
          }
        });
      }
      const values = shape.e && sdk.enums[name];
      if (values && values.some((v) => !shape.e!.includes(v))) {
        shape.e = [...shape.e!, ...values.filter((v) => !shape.e!.includes(v))];
        changed = true;
      }
    }
  }
  out.shapes = Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
