/**
 * EC2 networking of one region, as far as Create Service needs it: the default VPC, its default
 * subnet in each of three Availability Zones and its default security group. "If you created your
 * AWS account after 2013-12-04, it comes with a default VPC in each AWS Region", with a /16 IPv4
 * CIDR block 172.31.0.0/16, "a size /20 default subnet in each Availability Zone" and a default
 * security group (https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html), so every
 * region of the emulator has one. Its ids are those the seeded load balancer and services already
 * name (elbv2/index.ts seedLoadBalancer, seeds/helpers.ts SUBNETS); nothing else reads this state.
 */
import type * as ec2 from '../../generated/ec2';
import { ACCOUNT, arn } from '../../kit/arn';
import { perRegion, type Region } from '../../kit/world';

export const DEFAULT_VPC_ID = 'vpc-0a1b2c3d4e5f67890';
export const DEFAULT_SECURITY_GROUP_ID = 'sg-0123456789abcdef0';

export class Ec2State {
  readonly vpcs: ec2.Vpc[] = [];
  readonly subnets: ec2.Subnet[] = [];
  readonly securityGroups: ec2.SecurityGroup[] = [];

  constructor(region: Region) {
    this.vpcs.push({
      VpcId: DEFAULT_VPC_ID, OwnerId: ACCOUNT, State: 'available', CidrBlock: '172.31.0.0/16', IsDefault: true,
      InstanceTenancy: 'default', DhcpOptionsId: 'dopt-0a1b2c3d4e5f60000',
      CidrBlockAssociationSet: [{ AssociationId: 'vpc-cidr-assoc-0a1b2c3d4e5f60000', CidrBlock: '172.31.0.0/16', CidrBlockState: { State: 'associated' } }],
    });
    ['a', 'b', 'c'].forEach((zone, i) => {
      const id = `subnet-0a1b2c3d4e5f6000${i + 1}`;
      this.subnets.push({
        SubnetId: id, SubnetArn: arn('ec2', region.name, `subnet/${id}`), VpcId: DEFAULT_VPC_ID, OwnerId: ACCOUNT, State: 'available',
        AvailabilityZone: `${region.name}${zone}`, AvailabilityZoneId: `${region.name.replace(/-/g, '').slice(0, 4)}-az${i + 1}`,
        CidrBlock: `172.31.${i * 16}.0/20`, AvailableIpAddressCount: 4091, DefaultForAz: true, MapPublicIpOnLaunch: true,
        AssignIpv6AddressOnCreation: false, Ipv6CidrBlockAssociationSet: [],
      });
    });
    this.securityGroups.push({
      GroupId: DEFAULT_SECURITY_GROUP_ID, GroupName: 'default', Description: 'default VPC security group', VpcId: DEFAULT_VPC_ID, OwnerId: ACCOUNT,
      SecurityGroupArn: arn('ec2', region.name, `security-group/${DEFAULT_SECURITY_GROUP_ID}`),
      // The default group's rules: inbound from itself, all outbound (default-vpc.html, "Default security group").
      IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: DEFAULT_SECURITY_GROUP_ID, UserId: ACCOUNT }], IpRanges: [], Ipv6Ranges: [], PrefixListIds: [] }],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], UserIdGroupPairs: [], Ipv6Ranges: [], PrefixListIds: [] }],
    });
  }

  /** Seeds: another security group in a VPC (the demo account's ALB-facing web group). */
  addSecurityGroup(group: ec2.SecurityGroup): void {
    this.securityGroups.push(group);
  }
}

export const ec2State = perRegion('ec2', (region) => new Ec2State(region));
