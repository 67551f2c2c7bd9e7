/**
 * Derives what the local AWS emulator needs from AWS's official Smithy models in
 * ../shared/aws-models: test/emulator/generated/aws-model.json (operations, HTTP bindings, shapes,
 * constraints, errors of the operations listed in SERVED) and one TypeScript module of shape types
 * per service (generated/<service>.ts), and the operations' documented examples
 * (generated/examples.json, for the contract test). Documentation is dropped. Also
 * generated/price-list.json: the bundled price snapshot as AWS Price List GetProducts entries (what
 * the emulator's Price List serves, so an estimate through it equals the snapshot's).
 *
 *   npm run generate:emulator-model [-- --models DIR --out DIR]
 */
import * as fs from 'fs';
import * as path from 'path';
import { CompactService, convertService } from './emulator-model/convert';
import { Example, examplesJson, examplesOf } from './emulator-model/examples';
import { loadSdkService, overlaySdk, sdkOnlyService } from './emulator-model/sdk-schemas';
import { typesModule } from './emulator-model/typescript';
import { priceSnapshot, snapshotPriceList, snapshotRegions } from '../src/cost/snapshot';

interface ServiceSpec {
  /** The Smithy model in ../shared/aws-models; none: the service comes from the SDK's schemas alone (`sdk`). */
  file?: string;
  ops: string[];
  /** Operations and members only the AWS SDK for JavaScript has yet: taken from its own schemas (emulator-model/sdk-schemas.ts). */
  sdk?: { pkg: string; ops: string[] };
}

/** Operations the emulator serves, per emulator service key. */
export const SERVED: Record<string, ServiceSpec> = {
  ecs: {
    file: 'ecs-2014-11-13.json',
    ops: [
      'ListClusters', 'DescribeClusters', 'CreateCluster', 'UpdateCluster', 'DeleteCluster', 'PutClusterCapacityProviders',
      'ListServices', 'DescribeServices', 'CreateService', 'UpdateService', 'DeleteService',
      'ListServiceDeployments', 'DescribeServiceDeployments',
      'DescribeServiceRevisions', 'StopServiceDeployment',
      'ListTasks', 'DescribeTasks', 'RunTask', 'StartTask', 'StopTask',
      'ListTaskDefinitions', 'ListTaskDefinitionFamilies', 'DescribeTaskDefinition',
      'RegisterTaskDefinition', 'DeregisterTaskDefinition', 'DeleteTaskDefinitions',
      'ListContainerInstances', 'DescribeContainerInstances', 'UpdateContainerInstancesState',
      'PutAttributes', 'DeleteAttributes', 'ListAttributes',
      'DescribeCapacityProviders', 'CreateCapacityProvider', 'TagResource', 'UntagResource', 'ListTagsForResource',
      'DescribeTaskSets', 'ExecuteCommand',
      'CreateExpressGatewayService', 'DescribeExpressGatewayService', 'UpdateExpressGatewayService', 'DeleteExpressGatewayService',
    ],
    // ContinueServiceDeployment, lifecycleHookDetails, DeploymentLifecycleHook.targetType: not in ../shared's ECS model yet.
    sdk: { pkg: '@aws-sdk/client-ecs', ops: ['ContinueServiceDeployment'] },
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
  // EC2 Auto Scaling: the groups an ASG capacity provider is made from (Create Cluster, issue 15).
  ec2autoscaling: { file: 'auto-scaling-2011-01-01.json', ops: ['DescribeAutoScalingGroups'] },
  logs: {
    file: 'cloudwatch-logs-2014-03-28.json',
    ops: [
      'CreateLogGroup', 'DeleteLogGroup', 'DescribeLogGroups', 'CreateLogStream', 'DeleteLogStream',
      'DescribeLogStreams', 'PutLogEvents', 'GetLogEvents', 'FilterLogEvents', 'PutRetentionPolicy', 'StartLiveTail',
    ],
  },
  secretsmanager: {
    file: 'secrets-manager-2017-10-17.json',
    ops: ['ListSecrets', 'DescribeSecret', 'GetSecretValue', 'CreateSecret'],
  },
  ssm: {
    file: 'ssm-2014-11-06.json',
    ops: [
      'GetParameter', 'GetParameters', 'GetParametersByPath', 'DescribeParameters', 'PutParameter',
      'StartSession', 'TerminateSession', 'ResumeSession', 'DescribeSessions',
    ],
  },
  sts: { file: 'sts-2011-06-15.json', ops: ['GetCallerIdentity', 'AssumeRole', 'GetSessionToken'] },
  iam: { file: 'iam-2010-05-08.json', ops: ['ListRoles', 'GetRole', 'SimulatePrincipalPolicy'] },
  // The AWS Price List Query API: the prices the cost estimate reads (issue 16).
  pricing: { file: 'pricing-2017-10-15.json', ops: ['GetProducts', 'DescribeServices', 'GetAttributeValues'] },
  // No KMS model in ../shared: its shapes come from the SDK's schemas (ECS Exec's session encryption, issue 14).
  kms: { ops: [], sdk: { pkg: '@aws-sdk/client-kms', ops: ['CreateKey', 'DescribeKey', 'GenerateDataKey', 'Decrypt', 'ListAliases', 'CreateAlias', 'EnableKey', 'DisableKey'] } },
  elbv2: {
    file: 'elastic-load-balancing-v2-2015-12-01.json',
    ops: [
      'DescribeLoadBalancers', 'DescribeTargetGroups', 'DescribeTargetHealth', 'DescribeListeners',
      'DescribeTargetGroupAttributes', 'ModifyTargetGroupAttributes', 'ModifyTargetGroup',
      'DescribeRules', 'CreateTargetGroup', 'CreateRule', 'ModifyRule', 'DeleteRule', 'DeleteTargetGroup', 'RegisterTargets', 'DeregisterTargets',
    ],
  },
  // The EC2 model is too large for ../shared: the networking reads Create Service offers come from the SDK's schemas (issue 15).
  ec2: { ops: [], sdk: { pkg: '@aws-sdk/client-ec2', ops: ['DescribeVpcs', 'DescribeSubnets', 'DescribeSecurityGroups'] } },
  cloudwatch: { file: 'cloudwatch-2010-08-01.json', ops: ['DescribeAlarms', 'GetMetricData', 'GetMetricStatistics', 'ListMetrics', 'PutMetricAlarm'] },
  codedeploy: {
    file: 'codedeploy-2014-10-06.json',
    ops: [
      'ListApplications', 'GetApplication', 'CreateApplication', 'ListDeploymentGroups', 'GetDeploymentGroup', 'BatchGetDeploymentGroups',
      'CreateDeploymentGroup', 'CreateDeployment', 'GetDeployment', 'ListDeployments', 'BatchGetDeployments', 'StopDeployment',
      'ListDeploymentTargets', 'BatchGetDeploymentTargets', 'GetDeploymentTarget',
    ],
  },
  sso: {
    file: 'sso-2019-06-10.json',
    ops: ['GetRoleCredentials', 'ListAccounts', 'ListAccountRoles', 'Logout'],
  },
  'sso-oidc': {
    file: 'sso-oidc-2019-06-10.json',
    ops: ['CreateToken', 'RegisterClient', 'StartDeviceAuthorization'],
  },
};

function oneALine(obj: Record<string, unknown>): string[] {
  return Object.entries(obj).map(([k, v], i, all) => `${JSON.stringify(k)}: ${JSON.stringify(v)}${i < all.length - 1 ? ',' : ''}`);
}

function modelJson(services: Record<string, CompactService>): string {
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

export const NOTICE_TEXT = `aws-model.json, examples.json and the .ts shape types beside them are derived by
scripts/generate-emulator-model.ts from the official AWS service models (Smithy 2.0 JSON, as published
in aws/api-models-aws), which are licensed under the Apache License, Version 2.0. Only operation, shape
and constraint data and the operations' documented examples (titles, inputs, outputs) are kept;
documentation is dropped. KMS and EC2, which those models do not include, are derived the same way from the
schemas of the AWS SDK for JavaScript's @aws-sdk/client-kms and @aws-sdk/client-ec2 (Apache License, Version 2.0).
Copyright Amazon.com, Inc. or its affiliates. All Rights Reserved.

price-list.json is the project's bundled price snapshot (AWS's published prices; where each comes
from: scripts/pricing/data/SOURCES.md) written as AWS Price List GetProducts entries.
`;

/**
 * The bundled price snapshot (src/cost/generated/price-snapshot.json, AWS's published prices) written
 * as Price List entries by src/cost/snapshot.ts, one JSON string a line: the emulator reads this file
 * as data (it imports nothing from src/).
 */
export function priceListJson(): string {
  const snapshot = priceSnapshot();
  const entries = snapshotRegions().flatMap((region) => snapshotPriceList(region) ?? []);
  const head = { source: `The bundled price snapshot of ${snapshot.asOf} (src/cost/generated/price-snapshot.json; its sources: ${snapshot.source}) as AWS Price List GetProducts entries, by scripts/generate-emulator-model.ts. Do not edit.`, asOf: snapshot.asOf };
  return ['{', `"source": ${JSON.stringify(head.source)},`, `"asOf": ${JSON.stringify(head.asOf)},`, '"entries": [', entries.map((e) => JSON.stringify(e)).join(',\n'), ']', '}', ''].join('\n');
}

/** The generated files (name -> text) from the models folder. */
export function generateEmulatorModel(modelsDir: string): Record<string, string> {
  const services: Record<string, CompactService> = {};
  const examples: Record<string, Record<string, Example[]>> = {};
  const files: Record<string, string> = {};
  const sdkOf = (pkg: string) => loadSdkService(path.dirname(require.resolve(`${pkg}/package.json`)));
  for (const [key, spec] of Object.entries(SERVED)) {
    if (spec.file) {
      const model = JSON.parse(fs.readFileSync(path.join(modelsDir, spec.file), 'utf8'));
      services[key] = convertService(model, spec.file, spec.ops);
      if (spec.sdk) {
        overlaySdk(services[key], sdkOf(spec.sdk.pkg), spec.sdk.ops);
      }
      examples[key] = examplesOf(model, spec.ops);
    } else if (spec.sdk) {
      services[key] = sdkOnlyService(sdkOf(spec.sdk.pkg), spec.sdk.ops);
    } else {
      throw new Error(`${key}: neither a model file nor SDK schemas`);
    }
    files[`${key}.ts`] = typesModule(key, services[key]);
  }
  return { 'aws-model.json': modelJson(services), 'examples.json': examplesJson(examples), 'price-list.json': priceListJson(), NOTICE: NOTICE_TEXT, ...files };
}

export function defaultModelsDir(repoRoot: string): string | undefined {
  const candidates = [path.resolve(repoRoot, '../shared/aws-models'), '/work/shared/aws-models'];
  return candidates.find((d) => fs.existsSync(path.join(d, SERVED.ecs.file!)));
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
  for (const [name, text] of Object.entries(generateEmulatorModel(modelsDir))) {
    fs.writeFileSync(path.join(outDir, name), text);
  }
  process.stdout.write(`wrote ${outDir}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2));
}
