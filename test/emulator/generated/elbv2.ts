// Types of the elbv2 shapes the emulator serves, derived from elastic-load-balancing-v2-2015-12-01.json (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export interface Action {
  Type: ActionTypeEnum;
  TargetGroupArn?: string;
  AuthenticateOidcConfig?: AuthenticateOidcActionConfig;
  AuthenticateCognitoConfig?: AuthenticateCognitoActionConfig;
  Order?: number;
  RedirectConfig?: RedirectActionConfig;
  FixedResponseConfig?: FixedResponseActionConfig;
  ForwardConfig?: ForwardActionConfig;
  JwtValidationConfig?: JwtValidationActionConfig;
}
export type ActionTypeEnum = "forward" | "authenticate-oidc" | "authenticate-cognito" | "redirect" | "fixed-response" | "jwt-validation";
export interface AdministrativeOverride {
  State?: TargetAdministrativeOverrideStateEnum;
  Reason?: TargetAdministrativeOverrideReasonEnum;
  Description?: string;
}
export type AdvertiseTrustStoreCaNamesEnum = "on" | "off";
export interface AnomalyDetection {
  Result?: AnomalyResultEnum;
  MitigationInEffect?: MitigationInEffectEnum;
}
export type AnomalyResultEnum = "anomalous" | "normal";
export type AuthenticateCognitoActionConditionalBehaviorEnum = "deny" | "allow" | "authenticate";
export interface AuthenticateCognitoActionConfig {
  UserPoolArn: string;
  UserPoolClientId: string;
  UserPoolDomain: string;
  SessionCookieName?: string;
  Scope?: string;
  SessionTimeout?: number;
  AuthenticationRequestExtraParams?: Record<string, string>;
  OnUnauthenticatedRequest?: AuthenticateCognitoActionConditionalBehaviorEnum;
}
export type AuthenticateOidcActionConditionalBehaviorEnum = "deny" | "allow" | "authenticate";
export interface AuthenticateOidcActionConfig {
  Issuer: string;
  AuthorizationEndpoint: string;
  TokenEndpoint: string;
  UserInfoEndpoint: string;
  ClientId: string;
  ClientSecret?: string;
  SessionCookieName?: string;
  Scope?: string;
  SessionTimeout?: number;
  AuthenticationRequestExtraParams?: Record<string, string>;
  OnUnauthenticatedRequest?: AuthenticateOidcActionConditionalBehaviorEnum;
  UseExistingClientSecret?: boolean;
}
export interface AvailabilityZone {
  ZoneName?: string;
  SubnetId?: string;
  OutpostId?: string;
  LoadBalancerAddresses?: LoadBalancerAddress[];
  SourceNatIpv6Prefixes?: string[];
}
export interface Certificate {
  CertificateArn?: string;
  IsDefault?: boolean;
}
export interface CreateRuleInput {
  ListenerArn: string;
  Conditions: RuleCondition[];
  Priority: number;
  Actions: Action[];
  Tags?: Tag[];
  Transforms?: RuleTransform[];
}
export interface CreateRuleOutput {
  Rules?: Rule[];
}
export interface CreateTargetGroupInput {
  Name: string;
  Protocol?: ProtocolEnum;
  ProtocolVersion?: string;
  Port?: number;
  VpcId?: string;
  HealthCheckProtocol?: ProtocolEnum;
  HealthCheckPort?: string;
  HealthCheckEnabled?: boolean;
  HealthCheckPath?: string;
  HealthCheckIntervalSeconds?: number;
  HealthCheckTimeoutSeconds?: number;
  HealthyThresholdCount?: number;
  UnhealthyThresholdCount?: number;
  Matcher?: Matcher;
  TargetType?: TargetTypeEnum;
  Tags?: Tag[];
  IpAddressType?: TargetGroupIpAddressTypeEnum;
  TargetControlPort?: number;
}
export interface CreateTargetGroupOutput {
  TargetGroups?: TargetGroup[];
}
export interface DeleteRuleInput {
  RuleArn: string;
}
export type DeleteRuleOutput = Unit;
export interface DeleteTargetGroupInput {
  TargetGroupArn: string;
}
export type DeleteTargetGroupOutput = Unit;
export interface DeregisterTargetsInput {
  TargetGroupArn: string;
  Targets: TargetDescription[];
}
export type DeregisterTargetsOutput = Unit;
export interface DescribeListenersInput {
  LoadBalancerArn?: string;
  ListenerArns?: string[];
  Marker?: string;
  PageSize?: number;
}
export interface DescribeListenersOutput {
  Listeners?: Listener[];
  NextMarker?: string;
}
export interface DescribeLoadBalancersInput {
  LoadBalancerArns?: string[];
  Names?: string[];
  Marker?: string;
  PageSize?: number;
}
export interface DescribeLoadBalancersOutput {
  LoadBalancers?: LoadBalancer[];
  NextMarker?: string;
}
export interface DescribeRulesInput {
  ListenerArn?: string;
  RuleArns?: string[];
  Marker?: string;
  PageSize?: number;
}
export interface DescribeRulesOutput {
  Rules?: Rule[];
  NextMarker?: string;
}
export interface DescribeTargetGroupAttributesInput {
  TargetGroupArn: string;
}
export interface DescribeTargetGroupAttributesOutput {
  Attributes?: TargetGroupAttribute[];
}
export interface DescribeTargetGroupsInput {
  LoadBalancerArn?: string;
  TargetGroupArns?: string[];
  Names?: string[];
  Marker?: string;
  PageSize?: number;
}
export interface DescribeTargetGroupsOutput {
  TargetGroups?: TargetGroup[];
  NextMarker?: string;
}
export interface DescribeTargetHealthInput {
  TargetGroupArn: string;
  Targets?: TargetDescription[];
  Include?: DescribeTargetHealthInputIncludeEnum[];
}
export type DescribeTargetHealthInputIncludeEnum = "AnomalyDetection" | "All";
export interface DescribeTargetHealthOutput {
  TargetHealthDescriptions?: TargetHealthDescription[];
}
export interface DuplicateTargetGroupNameException {
  Message?: string;
}
export type EnablePrefixForIpv6SourceNatEnum = "on" | "off";
export interface FixedResponseActionConfig {
  MessageBody?: string;
  StatusCode: string;
  ContentType?: string;
}
export interface ForwardActionConfig {
  TargetGroups?: TargetGroupTuple[];
  TargetGroupStickinessConfig?: TargetGroupStickinessConfig;
}
export interface HealthUnavailableException {
  Message?: string;
}
export interface HostHeaderConditionConfig {
  Values?: string[];
  RegexValues?: string[];
}
export interface HostHeaderRewriteConfig {
  Rewrites?: RewriteConfig[];
}
export interface HttpHeaderConditionConfig {
  HttpHeaderName?: string;
  Values?: string[];
  RegexValues?: string[];
}
export interface HttpRequestMethodConditionConfig {
  Values?: string[];
}
export interface IncompatibleProtocolsException {
  Message?: string;
}
export interface InvalidConfigurationRequestException {
  Message?: string;
}
export interface InvalidLoadBalancerActionException {
  Message?: string;
}
export interface InvalidTargetException {
  Message?: string;
}
export type IpAddressType = "ipv4" | "dualstack" | "dualstack-without-public-ipv4";
export interface IpamPools {
  Ipv4IpamPoolId?: string;
}
export interface JwtValidationActionAdditionalClaim {
  Format: JwtValidationActionAdditionalClaimFormatEnum;
  Name: string;
  Values: string[];
}
export type JwtValidationActionAdditionalClaimFormatEnum = "single-string" | "string-array" | "space-separated-values";
export interface JwtValidationActionConfig {
  JwksEndpoint: string;
  Issuer: string;
  AdditionalClaims?: JwtValidationActionAdditionalClaim[];
}
export interface Listener {
  ListenerArn?: string;
  LoadBalancerArn?: string;
  Port?: number;
  Protocol?: ProtocolEnum;
  Certificates?: Certificate[];
  SslPolicy?: string;
  DefaultActions?: Action[];
  AlpnPolicy?: string[];
  MutualAuthentication?: MutualAuthenticationAttributes;
}
export interface ListenerNotFoundException {
  Message?: string;
}
export interface LoadBalancer {
  LoadBalancerArn?: string;
  DNSName?: string;
  CanonicalHostedZoneId?: string;
  CreatedTime?: Date;
  LoadBalancerName?: string;
  Scheme?: LoadBalancerSchemeEnum;
  VpcId?: string;
  State?: LoadBalancerState;
  Type?: LoadBalancerTypeEnum;
  AvailabilityZones?: AvailabilityZone[];
  SecurityGroups?: string[];
  IpAddressType?: IpAddressType;
  CustomerOwnedIpv4Pool?: string;
  EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic?: string;
  EnablePrefixForIpv6SourceNat?: EnablePrefixForIpv6SourceNatEnum;
  IpamPools?: IpamPools;
}
export interface LoadBalancerAddress {
  IpAddress?: string;
  AllocationId?: string;
  PrivateIPv4Address?: string;
  IPv6Address?: string;
}
export interface LoadBalancerNotFoundException {
  Message?: string;
}
export type LoadBalancerSchemeEnum = "internet-facing" | "internal";
export interface LoadBalancerState {
  Code?: LoadBalancerStateEnum;
  Reason?: string;
}
export type LoadBalancerStateEnum = "active" | "provisioning" | "active_impaired" | "failed";
export type LoadBalancerTypeEnum = "application" | "network" | "gateway";
export interface Matcher {
  HttpCode?: string;
  GrpcCode?: string;
}
export type MitigationInEffectEnum = "yes" | "no";
export interface ModifyRuleInput {
  RuleArn: string;
  Conditions?: RuleCondition[];
  Actions?: Action[];
  Transforms?: RuleTransform[];
  ResetTransforms?: boolean;
}
export interface ModifyRuleOutput {
  Rules?: Rule[];
}
export interface ModifyTargetGroupAttributesInput {
  TargetGroupArn: string;
  Attributes: TargetGroupAttribute[];
}
export interface ModifyTargetGroupAttributesOutput {
  Attributes?: TargetGroupAttribute[];
}
export interface ModifyTargetGroupInput {
  TargetGroupArn: string;
  HealthCheckProtocol?: ProtocolEnum;
  HealthCheckPort?: string;
  HealthCheckPath?: string;
  HealthCheckEnabled?: boolean;
  HealthCheckIntervalSeconds?: number;
  HealthCheckTimeoutSeconds?: number;
  HealthyThresholdCount?: number;
  UnhealthyThresholdCount?: number;
  Matcher?: Matcher;
}
export interface ModifyTargetGroupOutput {
  TargetGroups?: TargetGroup[];
}
export interface MutualAuthenticationAttributes {
  Mode?: string;
  TrustStoreArn?: string;
  IgnoreClientCertificateExpiry?: boolean;
  TrustStoreAssociationStatus?: TrustStoreAssociationStatusEnum;
  AdvertiseTrustStoreCaNames?: AdvertiseTrustStoreCaNamesEnum;
}
export interface OperationNotPermittedException {
  Message?: string;
}
export interface PathPatternConditionConfig {
  Values?: string[];
  RegexValues?: string[];
}
export interface PriorityInUseException {
  Message?: string;
}
export type ProtocolEnum = "HTTP" | "HTTPS" | "TCP" | "TLS" | "UDP" | "TCP_UDP" | "GENEVE" | "QUIC" | "TCP_QUIC";
export interface QueryStringConditionConfig {
  Values?: QueryStringKeyValuePair[];
}
export interface QueryStringKeyValuePair {
  Key?: string;
  Value?: string;
}
export interface RedirectActionConfig {
  Protocol?: string;
  Port?: string;
  Host?: string;
  Path?: string;
  Query?: string;
  StatusCode: RedirectActionStatusCodeEnum;
}
export type RedirectActionStatusCodeEnum = "HTTP_301" | "HTTP_302";
export interface RegisterTargetsInput {
  TargetGroupArn: string;
  Targets: TargetDescription[];
}
export type RegisterTargetsOutput = Unit;
export interface ResourceInUseException {
  Message?: string;
}
export interface RewriteConfig {
  Regex: string;
  Replace: string;
}
export interface Rule {
  RuleArn?: string;
  Priority?: string;
  Conditions?: RuleCondition[];
  Actions?: Action[];
  IsDefault?: boolean;
  Transforms?: RuleTransform[];
}
export interface RuleCondition {
  Field?: string;
  Values?: string[];
  HostHeaderConfig?: HostHeaderConditionConfig;
  PathPatternConfig?: PathPatternConditionConfig;
  HttpHeaderConfig?: HttpHeaderConditionConfig;
  QueryStringConfig?: QueryStringConditionConfig;
  HttpRequestMethodConfig?: HttpRequestMethodConditionConfig;
  SourceIpConfig?: SourceIpConditionConfig;
  RegexValues?: string[];
}
export interface RuleNotFoundException {
  Message?: string;
}
export interface RuleTransform {
  Type: TransformTypeEnum;
  HostHeaderRewriteConfig?: HostHeaderRewriteConfig;
  UrlRewriteConfig?: UrlRewriteConfig;
}
export interface SourceIpConditionConfig {
  Values?: string[];
}
export interface Tag {
  Key: string;
  Value?: string;
}
export type TargetAdministrativeOverrideReasonEnum = "AdministrativeOverride.Unknown" | "AdministrativeOverride.NoOverride" | "AdministrativeOverride.ZonalShiftActive" | "AdministrativeOverride.ZonalShiftDelegatedToDns";
export type TargetAdministrativeOverrideStateEnum = "unknown" | "no_override" | "zonal_shift_active" | "zonal_shift_delegated_to_dns";
export interface TargetDescription {
  Id: string;
  Port?: number;
  AvailabilityZone?: string;
  QuicServerId?: string;
}
export interface TargetGroup {
  TargetGroupArn?: string;
  TargetGroupName?: string;
  Protocol?: ProtocolEnum;
  Port?: number;
  VpcId?: string;
  HealthCheckProtocol?: ProtocolEnum;
  HealthCheckPort?: string;
  HealthCheckEnabled?: boolean;
  HealthCheckIntervalSeconds?: number;
  HealthCheckTimeoutSeconds?: number;
  HealthyThresholdCount?: number;
  UnhealthyThresholdCount?: number;
  HealthCheckPath?: string;
  Matcher?: Matcher;
  LoadBalancerArns?: string[];
  TargetType?: TargetTypeEnum;
  ProtocolVersion?: string;
  IpAddressType?: TargetGroupIpAddressTypeEnum;
  TargetControlPort?: number;
}
export interface TargetGroupAssociationLimitException {
  Message?: string;
}
export interface TargetGroupAttribute {
  Key?: string;
  Value?: string;
}
export type TargetGroupIpAddressTypeEnum = "ipv4" | "ipv6";
export interface TargetGroupNotFoundException {
  Message?: string;
}
export interface TargetGroupStickinessConfig {
  Enabled?: boolean;
  DurationSeconds?: number;
}
export interface TargetGroupTuple {
  TargetGroupArn?: string;
  Weight?: number;
}
export interface TargetHealth {
  State?: TargetHealthStateEnum;
  Reason?: TargetHealthReasonEnum;
  Description?: string;
}
export interface TargetHealthDescription {
  Target?: TargetDescription;
  HealthCheckPort?: string;
  TargetHealth?: TargetHealth;
  AnomalyDetection?: AnomalyDetection;
  AdministrativeOverride?: AdministrativeOverride;
}
export type TargetHealthReasonEnum = "Elb.RegistrationInProgress" | "Elb.InitialHealthChecking" | "Target.ResponseCodeMismatch" | "Target.Timeout" | "Target.FailedHealthChecks" | "Target.NotRegistered" | "Target.NotInUse" | "Target.DeregistrationInProgress" | "Target.InvalidState" | "Target.IpUnusable" | "Target.HealthCheckDisabled" | "Elb.InternalError";
export type TargetHealthStateEnum = "initial" | "healthy" | "unhealthy" | "unhealthy.draining" | "unused" | "draining" | "unavailable";
export type TargetTypeEnum = "instance" | "ip" | "lambda" | "alb";
export interface TooManyActionsException {
  Message?: string;
}
export interface TooManyRegistrationsForTargetIdException {
  Message?: string;
}
export interface TooManyRulesException {
  Message?: string;
}
export interface TooManyTagsException {
  Message?: string;
}
export interface TooManyTargetGroupsException {
  Message?: string;
}
export interface TooManyTargetsException {
  Message?: string;
}
export interface TooManyUniqueTargetGroupsPerLoadBalancerException {
  Message?: string;
}
export type TransformTypeEnum = "host-header-rewrite" | "url-rewrite";
export type TrustStoreAssociationStatusEnum = "active" | "removed";
export interface UnsupportedProtocolException {
  Message?: string;
}
export interface UrlRewriteConfig {
  Rewrites?: RewriteConfig[];
}

/** Input and output of each operation the emulator serves. */
export interface Operations {
  DescribeLoadBalancers: { input: DescribeLoadBalancersInput; output: DescribeLoadBalancersOutput };
  DescribeTargetGroups: { input: DescribeTargetGroupsInput; output: DescribeTargetGroupsOutput };
  DescribeTargetHealth: { input: DescribeTargetHealthInput; output: DescribeTargetHealthOutput };
  DescribeListeners: { input: DescribeListenersInput; output: DescribeListenersOutput };
  DescribeTargetGroupAttributes: { input: DescribeTargetGroupAttributesInput; output: DescribeTargetGroupAttributesOutput };
  ModifyTargetGroupAttributes: { input: ModifyTargetGroupAttributesInput; output: ModifyTargetGroupAttributesOutput };
  ModifyTargetGroup: { input: ModifyTargetGroupInput; output: ModifyTargetGroupOutput };
  DescribeRules: { input: DescribeRulesInput; output: DescribeRulesOutput };
  CreateTargetGroup: { input: CreateTargetGroupInput; output: CreateTargetGroupOutput };
  CreateRule: { input: CreateRuleInput; output: CreateRuleOutput };
  ModifyRule: { input: ModifyRuleInput; output: ModifyRuleOutput };
  DeleteRule: { input: DeleteRuleInput; output: DeleteRuleOutput };
  DeleteTargetGroup: { input: DeleteTargetGroupInput; output: DeleteTargetGroupOutput };
  RegisterTargets: { input: RegisterTargetsInput; output: RegisterTargetsOutput };
  DeregisterTargets: { input: DeregisterTargetsInput; output: DeregisterTargetsOutput };
}
