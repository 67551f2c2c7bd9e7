/**
 * Amazon EC2, the networking reads Create Service offers: DescribeVpcs, DescribeSubnets,
 * DescribeSecurityGroups (ec2Query; shapes from @aws-sdk/client-ec2's schemas, since ../shared has no
 * EC2 model). IDs, filters and paging as the API reference gives them
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcs.html,
 * API_DescribeSubnets.html, API_DescribeSecurityGroups.html); the error codes are those of
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html.
 */
import type * as ec2 from '../../generated/ec2';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import { defineService } from '../../kit/service';
import { ec2State } from './state';

export { ec2State, DEFAULT_SECURITY_GROUP_ID, DEFAULT_VPC_ID } from './state';

type Value = string | boolean | number | undefined;

/** The filters each operation supports (a subset of the reference's lists), as readers of a resource. */
const VPC_FILTERS: Record<string, (v: ec2.Vpc) => Value[]> = {
  'vpc-id': (v) => [v.VpcId], 'is-default': (v) => [v.IsDefault], state: (v) => [v.State], 'cidr': (v) => [v.CidrBlock], 'owner-id': (v) => [v.OwnerId],
};
const SUBNET_FILTERS: Record<string, (s: ec2.Subnet) => Value[]> = {
  'vpc-id': (s) => [s.VpcId], 'subnet-id': (s) => [s.SubnetId], 'availability-zone': (s) => [s.AvailabilityZone], 'availability-zone-id': (s) => [s.AvailabilityZoneId],
  'default-for-az': (s) => [s.DefaultForAz], 'map-public-ip-on-launch': (s) => [s.MapPublicIpOnLaunch], state: (s) => [s.State], 'cidr-block': (s) => [s.CidrBlock],
};
const GROUP_FILTERS: Record<string, (g: ec2.SecurityGroup) => Value[]> = {
  'vpc-id': (g) => [g.VpcId], 'group-id': (g) => [g.GroupId], 'group-name': (g) => [g.GroupName], description: (g) => [g.Description], 'owner-id': (g) => [g.OwnerId],
};

/** A filter value matches with `*` and `?` wildcards; a resource passes when every filter matches one of its values ("Filter" in the reference). */
function matches<T>(item: T, filters: ec2.Filter[] | undefined, known: Record<string, (t: T) => Value[]>): boolean {
  return (filters ?? []).every((f) => {
    const read = known[f.Name ?? ''];
    const values = read(item).map((v) => String(v));
    return (f.Values ?? []).some((want) => {
      const re = new RegExp(`^${want.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
      return values.some((v) => re.test(v));
    });
  });
}

function checkFilters(filters: ec2.Filter[] | undefined, known: Record<string, unknown>): void {
  for (const f of filters ?? []) {
    if (!(f.Name && f.Name in known)) {
      throw new AwsError('InvalidParameterValue', `The filter '${f.Name ?? ''}' is invalid`);
    }
  }
}

/** MaxResults: 5 to 1000, and "You cannot specify this parameter and the ... IDs parameter in the same call". */
function checkPaging(maxResults: number | undefined, ids: string[] | undefined, idsName: string): void {
  if (maxResults !== undefined && ids?.length) {
    throw new AwsError('InvalidParameterCombination', `The parameter ${idsName} cannot be used with the parameter maxResults`);
  }
  if (maxResults !== undefined && (maxResults < 5 || maxResults > 1000)) {
    throw new AwsError('InvalidParameterValue', `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.`);
  }
}

/** Every ID asked for must exist, else `<code>` naming the first that does not (errors-overview.html). */
function byIds<T>(all: T[], ids: string[] | undefined, idOf: (t: T) => string | undefined, code: string, what: string): T[] {
  if (!ids?.length) {
    return all;
  }
  const missing = ids.find((id) => !all.some((t) => idOf(t) === id));
  if (missing) {
    throw new AwsError(code, `The ${what} '${missing}' does not exist`);
  }
  return all.filter((t) => ids.includes(idOf(t) ?? ''));
}

const PAGE = { def: 1000, max: 1000, error: 'InvalidParameterValue', sizeName: 'MaxResults' };

export const ec2Service = defineService<ec2.Operations>({
  model: 'ec2',
  iamPrefix: 'ec2',
  validationError: 'InvalidParameterValue',
  pageTokens: { error: 'InvalidParameterValue', message: 'Invalid value for parameter nextToken' },
  documentedErrors: {
    InvalidParameterValue: 400, InvalidParameterCombination: 400,
    'InvalidVpcID.NotFound': 400, 'InvalidSubnetID.NotFound': 400, 'InvalidGroup.NotFound': 400,
  },
  handlers: {
    DescribeVpcs: (input, { region }) => {
      checkFilters(input.Filters, VPC_FILTERS);
      checkPaging(input.MaxResults, input.VpcIds, 'vpcIds');
      const vpcs = byIds(ec2State(region).vpcs, input.VpcIds, (v) => v.VpcId, 'InvalidVpcID.NotFound', 'vpc ID').filter((v) => matches(v, input.Filters, VPC_FILTERS));
      const p = page(vpcs, input.MaxResults, input.NextToken, PAGE);
      return { Vpcs: p.items, NextToken: p.next };
    },

    DescribeSubnets: (input, { region }) => {
      checkFilters(input.Filters, SUBNET_FILTERS);
      checkPaging(input.MaxResults, input.SubnetIds, 'subnetIds');
      const subnets = byIds(ec2State(region).subnets, input.SubnetIds, (s) => s.SubnetId, 'InvalidSubnetID.NotFound', 'subnet ID').filter((s) => matches(s, input.Filters, SUBNET_FILTERS));
      const p = page(subnets, input.MaxResults, input.NextToken, PAGE);
      return { Subnets: p.items, NextToken: p.next };
    },

    DescribeSecurityGroups: (input, { region }) => {
      checkFilters(input.Filters, GROUP_FILTERS);
      checkPaging(input.MaxResults, input.GroupIds, 'groupIds');
      let groups = byIds(ec2State(region).securityGroups, input.GroupIds, (g) => g.GroupId, 'InvalidGroup.NotFound', 'security group');
      groups = byIds(groups, input.GroupNames, (g) => g.GroupName, 'InvalidGroup.NotFound', 'security group').filter((g) => matches(g, input.Filters, GROUP_FILTERS));
      const p = page(groups, input.MaxResults, input.NextToken, PAGE);
      return { SecurityGroups: p.items, NextToken: p.next };
    },
  },
});
