/**
 * Derives the task-definition and service-definition JSON schemas (and a few facts the rules need)
 * from the official ECS Smithy model. Nothing in src/taskdef/generated/ is written by hand.
 *
 *   npm run generate:taskdef-schema                 (reads ../shared/aws-models/ecs-2014-11-13.json)
 *   node out/scripts/generate-taskdef-schema.js --model PATH [--check]
 *
 * `--check` writes nothing and exits 1 when the committed files differ from what the model gives.
 */
import * as fs from 'fs';
import * as path from 'path';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

interface SmithyMember {
  target: string;
  traits?: Record<string, Json>;
}
interface SmithyShape {
  type: string;
  members?: Record<string, SmithyMember>;
  member?: SmithyMember;
  key?: SmithyMember;
  value?: SmithyMember;
  traits?: Record<string, Json>;
}
export interface SmithyModel {
  shapes: Record<string, SmithyShape>;
}

const NS = 'com.amazonaws.ecs#';
const DOC = 'smithy.api#documentation';

// ---------------------------------------------------------------------------------------------
// HTML (the model's documentation) -> Markdown

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x?[0-9a-fA-F]+|\w+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

/**
 * The Fargate task sizes (the `memory` documentation's list of `MEMORY - Available cpu values: CPU`
 * items) as a Markdown pipe table, one row per `cpu` value; undefined for any other list. AWS's
 * guide shows them as a table, and a hover reads them better as one than as run-on list items.
 */
export function fargateSizeTable(listHtml: string): string | undefined {
  const items = listHtml.match(/<li>.*?<\/li>/g) ?? [];
  if (items.length < 3) return undefined;
  const rows: string[][] = [];
  for (const item of items) {
    const paragraphs = (item.match(/<p>.*?<\/p>/g) ?? [item]).map((p) => htmlToMarkdown(p).replace(/\|/g, '\\|'));
    const m = /^(.*?) - Available `cpu` values: (.*)$/.exec(paragraphs[0]);
    if (!m) return undefined;
    rows.push([m[2], m[1], paragraphs.slice(1).join(' ')]);
  }
  const withNotes = rows.some((r) => r[2]);
  const line = (cells: string[]) => `| ${(withNotes ? cells : cells.slice(0, 2)).join(' | ')} |`;
  return [line(['`cpu`', '`memory`', 'Note']), line(['---', '---', '---']), ...rows.map(line)].join('\n');
}

/** Converts the small HTML subset of AWS API documentation to Markdown. */
export function htmlToMarkdown(html: string): string {
  let s = html.replace(/\s+/g, ' ');
  // Tables first: their cells are converted on their own, and nothing after may join their lines.
  const tables: string[] = [];
  s = s.replace(/<ul>(.*?)<\/ul>/g, (list: string, inner: string) => {
    const table = fargateSizeTable(inner);
    if (!table) return list;
    tables.push(table);
    return `<p>\u0000${tables.length - 1}\u0000</p>`;
  });
  // A definition list's terms stand out from their descriptions.
  s = s.replace(/<dt>\s*(.*?)\s*<\/dt>/g, '<p><b>$1</b></p>');
  s = s.replace(/<code>\s*(.*?)\s*<\/code>/g, (_m, inner: string) => {
    const text = inner.replace(/<[^>]+>/g, '').trim();
    return text ? '`' + text.replace(/`/g, "'") + '`' : '';
  });
  s = s.replace(/<a [^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/g, (_m, href: string, text: string) => `[${text.trim()}](${href})`);
  s = s.replace(/<(i|em)>(.*?)<\/\1>/g, (_m, _t, t: string) => (t.trim() ? `*${t.trim()}*` : ''));
  s = s.replace(/<(b|strong)>(.*?)<\/\1>/g, (_m, _t, t: string) => (t.trim() ? `**${t.trim()}**` : ''));
  s = s.replace(/<note>/g, '\n\n> **Note:** ').replace(/<\/note>/g, '\n\n');
  s = s.replace(/<important>/g, '\n\n> **Important:** ').replace(/<\/important>/g, '\n\n');
  s = s.replace(/<li>\s*/g, '\n- ').replace(/<\/li>/g, '');
  s = s.replace(/<\/?(ul|ol)>/g, '\n');
  s = s.replace(/<p>\s*/g, '\n\n').replace(/<\/p>/g, '\n\n');
  s = s.replace(/<br\s*\/?>/g, '\n');
  s = s.replace(/<[^>]+>/g, '');
  s = decodeEntities(s);
  // Paragraphs directly inside list items or notes must not break them apart.
  s = s.replace(/\n- \s+/g, '\n- ').replace(/> \*\*(Note|Important):\*\*\s+/g, '> **$1:** ');
  s = s
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/g, '').replace(/^ +(?=\S)/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // Items of one list stay together.
  while (/(^|\n)(- [^\n]*)\n\n(?=- )/.test(s)) s = s.replace(/(^|\n)(- [^\n]*)\n\n(?=- )/g, '$1$2\n');
  return s.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => tables[Number(i)]);
}

// ---------------------------------------------------------------------------------------------
// Smithy -> JSON schema

/** Common objects get snippets the editor offers when completing their value. */
const DEFAULT_SNIPPETS: Record<string, Json[]> = {
  PortMapping: [
    { label: 'TCP port', body: { containerPort: '^${1:80}', protocol: 'tcp' } },
    { label: 'named port (Service Connect)', body: { name: '${1:web}', containerPort: '^${2:80}', protocol: 'tcp', appProtocol: '${3|http,http2,grpc|}' } },
  ],
  KeyValuePair: [{ label: 'variable', body: { name: '${1:NAME}', value: '${2:value}' } }],
  Secret: [
    { label: 'Secrets Manager secret', body: { name: '${1:NAME}', valueFrom: 'arn:aws:secretsmanager:${2:region}:${3:account}:secret:${4:name}' } },
    { label: 'SSM parameter', body: { name: '${1:NAME}', valueFrom: 'arn:aws:ssm:${2:region}:${3:account}:parameter/${4:name}' } },
  ],
  LogConfiguration: [
    {
      label: 'awslogs',
      body: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/${1:family}', 'awslogs-region': '${2:us-east-1}', 'awslogs-stream-prefix': '${3:ecs}', 'awslogs-create-group': 'true' },
      },
    },
    { label: 'FireLens', body: { logDriver: 'awsfirelens', options: { Name: '${1:cloudwatch_logs}', region: '${2:us-east-1}', log_group_name: '${3:/ecs/app}', log_stream_prefix: '${4:app-}', auto_create_group: 'true' } } },
  ],
  HealthCheck: [
    { label: 'HTTP health check', body: { command: ['CMD-SHELL', '${1:curl -f http://localhost:${2:80}/ || exit 1}'], interval: '^${3:30}', timeout: '^${4:5}', retries: '^${5:3}', startPeriod: '^${6:10}' } },
  ],
  MountPoint: [{ label: 'mount point', body: { sourceVolume: '${1:data}', containerPath: '${2:/data}', readOnly: '^${3|false,true|}' } }],
  VolumeFrom: [{ label: 'volumes from', body: { sourceContainer: '${1:container}', readOnly: '^${2|false,true|}' } }],
  ContainerDependency: [{ label: 'depends on', body: { containerName: '${1:container}', condition: '${2|START,COMPLETE,SUCCESS,HEALTHY|}' } }],
  Ulimit: [{ label: 'nofile', body: { name: '${1:nofile}', softLimit: '^${2:65536}', hardLimit: '^${3:65536}' } }],
  Volume: [
    {
      label: 'EFS volume with access point and IAM',
      body: {
        name: '${1:efs}',
        efsVolumeConfiguration: { fileSystemId: '${2:fs-12345678}', transitEncryption: 'ENABLED', authorizationConfig: { accessPointId: '${3:fsap-12345678}', iam: 'ENABLED' } },
      },
    },
    { label: 'bind mount (task storage)', body: { name: '${1:shared}' } },
    { label: 'host volume (EC2)', body: { name: '${1:data}', host: { sourcePath: '${2:/ecs/data}' } } },
  ],
  ContainerDefinition: [
    {
      label: 'container',
      body: {
        name: '${1:app}',
        image: '${2:public.ecr.aws/nginx/nginx:latest}',
        essential: true,
        portMappings: [{ containerPort: '^${3:80}', protocol: 'tcp' }],
      },
    },
  ],
  PlacementStrategy: [
    { label: 'spread across AZs', body: { type: 'spread', field: 'attribute:ecs.availability-zone' } },
    { label: 'binpack on memory', body: { type: 'binpack', field: '${1|memory,cpu|}' } },
    { label: 'random', body: { type: 'random' } },
  ],
  PlacementConstraint: [
    { label: 'distinct instance', body: { type: 'distinctInstance' } },
    { label: 'member of', body: { type: 'memberOf', expression: '${1:attribute:ecs.instance-type =~ t3.*}' } },
  ],
  TaskDefinitionPlacementConstraint: [{ label: 'member of', body: { type: 'memberOf', expression: '${1:attribute:ecs.instance-type =~ t3.*}' } }],
  DeploymentConfiguration: [
    {
      label: 'rolling update with circuit breaker',
      body: { minimumHealthyPercent: '^${1:100}', maximumPercent: '^${2:200}', deploymentCircuitBreaker: { enable: true, rollback: true } },
    },
    // Blue/green, linear and canary also need advancedConfiguration on each load balancer (or Service Connect).
    { label: 'blue/green with bake time', body: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: '^${1:5}' } },
    { label: 'linear traffic shift', body: { strategy: 'LINEAR', bakeTimeInMinutes: '^${1:5}', linearConfiguration: { stepPercent: '^${2:10.0}', stepBakeTimeInMinutes: '^${3:6}' } } },
    { label: 'canary traffic shift', body: { strategy: 'CANARY', bakeTimeInMinutes: '^${1:5}', canaryConfiguration: { canaryPercent: '^${2:5.0}', canaryBakeTimeInMinutes: '^${3:10}' } } },
  ],
  DeploymentLifecycleHook: [
    {
      label: 'Lambda hook',
      body: { hookTargetArn: 'arn:aws:lambda:${1:region}:${2:account}:function:${3:name}', roleArn: 'arn:aws:iam::${2:account}:role/${4:ecsLambdaInvokeRole}', lifecycleStages: ['${5|POST_TEST_TRAFFIC_SHIFT,PRE_SCALE_UP,POST_SCALE_UP,TEST_TRAFFIC_SHIFT,PRE_PRODUCTION_TRAFFIC_SHIFT,PRODUCTION_TRAFFIC_SHIFT,POST_PRODUCTION_TRAFFIC_SHIFT,RECONCILE_SERVICE|}'] },
    },
    {
      label: 'pause for approval (ContinueServiceDeployment)',
      body: { targetType: 'PAUSE', lifecycleStages: ['${1|POST_TEST_TRAFFIC_SHIFT,PRE_SCALE_UP,POST_SCALE_UP,PRE_PRODUCTION_TRAFFIC_SHIFT,POST_PRODUCTION_TRAFFIC_SHIFT,RECONCILE_SERVICE|}'], timeoutConfiguration: { timeoutInMinutes: '^${2:60}', action: '${3|ROLLBACK,CONTINUE|}' } },
    },
  ],
  AdvancedConfiguration: [
    {
      label: 'blue/green listener rules',
      body: {
        alternateTargetGroupArn: '${1:arn:aws:elasticloadbalancing:region:account:targetgroup/green/id}',
        productionListenerRule: '${2:arn:aws:elasticloadbalancing:region:account:listener-rule/app/name/id/id/id}',
        testListenerRule: '${3:arn:aws:elasticloadbalancing:region:account:listener-rule/app/name/id/id/id}',
        roleArn: '${4:arn:aws:iam::account:role/ecsInfrastructureRoleForLoadBalancers}',
      },
    },
  ],
  LoadBalancer: [{ label: 'ALB target group', body: { targetGroupArn: '${1:arn:aws:elasticloadbalancing:region:account:targetgroup/name/id}', containerName: '${2:app}', containerPort: '^${3:80}' } }],
  NetworkConfiguration: [
    { label: 'awsvpc', body: { awsvpcConfiguration: { subnets: ['${1:subnet-id}'], securityGroups: ['${2:sg-id}'], assignPublicIp: '${3|DISABLED,ENABLED|}' } } },
  ],
  CapacityProviderStrategyItem: [{ label: 'Fargate Spot', body: { capacityProvider: '${1|FARGATE_SPOT,FARGATE|}', weight: '^${2:1}', base: '^${3:0}' } }],
  RuntimePlatform: [{ label: 'Linux ARM64', body: { operatingSystemFamily: 'LINUX', cpuArchitecture: '${1|ARM64,X86_64|}' } }],
  FirelensConfiguration: [{ label: 'fluent-bit', body: { type: '${1|fluentbit,fluentd|}', options: { 'enable-ecs-log-metadata': 'true' } } }],
};

/**
 * Members and shapes @aws-sdk/client-ecs has (its models_0.d.ts, the documentation copied from there)
 * that the ECS model in ../shared does not have yet: PAUSE lifecycle hooks with their timeout, and the
 * PRE_PRODUCTION_TRAFFIC_SHIFT stage of linear and canary deployments. Applied only where the model
 * lacks them, so a newer model wins.
 */
const SDK_ADDITIONS: { shapes: Record<string, SmithyShape>; members: Record<string, Record<string, SmithyMember>>; enumValues: Record<string, [value: string, before: string][]>; memberDocs: Record<string, Record<string, string>> } = {
  shapes: {
    DeploymentLifecycleHookTargetType: { type: 'enum', members: { AWS_LAMBDA: enumMember('AWS_LAMBDA'), PAUSE: enumMember('PAUSE') } },
    DeploymentLifecycleHookAction: { type: 'enum', members: { CONTINUE: enumMember('CONTINUE'), ROLLBACK: enumMember('ROLLBACK') } },
    DeploymentLifecycleHookTimeoutConfiguration: {
      type: 'structure',
      traits: { [DOC]: '<p>The timeout configuration for the lifecycle hook. This specifies how long Amazon ECS waits before taking the timeout action if the hook is not resolved.</p>' },
      members: {
        timeoutInMinutes: { target: 'com.amazonaws.ecs#BoxedInteger', traits: { [DOC]: '<p>The number of minutes Amazon ECS waits for the lifecycle hook to complete before taking the timeout action.</p> <p>Default: 1440 (24 hours)</p>' } },
        action: {
          target: NS + 'DeploymentLifecycleHookAction',
          traits: { [DOC]: '<p>The action Amazon ECS takes when the lifecycle hook times out. Valid values are:</p> <ul> <li> <p> <code>CONTINUE</code> - Proceeds the deployment to the next lifecycle stage.</p> </li> <li> <p> <code>ROLLBACK</code> - Rolls back the deployment to the previous service revision.</p> </li> </ul> <p>Default: <code>ROLLBACK</code> </p>' },
        },
      },
    },
  },
  members: {
    DeploymentLifecycleHook: {
      targetType: {
        target: NS + 'DeploymentLifecycleHookTargetType',
        traits: { [DOC]: '<p>The type of action the lifecycle hook performs. Valid values are:</p> <ul> <li> <p> <code>AWS_LAMBDA</code> - Invokes a Lambda function at the specified lifecycle stage. This is the default value.</p> </li> <li> <p> <code>PAUSE</code> - Pauses the deployment at the specified lifecycle stage until you call <code>ContinueServiceDeployment</code> to continue or roll back.</p> </li> </ul> <p>This field is optional. If not specified, the default value is <code>AWS_LAMBDA</code>.</p>' },
      },
      timeoutConfiguration: { target: NS + 'DeploymentLifecycleHookTimeoutConfiguration', traits: { [DOC]: '<p>The timeout configuration for the lifecycle hook. This specifies how long Amazon ECS waits before taking the timeout action if the hook is not resolved.</p>' } },
    },
  },
  enumValues: { DeploymentLifecycleHookStage: [['PRE_PRODUCTION_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT']] },
  // Replaced only while the model's text does not know PAUSE hooks.
  memberDocs: {
    DeploymentLifecycleHook: {
      hookTargetArn: '<p>The Amazon Resource Name (ARN) of the hook target. For <code>AWS_LAMBDA</code> hooks, this is the Lambda function ARN. This field is not applicable for <code>PAUSE</code> hooks.</p> <p>You must provide this parameter when configuring an <code>AWS_LAMBDA</code> lifecycle hook.</p>',
      lifecycleStages:
        '<p>The lifecycle stages at which to run the hook. Choose from these valid values:</p> <ul> <li> <p>RECONCILE_SERVICE</p> <p>The reconciliation stage that only happens when you start a new service deployment with more than 1 service revision in an ACTIVE state.</p> </li> <li> <p>PRE_SCALE_UP</p> <p>The green service revision has not started. The blue service revision is handling 100% of the production traffic. There is no test traffic.</p> </li> <li> <p>POST_SCALE_UP</p> <p>The green service revision has started. The blue service revision is handling 100% of the production traffic. There is no test traffic.</p> </li> <li> <p>TEST_TRAFFIC_SHIFT</p> <p>The blue and green service revisions are running. The blue service revision handles 100% of the production traffic. The green service revision is migrating from 0% to 100% of test traffic.</p> </li> <li> <p>POST_TEST_TRAFFIC_SHIFT</p> <p>The test traffic shift is complete. The green service revision handles 100% of the test traffic.</p> </li> <li> <p>PRE_PRODUCTION_TRAFFIC_SHIFT</p> <p>Occurs before production traffic shift. For linear and canary deployments, this stage is invoked before every traffic shift step.</p> </li> <li> <p>PRODUCTION_TRAFFIC_SHIFT</p> <p>Production traffic is shifting to the green service revision. The green service revision is migrating from 0% to 100% of production traffic. For linear and canary deployments, this stage is invoked at every traffic shift step.</p> </li> <li> <p>POST_PRODUCTION_TRAFFIC_SHIFT</p> <p>The production traffic shift is complete.</p> </li> </ul> <note> <p> <code>PAUSE</code> hooks cannot be configured at <code>TEST_TRAFFIC_SHIFT</code> or <code>PRODUCTION_TRAFFIC_SHIFT</code> stages. These stages are only valid for <code>AWS_LAMBDA</code> hooks.</p> </note> <p>You must provide this parameter when configuring a deployment lifecycle hook.</p>',
    },
  },
};

function enumMember(value: string): SmithyMember {
  return { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': value } };
}

/** The model with SDK_ADDITIONS where it lacks them (a copy: the caller's model is not changed). */
export function withSdkAdditions(model: SmithyModel): SmithyModel {
  const shapes: Record<string, SmithyShape> = { ...model.shapes };
  for (const [name, shape] of Object.entries(SDK_ADDITIONS.shapes)) shapes[NS + name] ??= shape;
  for (const [name, members] of Object.entries(SDK_ADDITIONS.members)) {
    const shape = shapes[NS + name];
    if (shape) shapes[NS + name] = { ...shape, members: { ...members, ...shape.members } };
  }
  for (const [name, values] of Object.entries(SDK_ADDITIONS.enumValues)) {
    const shape = shapes[NS + name];
    if (!shape) continue;
    let entries = Object.entries(shape.members ?? {});
    for (const [value, before] of values) {
      if (entries.some(([k]) => k === value)) continue;
      const at = entries.findIndex(([k]) => k === before);
      entries = [...entries.slice(0, at < 0 ? entries.length : at), [value, enumMember(value)], ...entries.slice(at < 0 ? entries.length : at)];
    }
    shapes[NS + name] = { ...shape, members: Object.fromEntries(entries) };
  }
  for (const [name, docs] of Object.entries(SDK_ADDITIONS.memberDocs)) {
    const shape = shapes[NS + name];
    if (!shape?.members) continue;
    const members = { ...shape.members };
    for (const [member, html] of Object.entries(docs))
      if (members[member] && !String(members[member].traits?.[DOC] ?? '').includes('PAUSE')) members[member] = { ...members[member], traits: { ...members[member].traits, [DOC]: html } };
    shapes[NS + name] = { ...shape, members };
  }
  return { ...model, shapes };
}

interface ShapeRef {
  name: string;
  shape: SmithyShape;
}

class SchemaBuilder {
  readonly definitions: Record<string, JsonObject> = {};
  constructor(private readonly model: SmithyModel) {}

  shape(id: string): ShapeRef {
    const shape = this.model.shapes[id];
    if (!shape) throw new Error(`shape ${id} is not in the model`);
    return { name: id.replace(/^.*#/, ''), shape };
  }

  /** The schema of a member's value: primitives inline, structures by reference. */
  typeSchema(id: string): JsonObject {
    if (id.startsWith('smithy.api#')) return this.preludeSchema(id.slice('smithy.api#'.length));
    const { name, shape } = this.shape(id);
    const t = shape.traits ?? {};
    switch (shape.type) {
      case 'string': {
        const s: JsonObject = { type: 'string' };
        addLength(s, t, 'minLength', 'maxLength');
        return s;
      }
      case 'integer':
      case 'long':
      case 'short':
      case 'byte': {
        const s: JsonObject = { type: 'integer' };
        addRange(s, t);
        return s;
      }
      case 'double':
      case 'float': {
        const s: JsonObject = { type: 'number' };
        addRange(s, t);
        return s;
      }
      case 'boolean':
        return { type: 'boolean' };
      case 'timestamp':
        return { type: ['string', 'number'] };
      case 'document':
        return {};
      case 'enum': {
        const members = Object.values(shape.members ?? {});
        const values = members.map((m) => String(m.traits?.['smithy.api#enumValue']));
        const s: JsonObject = { type: 'string', enum: values };
        const docs = members.map((m) => (m.traits?.[DOC] ? htmlToMarkdown(String(m.traits[DOC])) : ''));
        if (docs.some((d) => d)) s.markdownEnumDescriptions = docs;
        return s;
      }
      case 'list':
      case 'set': {
        const s: JsonObject = { type: 'array', items: this.typeSchema(shape.member!.target) };
        addLength(s, t, 'minItems', 'maxItems');
        return s;
      }
      case 'map':
        return { type: 'object', additionalProperties: this.typeSchema(shape.value!.target) };
      case 'structure':
        this.define(id);
        return { $ref: `#/definitions/${name}` };
      default:
        throw new Error(`unsupported shape type ${shape.type} (${id})`);
    }
  }

  preludeSchema(name: string): JsonObject {
    switch (name) {
      case 'String':
        return { type: 'string' };
      case 'Integer':
      case 'PrimitiveInteger':
      case 'Long':
        return { type: 'integer' };
      case 'Boolean':
      case 'PrimitiveBoolean':
        return { type: 'boolean' };
      case 'Double':
        return { type: 'number' };
      default:
        return {};
    }
  }

  define(id: string): void {
    const { name, shape } = this.shape(id);
    if (this.definitions[name]) return;
    const def: JsonObject = { type: 'object' };
    this.definitions[name] = def; // placed before recursing: shapes can refer to themselves
    Object.assign(def, this.structureBody(shape, name));
  }

  structureBody(shape: SmithyShape, name: string): JsonObject {
    const properties: JsonObject = {};
    const required: string[] = [];
    for (const [member, m] of Object.entries(shape.members ?? {})) {
      properties[member] = this.memberSchema(m);
      if (m.traits && 'smithy.api#required' in m.traits) required.push(member);
    }
    const body: JsonObject = { type: 'object' };
    if (shape.traits?.[DOC]) body.markdownDescription = htmlToMarkdown(String(shape.traits[DOC]));
    body.properties = properties;
    if (required.length) body.required = required;
    body.additionalProperties = false;
    if (DEFAULT_SNIPPETS[name]) body.defaultSnippets = DEFAULT_SNIPPETS[name];
    return body;
  }

  memberSchema(m: SmithyMember): JsonObject {
    const s: JsonObject = { ...this.typeSchema(m.target) };
    const doc = m.traits?.[DOC] ?? (m.target.startsWith(NS) ? this.model.shapes[m.target].traits?.[DOC] : undefined);
    if (doc) s.markdownDescription = htmlToMarkdown(String(doc));
    const dflt = m.traits?.['smithy.api#default'];
    if (dflt !== undefined && dflt !== null) s.default = dflt;
    if (m.traits && 'smithy.api#deprecated' in m.traits) s.deprecationMessage = 'Deprecated in the ECS API.';
    return s;
  }
}

function addLength(s: JsonObject, t: Record<string, Json>, min: string, max: string): void {
  const l = t['smithy.api#length'] as { min?: number; max?: number } | undefined;
  if (l?.min !== undefined) s[min] = l.min;
  if (l?.max !== undefined) s[max] = l.max;
}

function addRange(s: JsonObject, t: Record<string, Json>): void {
  const r = t['smithy.api#range'] as { min?: number; max?: number } | undefined;
  if (r?.min !== undefined) s.minimum = r.min;
  if (r?.max !== undefined) s.maximum = r.max;
}

/** The members of `outputShape` that a request does not take: present in describe output only. */
function readOnlyMembers(b: SchemaBuilder, outputShape: string, inputShapes: string[]): JsonObject {
  const inputs = new Set(inputShapes.flatMap((s) => Object.keys(b.shape(NS + s).shape.members ?? {})));
  const out: JsonObject = {};
  for (const [member, m] of Object.entries(b.shape(NS + outputShape).shape.members ?? {})) {
    if (inputs.has(member)) continue;
    const s = b.memberSchema(m);
    s.doNotSuggest = true;
    s['x-ecs-readOnly'] = true;
    const doc = typeof s.markdownDescription === 'string' ? s.markdownDescription + '\n\n' : '';
    s.markdownDescription = `${doc}*Read-only: returned by \`Describe${outputShape === 'Service' ? 'Services' : 'TaskDefinition'}\`, not accepted on input.*`;
    out[member] = s;
  }
  return out;
}

function rootSchema(b: SchemaBuilder, request: string, title: string): JsonObject {
  const { shape } = b.shape(NS + request);
  const body = b.structureBody(shape, request);
  return { $schema: 'http://json-schema.org/draft-07/schema#', $id: title, title, ...body };
}

// ---------------------------------------------------------------------------------------------
// Facts derived from the documentation text

/**
 * Parses the Fargate task-size table from the `memory` documentation of RegisterTaskDefinition:
 * lines like `512 (0.5 GB), 1024 (1 GB) - Available cpu values: 256 (.25 vCPU)`,
 * `Between 4096 (4 GB) and 16384 (16 GB) in increments of 1024 (1 GB)` and
 * `Between 16 GB and 60 GB in 4 GB increments`.
 */
export function parseFargateTable(html: string): Record<string, number[]> {
  const table: Record<string, number[]> = {};
  const items = html.match(/<li>.*?<\/li>/g) ?? [];
  for (const raw of items) {
    const text = raw.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    const cpuMatch = /Available cpu values: (\d+)/.exec(text);
    if (!cpuMatch) continue;
    const head = text.slice(0, cpuMatch.index);
    let memories: number[] = [];
    const between = /Between (\d+)\s*(?:\(\d+ GB\)|GB)? and (\d+)\s*(?:\(\d+ GB\)|GB)? in (?:increments of (\d+)\s*(?:\(\d+ GB\))?|(\d+) GB increments)/.exec(head);
    if (between) {
      const gb = /Between \d+\s*GB/.test(head);
      const toMiB = (n: number) => (gb ? n * 1024 : n);
      const lo = toMiB(Number(between[1]));
      const hi = toMiB(Number(between[2]));
      const step = between[3] ? Number(between[3]) : Number(between[4]) * 1024;
      for (let m = lo; m <= hi; m += step) memories.push(m);
    } else {
      memories = [...head.matchAll(/(\d+) \([\d.]+ GB\)/g)].map((m) => Number(m[1]));
    }
    if (memories.length === 0) throw new Error(`cannot read the Fargate table row: ${text}`);
    table[cpuMatch[1]] = memories;
  }
  if (Object.keys(table).length < 5) throw new Error('the Fargate cpu/memory table was not found in the model');
  return table;
}

// ---------------------------------------------------------------------------------------------

export interface GeneratedFiles {
  [fileName: string]: string;
}

export function generate(source: SmithyModel): GeneratedFiles {
  const model = withSdkAdditions(source);
  const task = new SchemaBuilder(model);
  const taskRoot = rootSchema(task, 'RegisterTaskDefinitionRequest', 'ECS task definition (RegisterTaskDefinition input)');
  Object.assign(taskRoot.properties as JsonObject, readOnlyMembers(task, 'TaskDefinition', ['RegisterTaskDefinitionRequest']));
  taskRoot.definitions = sortKeys(task.definitions);

  const svc = new SchemaBuilder(model);
  const svcRoot = rootSchema(svc, 'CreateServiceRequest', 'ECS service definition (CreateService / UpdateService input)');
  const svcProps = svcRoot.properties as JsonObject;
  const update = svc.shape(NS + 'UpdateServiceRequest').shape;
  for (const [member, m] of Object.entries(update.members ?? {})) {
    if (svcProps[member]) continue;
    const s = svc.memberSchema(m);
    s['x-ecs-updateOnly'] = true;
    svcProps[member] = s;
  }
  Object.assign(svcProps, readOnlyMembers(svc, 'Service', ['CreateServiceRequest', 'UpdateServiceRequest']));
  // CreateService requires serviceName and UpdateService requires service; files for ecspresso and
  // `--cli-input-json` often leave the name to the command line, so the root requires neither.
  svcRoot['x-ecs-requiredForCreate'] = (svcRoot.required as Json[]) ?? [];
  delete svcRoot.required;
  svcRoot.definitions = sortKeys(svc.definitions);

  const memoryDoc = String(model.shapes[NS + 'RegisterTaskDefinitionRequest'].members!.memory.traits![DOC]);
  // The cpu documentation only links to the task sizes: its hover shows the same table as memory's.
  const sizes = fargateSizeTable(/<ul>(.*?)<\/ul>/.exec(memoryDoc.replace(/\s+/g, ' '))?.[1] ?? '');
  const cpu = (taskRoot.properties as Record<string, JsonObject>).cpu;
  if (sizes) cpu.markdownDescription = `${String(cpu.markdownDescription)}\n\nOn Fargate, each \`cpu\` value takes these \`memory\` values:\n\n${sizes}`;
  const facts = {
    source: 'ecs-2014-11-13.json',
    fargateCpuMemory: parseFargateTable(memoryDoc),
    taskReadOnly: Object.keys(readOnlyMembers(task, 'TaskDefinition', ['RegisterTaskDefinitionRequest'])).sort(),
    serviceReadOnly: Object.keys(readOnlyMembers(svc, 'Service', ['CreateServiceRequest', 'UpdateServiceRequest'])).sort(),
  };

  const text = (o: unknown) => JSON.stringify(o, null, 1) + '\n';
  return {
    'task-definition.schema.json': text(taskRoot),
    'service-definition.schema.json': text(svcRoot),
    'ecs-facts.json': text(facts),
  };
}

function sortKeys(o: Record<string, JsonObject>): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}

export const GENERATED_DIR = path.join('src', 'taskdef', 'generated');
export const DEFAULT_MODEL = path.join('..', 'shared', 'aws-models', 'ecs-2014-11-13.json');

/** Finds the repository root from this file, whether run from scripts/ or out/scripts/. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

function main(argv: string[]): number {
  const root = repoRoot();
  const mi = argv.indexOf('--model');
  const modelPath = mi >= 0 ? argv[mi + 1] : path.join(root, DEFAULT_MODEL);
  const check = argv.includes('--check');
  const model = JSON.parse(fs.readFileSync(modelPath, 'utf8')) as SmithyModel;
  const files = generate(model);
  let stale = 0;
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(root, GENERATED_DIR, name);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current === content) continue;
    stale++;
    if (check) console.error(`${target} is out of date with ${modelPath}`);
    else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
      console.log(`wrote ${path.relative(root, target)}`);
    }
  }
  return check && stale ? 1 : 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
