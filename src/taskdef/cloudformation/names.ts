/**
 * CloudFormation's property names for AWS::ECS::TaskDefinition and AWS::ECS::Service, derived from
 * the API members of the generated schemas (src/taskdef/generated, from the ECS model): a
 * CloudFormation name is the API member with its first letter in capitals, except where the
 * tables below say otherwise. The exceptions were read from the resources' registry schemas
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-taskdefinition.html,
 * …/aws-resource-ecs-service.html) and are tested in test/unit/taskdef/cloudformationNames.test.ts.
 */
import { deref, type JsonSchema, schemaFor } from '../schema';
import type { DocumentKind } from '../types';

/** The schema's root ('#') or a definition name of the generated schema. */
type ShapeName = string;

/** API member → CloudFormation name, where it is not the API name capitalised; per shape of the generated schema. */
export const NAME_EXCEPTIONS: Record<DocumentKind, Record<ShapeName, Record<string, string>>> = {
  task: {
    Volume: {
      efsVolumeConfiguration: 'EFSVolumeConfiguration',
      fsxWindowsFileServerVolumeConfiguration: 'FSxWindowsFileServerVolumeConfiguration',
      s3filesVolumeConfiguration: 'S3FilesVolumeConfiguration',
    },
    // FSx's own FileSystemId keeps the API's capital S; EFS's is "FilesystemId".
    EFSVolumeConfiguration: { fileSystemId: 'FilesystemId' },
    EFSAuthorizationConfig: { iam: 'IAM' },
    ProxyConfiguration: { properties: 'ProxyConfigurationProperties' },
  },
  service: {
    '#': { placementStrategy: 'PlacementStrategies' },
  },
};

/** API members the resource does not have: parameters of an operation, not properties of a service. */
export const API_ONLY: Record<DocumentKind, Record<ShapeName, string[]>> = {
  task: {},
  service: { '#': ['clientToken', 'service'] },
};

/**
 * Properties that only CloudFormation has, or has in a shape of its own. `ForceNewDeployment` is an
 * object in the resource (a boolean in UpdateService).
 */
export const CFN_ONLY: Record<DocumentKind, Record<ShapeName, Record<string, JsonSchema>>> = {
  task: {},
  service: {
    '#': {
      ForceNewDeployment: {
        type: 'object',
        additionalProperties: false,
        required: ['EnableForceNewDeployment'],
        markdownDescription: 'CloudFormation only: forces a new deployment of the service on this stack update (UpdateService `forceNewDeployment`). Change `ForceNewDeploymentNonce` to deploy again when nothing else changed.',
        properties: {
          EnableForceNewDeployment: { type: 'boolean', markdownDescription: 'Whether this stack update forces a new deployment.' },
          ForceNewDeploymentNonce: { type: 'string', minLength: 1, maxLength: 255, markdownDescription: 'Any value: a new one forces a new deployment on the next stack update.' },
        },
      },
    },
  },
};

/**
 * Attributes CloudFormation returns (Ref / Fn::GetAtt) and lists in the resource's schema, which a
 * template does not set. Every other read-only member of describe output is no property at all.
 */
export const CFN_READ_ONLY: Record<DocumentKind, Record<ShapeName, string[]>> = {
  task: { '#': ['TaskDefinitionArn'] },
  service: { '#': ['ServiceArn', 'Name'] },
};

/** `containerDefinitions` → `ContainerDefinitions`: the rule every name follows unless an exception says otherwise. */
export function capitalised(apiName: string): string {
  return apiName.charAt(0).toUpperCase() + apiName.slice(1);
}

/** The CloudFormation name of API member `apiName` of shape `shape`. */
export function cfnName(kind: DocumentKind, shape: ShapeName, apiName: string): string {
  return NAME_EXCEPTIONS[kind][shape]?.[apiName] ?? capitalised(apiName);
}

/** The API member of CloudFormation property `cfn` in shape `shape`, or undefined when the shape has none. */
export function apiName(kind: DocumentKind, shape: ShapeName, cfn: string): string | undefined {
  const schema = shape === '#' ? schemaFor(kind) : schemaFor(kind).definitions?.[shape];
  for (const name of Object.keys(schema?.properties ?? {})) if (cfnName(kind, shape, name) === cfn) return name;
  return undefined;
}

/** The resource type each definition kind is written as. */
export const RESOURCE_TYPES: Record<string, DocumentKind> = { 'AWS::ECS::TaskDefinition': 'task', 'AWS::ECS::Service': 'service' };

interface CfnSchemas {
  root: JsonSchema;
  /** CloudFormation name → API member, per object schema of `root` (its definitions included). */
  toApi: WeakMap<JsonSchema, Map<string, string>>;
  /** Every API member name that appears, and the CloudFormation name it takes (the first, where two shapes differ). */
  names: Map<string, string>;
}

const built: Partial<Record<DocumentKind, CfnSchemas>> = {};

/**
 * The definition schema with CloudFormation's names: the same types, enums, ranges and AWS
 * documentation, the properties renamed, read-only describe members and operation parameters left
 * out, CloudFormation's own properties added, no required members at the top (CloudFormation names
 * the family and the service itself). Built once per kind.
 */
export function cfnSchema(kind: DocumentKind): CfnSchemas {
  const known = built[kind];
  if (known) return known;
  const api = schemaFor(kind);
  const root = JSON.parse(JSON.stringify(api)) as JsonSchema;
  const toApi = new WeakMap<JsonSchema, Map<string, string>>();
  const names = new Map<string, string>();
  const rename = (shape: ShapeName, s: JsonSchema) => {
    if (!s.properties) return;
    const readOnly = new Set(CFN_READ_ONLY[kind][shape] ?? []);
    const drop = new Set(API_ONLY[kind][shape] ?? []);
    const props: Record<string, JsonSchema> = {};
    const back = new Map<string, string>();
    for (const [name, p] of Object.entries(s.properties)) {
      const cfn = cfnName(kind, shape, name);
      if (drop.has(name) || (p['x-ecs-readOnly'] && !readOnly.has(cfn))) continue;
      props[cfn] = p;
      back.set(cfn, name);
      if (!names.has(name)) names.set(name, cfn);
    }
    for (const [cfn, p] of Object.entries(CFN_ONLY[kind][shape] ?? {})) {
      props[cfn] = p;
      back.set(cfn, back.get(cfn) ?? cfn.charAt(0).toLowerCase() + cfn.slice(1));
    }
    for (const cfn of readOnly) props[cfn] ??= { type: 'string', 'x-ecs-readOnly': true };
    s.properties = props;
    if (s.required) s.required = s.required.map((r) => cfnName(kind, shape, r));
    toApi.set(s, back);
  };
  rename('#', root);
  delete root.required;
  delete root['x-ecs-requiredForCreate'];
  for (const [shape, s] of Object.entries(root.definitions ?? {})) rename(shape, s);
  const out = { root, toApi, names };
  built[kind] = out;
  return out;
}

/** The object schema of a CloudFormation-named schema, followed through `$ref`. */
export function cfnDeref(kind: DocumentKind, s: JsonSchema): JsonSchema {
  return deref(cfnSchema(kind).root, s);
}
