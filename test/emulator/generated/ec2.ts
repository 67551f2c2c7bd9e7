// Types of the ec2 shapes the emulator serves, derived from client-ec2 3.1169.0 (schemas) (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export type BlockPublicAccessMode = "block-bidirectional" | "block-ingress" | "off";
export interface BlockPublicAccessStates {
  InternetGatewayBlockMode?: BlockPublicAccessMode;
}
export interface DescribeSecurityGroupsRequest {
  GroupIds?: string[];
  GroupNames?: string[];
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
  Filters?: Filter[];
}
export interface DescribeSecurityGroupsResult {
  NextToken?: string;
  SecurityGroups?: SecurityGroup[];
}
export interface DescribeSubnetsRequest {
  Filters?: Filter[];
  SubnetIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
}
export interface DescribeSubnetsResult {
  NextToken?: string;
  Subnets?: Subnet[];
}
export interface DescribeVpcsRequest {
  Filters?: Filter[];
  VpcIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
}
export interface DescribeVpcsResult {
  NextToken?: string;
  Vpcs?: Vpc[];
}
export interface Filter {
  Name?: string;
  Values?: string[];
}
export type HostnameType = "ip-name" | "resource-name";
export interface IpPermission {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  UserIdGroupPairs?: UserIdGroupPair[];
  IpRanges?: IpRange[];
  Ipv6Ranges?: Ipv6Range[];
  PrefixListIds?: PrefixListId[];
}
export interface IpRange {
  Description?: string;
  CidrIp?: string;
}
export type IpSource = "amazon" | "byoip" | "none";
export type Ipv6AddressAttribute = "private" | "public";
export interface Ipv6Range {
  Description?: string;
  CidrIpv6?: string;
}
export interface PrefixListId {
  Description?: string;
  PrefixListId?: string;
}
export interface PrivateDnsNameOptionsOnLaunch {
  HostnameType?: HostnameType;
  EnableResourceNameDnsARecord?: boolean;
  EnableResourceNameDnsAAAARecord?: boolean;
}
export interface SecurityGroup {
  GroupId?: string;
  IpPermissionsEgress?: IpPermission[];
  Tags?: Tag[];
  VpcId?: string;
  SecurityGroupArn?: string;
  OwnerId?: string;
  GroupName?: string;
  Description?: string;
  IpPermissions?: IpPermission[];
}
export interface Subnet {
  AvailabilityZoneId?: string;
  EnableLniAtDeviceIndex?: number;
  MapCustomerOwnedIpOnLaunch?: boolean;
  CustomerOwnedIpv4Pool?: string;
  OwnerId?: string;
  AssignIpv6AddressOnCreation?: boolean;
  Ipv6CidrBlockAssociationSet?: SubnetIpv6CidrBlockAssociation[];
  Tags?: Tag[];
  SubnetArn?: string;
  OutpostArn?: string;
  EnableDns64?: boolean;
  Ipv6Native?: boolean;
  PrivateDnsNameOptionsOnLaunch?: PrivateDnsNameOptionsOnLaunch;
  BlockPublicAccessStates?: BlockPublicAccessStates;
  Type?: string;
  SubnetId?: string;
  State?: SubnetState;
  VpcId?: string;
  CidrBlock?: string;
  AvailableIpAddressCount?: number;
  AvailabilityZone?: string;
  DefaultForAz?: boolean;
  MapPublicIpOnLaunch?: boolean;
}
export interface SubnetCidrBlockState {
  State?: SubnetCidrBlockStateCode;
  StatusMessage?: string;
}
export type SubnetCidrBlockStateCode = "associated" | "associating" | "disassociated" | "disassociating" | "failed" | "failing";
export interface SubnetIpv6CidrBlockAssociation {
  AssociationId?: string;
  Ipv6CidrBlock?: string;
  Ipv6CidrBlockState?: SubnetCidrBlockState;
  Ipv6AddressAttribute?: Ipv6AddressAttribute;
  IpSource?: IpSource;
}
export type SubnetState = "available" | "failed" | "failed-insufficient-capacity" | "pending" | "unavailable";
export interface Tag {
  Key?: string;
  Value?: string;
}
export type Tenancy = "dedicated" | "default" | "host";
export interface UserIdGroupPair {
  Description?: string;
  UserId?: string;
  GroupName?: string;
  GroupId?: string;
  VpcId?: string;
  VpcPeeringConnectionId?: string;
  PeeringStatus?: string;
}
export interface Vpc {
  OwnerId?: string;
  InstanceTenancy?: Tenancy;
  Ipv6CidrBlockAssociationSet?: VpcIpv6CidrBlockAssociation[];
  CidrBlockAssociationSet?: VpcCidrBlockAssociation[];
  IsDefault?: boolean;
  EncryptionControl?: VpcEncryptionControl;
  Tags?: Tag[];
  BlockPublicAccessStates?: BlockPublicAccessStates;
  VpcId?: string;
  State?: VpcState;
  CidrBlock?: string;
  DhcpOptionsId?: string;
}
export interface VpcCidrBlockAssociation {
  AssociationId?: string;
  CidrBlock?: string;
  CidrBlockState?: VpcCidrBlockState;
}
export interface VpcCidrBlockState {
  State?: VpcCidrBlockStateCode;
  StatusMessage?: string;
}
export type VpcCidrBlockStateCode = "associated" | "associating" | "disassociated" | "disassociating" | "failed" | "failing";
export interface VpcEncryptionControl {
  VpcId?: string;
  VpcEncryptionControlId?: string;
  Mode?: VpcEncryptionControlMode;
  State?: VpcEncryptionControlState;
  StateMessage?: string;
  ResourceExclusions?: VpcEncryptionControlExclusions;
  Tags?: Tag[];
}
export interface VpcEncryptionControlExclusion {
  State?: VpcEncryptionControlExclusionState;
  StateMessage?: string;
}
export type VpcEncryptionControlExclusionState = "disabled" | "disabling" | "enabled" | "enabling";
export interface VpcEncryptionControlExclusions {
  InternetGateway?: VpcEncryptionControlExclusion;
  EgressOnlyInternetGateway?: VpcEncryptionControlExclusion;
  NatGateway?: VpcEncryptionControlExclusion;
  VirtualPrivateGateway?: VpcEncryptionControlExclusion;
  VpcPeering?: VpcEncryptionControlExclusion;
  Lambda?: VpcEncryptionControlExclusion;
  VpcLattice?: VpcEncryptionControlExclusion;
  ElasticFileSystem?: VpcEncryptionControlExclusion;
  GlobalAccelerator?: VpcEncryptionControlExclusion;
  ApiGatewayV2?: VpcEncryptionControlExclusion;
}
export type VpcEncryptionControlMode = "enforce" | "monitor";
export type VpcEncryptionControlState = "available" | "creating" | "delete-failed" | "deleted" | "deleting" | "enforce-failed" | "enforce-in-progress" | "monitor-failed" | "monitor-in-progress";
export interface VpcIpv6CidrBlockAssociation {
  AssociationId?: string;
  Ipv6CidrBlock?: string;
  Ipv6CidrBlockState?: VpcCidrBlockState;
  NetworkBorderGroup?: string;
  Ipv6Pool?: string;
  Ipv6AddressAttribute?: Ipv6AddressAttribute;
  IpSource?: IpSource;
}
export type VpcState = "available" | "deleting" | "pending";

/** Input and output of each operation the emulator serves. */
export interface Operations {
  DescribeVpcs: { input: DescribeVpcsRequest; output: DescribeVpcsResult };
  DescribeSubnets: { input: DescribeSubnetsRequest; output: DescribeSubnetsResult };
  DescribeSecurityGroups: { input: DescribeSecurityGroupsRequest; output: DescribeSecurityGroupsResult };
}
