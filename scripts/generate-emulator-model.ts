/**
 * Derives the compact model the local AWS emulator needs (operations, input/output/error shapes,
 * constraints) from AWS's official Smithy models in ../shared/aws-models, and writes it to
 * test/emulator/generated/aws-model.json. Only the operations listed in SERVED and the shapes they
 * reach are kept; documentation is dropped.
 *
 *   npm run generate:emulator-model [-- --models DIR --out DIR]
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Member, Operation, Shape, ServiceModel } from '../test/emulator/model';

interface ServiceSpec {
  file: string;
  ops: string[];
}

/** Operations the emulator serves, per emulator service key. */
export const SERVED: Record<string, ServiceSpec> = {
  ecs: {
    file: 'ecs-2014-11-13.json',
    ops: [
      'ListClusters', 'DescribeClusters', 'CreateCluster', 'DeleteCluster', 'PutClusterCapacityProviders',
      'ListServices', 'DescribeServices', 'CreateService', 'UpdateService', 'DeleteService',
      'ListServiceDeployments', 'DescribeServiceDeployments',
      'ListTasks', 'DescribeTasks', 'RunTask', 'StartTask', 'StopTask',
      'ListTaskDefinitions', 'ListTaskDefinitionFamilies', 'DescribeTaskDefinition',
      'RegisterTaskDefinition', 'DeregisterTaskDefinition', 'DeleteTaskDefinitions',
      'ListContainerInstances', 'DescribeContainerInstances', 'UpdateContainerInstancesState',
      'DescribeCapacityProviders', 'TagResource', 'UntagResource', 'ListTagsForResource',
    ],
  },
  ecr: {
    file: 'ecr-2015-09-21.json',
    ops: [
      'CreateRepository', 'DescribeRepositories', 'DeleteRepository', 'DescribeImages', 'ListImages',
      'BatchDeleteImage', 'PutImageTagMutability', 'PutImageScanningConfiguration', 'StartImageScan',
      'DescribeImageScanFindings', 'GetAuthorizationToken', 'TagResource', 'UntagResource',
      'ListTagsForResource',
    ],
  },
  autoscaling: {
    file: 'application-auto-scaling-2016-02-06.json',
    ops: [
      'RegisterScalableTarget', 'DeregisterScalableTarget', 'DescribeScalableTargets', 'PutScalingPolicy',
      'DescribeScalingPolicies', 'DeleteScalingPolicy', 'PutScheduledAction', 'DescribeScheduledActions',
      'DeleteScheduledAction', 'DescribeScalingActivities',
    ],
  },
  logs: {
    file: 'cloudwatch-logs-2014-03-28.json',
    ops: [
      'CreateLogGroup', 'DeleteLogGroup', 'DescribeLogGroups', 'CreateLogStream', 'DeleteLogStream',
      'DescribeLogStreams', 'PutLogEvents', 'GetLogEvents', 'FilterLogEvents', 'PutRetentionPolicy',
    ],
  },
  secretsmanager: {
    file: 'secrets-manager-2017-10-17.json',
    ops: ['ListSecrets', 'DescribeSecret', 'GetSecretValue', 'CreateSecret'],
  },
  ssm: {
    file: 'ssm-2014-11-06.json',
    ops: ['GetParameter', 'GetParameters', 'GetParametersByPath', 'DescribeParameters', 'PutParameter'],
  },
  sts: { file: 'sts-2011-06-15.json', ops: ['GetCallerIdentity', 'AssumeRole', 'GetSessionToken'] },
  iam: { file: 'iam-2010-05-08.json', ops: ['ListRoles', 'GetRole'] },
  elbv2: {
    file: 'elastic-load-balancing-v2-2015-12-01.json',
    ops: ['DescribeLoadBalancers', 'DescribeTargetGroups', 'DescribeTargetHealth', 'DescribeListeners'],
  },
};

type CShape = Shape;
type CMember = Member;
type COp = Operation;
type CService = Omit<ServiceModel, 'key'>;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PRELUDE: Record<string, string> = {
  String: 'string', Boolean: 'boolean', PrimitiveBoolean: 'boolean', Integer: 'integer', PrimitiveInteger: 'integer',
  Long: 'long', PrimitiveLong: 'long', Float: 'float', Double: 'double', PrimitiveDouble: 'double',
  Timestamp: 'timestamp', Blob: 'blob', Document: 'document', Unit: 'structure', Short: 'short', Byte: 'byte',
};

const bounds = (v: Json): [number | null, number | null] => [v.min ?? null, v.max ?? null];

/** Smithy trait -> compact key, and how its value is kept. */
const MEMBER_TRAITS: [string, string, (v: Json) => unknown][] = [
  ['smithy.api#xmlName', 'x', (v) => v],
  ['smithy.api#xmlFlattened', 'flat', () => true],
  ['smithy.api#timestampFormat', 'ts', (v) => v],
];
const SHAPE_TRAITS: [string, string, (v: Json) => unknown][] = [
  ['smithy.api#length', 'len', bounds],
  ['smithy.api#range', 'rng', bounds],
  ['smithy.api#timestampFormat', 'ts', (v) => v],
  ['smithy.api#xmlFlattened', 'flat', () => true],
];

function copyTraits(traits: Json | undefined, target: object, table: [string, string, (v: Json) => unknown][]): void {
  for (const [trait, key, keep] of table) {
    if (traits?.[trait] !== undefined) {
      (target as Json)[key] = keep(traits[trait]);
    }
  }
}

function convertService(key: string, spec: ServiceSpec, modelsDir: string): CService {
  const model: Json = JSON.parse(fs.readFileSync(path.join(modelsDir, spec.file), 'utf8'));
  const shapes: Json = model.shapes;
  const serviceId = Object.keys(shapes).find((id) => shapes[id].type === 'service');
  if (!serviceId) {
    throw new Error(`${spec.file}: no service shape`);
  }
  const ns = serviceId.split('#')[0];
  const svc = shapes[serviceId];
  const traits: Json = svc.traits ?? {};
  const local = (id: string): string => {
    if (id.startsWith('smithy.api#')) {
      return id;
    }
    return id.startsWith(ns + '#') ? id.slice(ns.length + 1) : id;
  };
  const out: CService = {
    model: spec.file,
    protocol: traits['aws.protocols#awsQuery'] ? 'awsQuery' : 'awsJson1_1',
    version: svc.version,
    endpointPrefix: traits['aws.api#service']?.endpointPrefix ?? key,
    ops: {},
    shapes: {},
  };
  if (out.protocol === 'awsJson1_1') {
    out.target = serviceId.split('#')[1];
  }
  if (traits['smithy.api#xmlNamespace']) {
    out.xmlns = traits['smithy.api#xmlNamespace'].uri;
  }

  const pending: string[] = [];
  const want = (id: string): string => {
    const name = local(id);
    if (!(name in out.shapes) && !pending.includes(id)) {
      pending.push(id);
    }
    return name;
  };
  const member = (m: Json): CMember => {
    const c: CMember = { s: want(m.target) };
    copyTraits(m.traits, c, MEMBER_TRAITS);
    return c;
  };

  for (const op of spec.ops) {
    const id = `${ns}#${op}`;
    const shape = shapes[id];
    if (!shape || shape.type !== 'operation') {
      throw new Error(`${spec.file}: no operation ${op}`);
    }
    const c: COp = {
      i: shape.input ? want(shape.input.target) : 'smithy.api#Unit',
      o: shape.output ? want(shape.output.target) : 'smithy.api#Unit',
      e: (shape.errors ?? []).map((e: Json) => want(e.target)),
    };
    const page = shape.traits?.['smithy.api#paginated'];
    if (page) {
      c.page = { in: page.inputToken, out: page.outputToken, items: page.items, size: page.pageSize };
    }
    out.ops[op] = c;
  }

  while (pending.length > 0) {
    const id = pending.shift() as string;
    const name = local(id);
    if (id.startsWith('smithy.api#')) {
      out.shapes[name] = { t: PRELUDE[id.slice('smithy.api#'.length)] ?? 'string' };
      continue;
    }
    const s: Json = shapes[id];
    if (!s) {
      throw new Error(`${spec.file}: missing shape ${id}`);
    }
    const t: Json = s.traits ?? {};
    const c: CShape = { t: s.type === 'enum' ? 'string' : s.type === 'intEnum' ? 'integer' : s.type };
    out.shapes[name] = c;
    if (s.type === 'structure' || s.type === 'union') {
      c.m = {};
      const req: string[] = [];
      for (const [mn, m] of Object.entries<Json>(s.members ?? {})) {
        c.m[mn] = member(m);
        if (m.traits?.['smithy.api#required'] !== undefined) {
          req.push(mn);
        }
      }
      if (req.length) {
        c.r = req;
      }
    } else if (s.type === 'enum' || s.type === 'intEnum') {
      c.e = Object.values<Json>(s.members ?? {}).map((m) => m.traits['smithy.api#enumValue']);
    } else if (s.type === 'list' || s.type === 'set') {
      c.t = 'list';
      c.v = member(s.member);
    } else if (s.type === 'map') {
      c.k = want(s.key.target);
      c.v = member(s.value);
    }
    if (t['smithy.api#enum']) {
      c.e = t['smithy.api#enum'].map((e: Json) => e.value);
    }
    copyTraits(t, c, SHAPE_TRAITS);
    if (t['smithy.api#error']) {
      c.err = t['smithy.api#error'];
      c.status = t['smithy.api#httpError'] ?? (c.err === 'server' ? 500 : 400);
    }
    if (t['aws.protocols#awsQueryError']) {
      c.qe = [t['aws.protocols#awsQueryError'].code, t['aws.protocols#awsQueryError'].httpResponseCode];
    }
  }
  // Stable output: shapes sorted by name.
  out.shapes = Object.fromEntries(Object.entries(out.shapes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return out;
}

function oneALine(obj: Record<string, unknown>): string[] {
  return Object.entries(obj).map(([k, v], i, all) => `${JSON.stringify(k)}: ${JSON.stringify(v)}${i < all.length - 1 ? ',' : ''}`);
}

/** Builds the generated file's text from the models folder. */
export function generateEmulatorModel(modelsDir: string): string {
  const services: Record<string, CService> = {};
  for (const [key, spec] of Object.entries(SERVED)) {
    services[key] = convertService(key, spec, modelsDir);
  }
  // One service / operation / shape per line keeps the file diffable and compact.
  const lines: string[] = ['{', '"source": "Derived from AWS Smithy models (Apache-2.0, see NOTICE) by scripts/generate-emulator-model.ts. Do not edit.",', '"services": {'];
  const keys = Object.keys(services);
  keys.forEach((key, si) => {
    const { ops, shapes, ...head } = services[key];
    lines.push(`${JSON.stringify(key)}: {`);
    for (const [k, v] of Object.entries(head)) {
      lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)},`);
    }
    lines.push('"ops": {', ...oneALine(ops), '},', '"shapes": {', ...oneALine(shapes), '}', `}${si < keys.length - 1 ? ',' : ''}`);
  });
  lines.push('}', '}', '');
  return lines.join('\n');
}

export const NOTICE_TEXT = `aws-model.json is derived by scripts/generate-emulator-model.ts from the official AWS service
models (Smithy 2.0 JSON, as published in aws/api-models-aws), which are licensed under the Apache
License, Version 2.0. Only operation, shape and constraint data are kept; documentation is dropped.
Copyright Amazon.com, Inc. or its affiliates. All Rights Reserved.
`;

export function defaultModelsDir(repoRoot: string): string | undefined {
  const candidates = [path.resolve(repoRoot, '../shared/aws-models'), '/work/shared/aws-models'];
  return candidates.find((d) => fs.existsSync(path.join(d, SERVED.ecs.file)));
}

function main(argv: string[]): void {
  const repoRoot = path.resolve(__dirname, '..', '..');
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const modelsDir = arg('--models') ?? defaultModelsDir(repoRoot);
  if (!modelsDir) {
    throw new Error('AWS models not found: pass --models DIR (expected ../shared/aws-models)');
  }
  const outDir = arg('--out') ?? path.join(repoRoot, 'test', 'emulator', 'generated');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'aws-model.json'), generateEmulatorModel(modelsDir));
  fs.writeFileSync(path.join(outDir, 'NOTICE'), NOTICE_TEXT);
  process.stdout.write(`wrote ${path.join(outDir, 'aws-model.json')}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2));
}
