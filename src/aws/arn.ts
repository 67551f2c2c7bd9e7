/**
 * The one module that reads and writes ARNs, partitions and AWS host names, for every partition
 * (`aws`, `aws-cn`, `aws-us-gov`). Everything else asks here instead of splitting strings.
 * ARN format: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

export interface Arn {
  partition: Partition | string;
  service: string;
  region: string;
  account: string;
  /** Everything after the account, e.g. `service/demo-fargate/api` or `log-group:/ecs/api`. */
  resource: string;
}

export function partitionOf(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The DNS suffix of the region's service endpoints and ECR registries. */
export function dnsSuffix(region: string): string {
  return partitionOf(region) === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** The AWS console's host for a region. */
export function consoleHost(region: string): string {
  switch (partitionOf(region)) {
    case 'aws-cn':
      return 'console.amazonaws.cn';
    case 'aws-us-gov':
      return 'console.amazonaws-us-gov.com';
    default:
      return `${region}.console.aws.amazon.com`;
  }
}

export function parseArn(value: string | undefined): Arn | undefined {
  if (!value?.startsWith('arn:')) return undefined;
  const parts = value.split(':');
  if (parts.length < 6 || !parts[1] || !parts[2]) return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(':') };
}

export function isArn(value: string | undefined): boolean {
  return parseArn(value) !== undefined;
}

/** An ARN in the partition of its region (IAM and other global resources: region ''). */
export function formatArn(arn: Omit<Arn, 'partition'> & { partition?: string }, partitionRegion = arn.region): string {
  return `arn:${arn.partition ?? partitionOf(partitionRegion || 'us-east-1')}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`;
}

/**
 * The name a person knows a resource by: the last `/` part of an ARN's resource (a cluster, service,
 * task id, `family:revision`, container instance id), or the value itself when it is not an ARN.
 */
export function resourceName(ref: string | undefined): string {
  if (!ref) return '';
  const arn = parseArn(ref);
  if (!arn) return ref;
  // `type:id` (log-group:/ecs/api) keeps the whole id; `type/…/id` gives its last part.
  const colon = arn.resource.indexOf(':');
  const slash = arn.resource.indexOf('/');
  if (colon >= 0 && (slash < 0 || colon < slash)) return arn.resource.slice(colon + 1).replace(/:\*$/, '');
  return arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
}

/** The first 8 characters of a task id: what the console and ECS events show. */
export function shortTaskId(taskArnOrId: string | undefined): string {
  return resourceName(taskArnOrId).slice(0, 8);
}

/** `family:revision` (or `family`) of a task-definition ARN, `family:revision` or family name. */
export function revisionLabel(ref: string | undefined): string {
  if (!ref) return '';
  const arn = parseArn(ref);
  return arn ? arn.resource.replace(/^task-definition\//, '') : ref;
}

/** Family and revision of a task-definition reference (revision undefined for a bare family). */
export function taskDefinitionParts(ref: string | undefined): { family: string; revision?: number } {
  const label = revisionLabel(ref);
  const colon = label.lastIndexOf(':');
  if (colon < 0 || !/^\d+$/.test(label.slice(colon + 1))) return { family: label };
  return { family: label.slice(0, colon), revision: Number(label.slice(colon + 1)) };
}

/** The Application Auto Scaling resource id of an ECS service: `service/<cluster name>/<service name>`. */
export function serviceScalingResourceId(cluster: string, service: string): string {
  return `service/${resourceName(cluster)}/${resourceName(service)}`;
}

/**
 * The ALBRequestCountPerTarget resource label of a target group behind an Application Load Balancer:
 * `app/<lb name>/<lb id>/targetgroup/<tg name>/<tg id>`, the final parts of the two ARNs
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html).
 */
export function albResourceLabel(loadBalancerArn: string, targetGroupArn: string): string {
  const lb = parseArn(loadBalancerArn)?.resource ?? '';
  const tg = parseArn(targetGroupArn)?.resource ?? '';
  if (!lb.startsWith('loadbalancer/app/') || !tg.startsWith('targetgroup/')) throw new Error(`not an Application Load Balancer and its target group: ${loadBalancerArn}, ${targetGroupArn}`);
  return `${lb.slice('loadbalancer/'.length)}/${tg}`;
}

// ---------------------------------------------------------------------------------------------
// ECR registries and image URIs

/** `<account>.dkr.ecr.<region>.amazonaws.com` (`.com.cn` in China). */
export function ecrRegistryHost(account: string, region: string): string {
  return `${account}.dkr.ecr.${region}.${dnsSuffix(region)}`;
}

const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;

/** Account and region of an ECR registry host, or undefined for any other registry. */
export function parseEcrRegistryHost(host: string): { account: string; region: string } | undefined {
  const m = ECR_HOST.exec(host.toLowerCase());
  if (!m) return undefined;
  // The suffix must be the region's own: a cn- region lives under .amazonaws.com.cn only.
  if (!host.toLowerCase().endsWith(`.${dnsSuffix(m[2])}`)) return undefined;
  return { account: m[1], region: m[2] };
}

export interface ImageReference {
  /** Everything before the tag or digest, e.g. `127.0.0.1:5000/demo/api` or `nginx`. */
  name: string;
  tag?: string;
  digest?: string;
}

/** Splits `name[:tag][@digest]`; a `:` inside the registry's host:port is not a tag. */
export function parseImageReference(reference: string): ImageReference {
  let rest = reference.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(':');
  const slash = rest.lastIndexOf('/');
  if (colon > slash) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, digest };
}

/** The registry host of an image or repository URI or an ECR proxy endpoint (`https://` / `http://` dropped). */
export function registryHost(uriOrEndpoint: string): string {
  return uriOrEndpoint.replace(/^[a-z]+:\/\//i, '').split('/')[0];
}

export interface EcrImageRef extends ImageReference {
  registryId: string;
  region: string;
  repositoryName: string;
}

/** An ECR image or repository URI (`host/repo[:tag][@digest]`), or undefined for other registries. */
export function parseEcrImageUri(uri: string): EcrImageRef | undefined {
  const ref = parseImageReference(uri);
  const host = registryHost(ref.name);
  const registry = parseEcrRegistryHost(host);
  const repositoryName = ref.name.slice(host.length + 1);
  if (!registry || !repositoryName) return undefined;
  return { ...ref, registryId: registry.account, region: registry.region, repositoryName };
}
