/** Accounts, partitions and ARNs: `aws`, `aws-cn` for cn-* regions, `aws-us-gov` for us-gov-*. */
import { flat } from './flat';

/** The account every request acts in unless its credentials say otherwise. */
export const ACCOUNT = '123456789012';

/** The partition a region belongs to (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) {
    return 'aws-cn';
  }
  if (region.startsWith('us-gov-')) {
    return 'aws-us-gov';
  }
  return 'aws';
}

/** The DNS suffix of a region's endpoints (amazonaws.com.cn in China). */
export function dnsSuffix(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

export function arn(service: string, region: string, resource: string, account = ACCOUNT): string {
  return flat(`arn:${partitionOf(region)}:${service}:${region}:${account}:${resource}`);
}

/** An ARN of a global service (IAM, STS): no region, the region's partition. */
export function globalArn(service: string, region: string, resource: string, account = ACCOUNT): string {
  return flat(`arn:${partitionOf(region)}:${service}::${account}:${resource}`);
}

/** Whether `value` is an ARN of `service` in any partition. */
export function isArnOf(value: string, service: string): boolean {
  return new RegExp(`^arn:aws(-[a-z-]+)?:${service}:`).test(value);
}

/** The resource part of an ARN (everything after the account). */
export function arnResource(value: string): string {
  return value.split(':').slice(5).join(':');
}

/** The last `/`-separated part of an ARN's resource, or the value itself when it is not an ARN. */
export function lastPart(idOrArn: string): string {
  if (!idOrArn.startsWith('arn:')) {
    return idOrArn;
  }
  const resource = arnResource(idOrArn);
  return resource.slice(resource.lastIndexOf('/') + 1);
}

/** The AWS region a regional endpoint hostname names (`ecs.eu-west-1.amazonaws.com`, `portal.sso.cn-north-1.amazonaws.com.cn`). */
export function regionOfHost(host: string | undefined): string | undefined {
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  return /^(?:[a-z0-9-]+\.)+?([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/.exec(name)?.[1];
}
