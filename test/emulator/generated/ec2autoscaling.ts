// Types of the ec2autoscaling shapes the emulator serves, derived from auto-scaling-2011-01-01.json (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export interface AcceleratorCountRequest {
  Min?: number;
  Max?: number;
}
export type AcceleratorManufacturer = "nvidia" | "amd" | "amazon-web-services" | "xilinx";
export type AcceleratorName = "a100" | "v100" | "k80" | "t4" | "m60" | "radeon-pro-v520" | "vu9p";
export interface AcceleratorTotalMemoryMiBRequest {
  Min?: number;
  Max?: number;
}
export type AcceleratorType = "gpu" | "fpga" | "inference";
export interface AutoScalingGroup {
  AutoScalingGroupName: string;
  AutoScalingGroupARN?: string;
  LaunchConfigurationName?: string;
  LaunchTemplate?: LaunchTemplateSpecification;
  MixedInstancesPolicy?: MixedInstancesPolicy;
  MinSize: number;
  MaxSize: number;
  DesiredCapacity: number;
  PredictedCapacity?: number;
  DefaultCooldown: number;
  AvailabilityZones: string[];
  AvailabilityZoneIds?: string[];
  LoadBalancerNames?: string[];
  TargetGroupARNs?: string[];
  HealthCheckType: string;
  HealthCheckGracePeriod?: number;
  Instances?: Instance[];
  CreatedTime: Date;
  SuspendedProcesses?: SuspendedProcess[];
  PlacementGroup?: string;
  VPCZoneIdentifier?: string;
  EnabledMetrics?: EnabledMetric[];
  Status?: string;
  Tags?: TagDescription[];
  TerminationPolicies?: string[];
  NewInstancesProtectedFromScaleIn?: boolean;
  ServiceLinkedRoleARN?: string;
  MaxInstanceLifetime?: number;
  CapacityRebalance?: boolean;
  WarmPoolConfiguration?: WarmPoolConfiguration;
  WarmPoolSize?: number;
  Context?: string;
  DesiredCapacityType?: string;
  DefaultInstanceWarmup?: number;
  TrafficSources?: TrafficSourceIdentifier[];
  InstanceMaintenancePolicy?: InstanceMaintenancePolicy;
  DeletionProtection?: DeletionProtection;
  AvailabilityZoneDistribution?: AvailabilityZoneDistribution;
  AvailabilityZoneImpairmentPolicy?: AvailabilityZoneImpairmentPolicy;
  CapacityReservationSpecification?: CapacityReservationSpecification;
  InstanceLifecyclePolicy?: InstanceLifecyclePolicy;
}
export interface AutoScalingGroupNamesType {
  AutoScalingGroupNames?: string[];
  IncludeInstances?: boolean;
  NextToken?: string;
  MaxRecords?: number;
  Filters?: Filter[];
}
export interface AutoScalingGroupsType {
  AutoScalingGroups: AutoScalingGroup[];
  NextToken?: string;
}
export interface AvailabilityZoneDistribution {
  CapacityDistributionStrategy?: CapacityDistributionStrategy;
}
export interface AvailabilityZoneImpairmentPolicy {
  ZonalShiftEnabled?: boolean;
  ImpairedZoneHealthCheckBehavior?: ImpairedZoneHealthCheckBehavior;
}
export type BareMetal = "included" | "excluded" | "required";
export interface BaselineEbsBandwidthMbpsRequest {
  Min?: number;
  Max?: number;
}
export interface BaselinePerformanceFactorsRequest {
  Cpu?: CpuPerformanceFactorRequest;
}
export type BurstablePerformance = "included" | "excluded" | "required";
export type CapacityDistributionStrategy = "balanced-only" | "balanced-best-effort";
export type CapacityReservationPreference = "capacity-reservations-only" | "capacity-reservations-first" | "none" | "default";
export interface CapacityReservationSpecification {
  CapacityReservationPreference?: CapacityReservationPreference;
  CapacityReservationTarget?: CapacityReservationTarget;
}
export interface CapacityReservationTarget {
  CapacityReservationIds?: string[];
  CapacityReservationResourceGroupArns?: string[];
}
export type CpuManufacturer = "intel" | "amd" | "amazon-web-services" | "apple";
export interface CpuPerformanceFactorRequest {
  References?: PerformanceFactorReferenceRequest[];
}
export type DeletionProtection = "none" | "prevent-force-deletion" | "prevent-all-deletion";
export interface EnabledMetric {
  Metric?: string;
  Granularity?: string;
}
export interface Filter {
  Name?: string;
  Values?: string[];
}
export type ImpairedZoneHealthCheckBehavior = "ReplaceUnhealthy" | "IgnoreUnhealthy";
export interface Instance {
  InstanceId: string;
  InstanceType?: string;
  AvailabilityZone: string;
  AvailabilityZoneId?: string;
  LifecycleState: LifecycleState;
  HealthStatus: string;
  LaunchConfigurationName?: string;
  LaunchTemplate?: LaunchTemplateSpecification;
  ImageId?: string;
  ProtectedFromScaleIn: boolean;
  WeightedCapacity?: string;
}
export type InstanceGeneration = "current" | "previous";
export interface InstanceLifecyclePolicy {
  RetentionTriggers?: RetentionTriggers;
}
export interface InstanceMaintenancePolicy {
  MinHealthyPercentage?: number;
  MaxHealthyPercentage?: number;
}
export interface InstanceRequirements {
  VCpuCount: VCpuCountRequest;
  MemoryMiB: MemoryMiBRequest;
  CpuManufacturers?: CpuManufacturer[];
  MemoryGiBPerVCpu?: MemoryGiBPerVCpuRequest;
  ExcludedInstanceTypes?: string[];
  InstanceGenerations?: InstanceGeneration[];
  SpotMaxPricePercentageOverLowestPrice?: number;
  MaxSpotPriceAsPercentageOfOptimalOnDemandPrice?: number;
  OnDemandMaxPricePercentageOverLowestPrice?: number;
  BareMetal?: BareMetal;
  BurstablePerformance?: BurstablePerformance;
  RequireHibernateSupport?: boolean;
  NetworkInterfaceCount?: NetworkInterfaceCountRequest;
  LocalStorage?: LocalStorage;
  LocalStorageTypes?: LocalStorageType[];
  TotalLocalStorageGB?: TotalLocalStorageGBRequest;
  BaselineEbsBandwidthMbps?: BaselineEbsBandwidthMbpsRequest;
  AcceleratorTypes?: AcceleratorType[];
  AcceleratorCount?: AcceleratorCountRequest;
  AcceleratorManufacturers?: AcceleratorManufacturer[];
  AcceleratorNames?: AcceleratorName[];
  AcceleratorTotalMemoryMiB?: AcceleratorTotalMemoryMiBRequest;
  NetworkBandwidthGbps?: NetworkBandwidthGbpsRequest;
  AllowedInstanceTypes?: string[];
  BaselinePerformanceFactors?: BaselinePerformanceFactorsRequest;
}
export interface InstanceReusePolicy {
  ReuseOnScaleIn?: boolean;
}
export interface InstancesDistribution {
  OnDemandAllocationStrategy?: string;
  OnDemandBaseCapacity?: number;
  OnDemandPercentageAboveBaseCapacity?: number;
  SpotAllocationStrategy?: string;
  SpotInstancePools?: number;
  SpotMaxPrice?: string;
}
export interface InvalidNextToken {
  message?: string;
}
export interface LaunchTemplate {
  LaunchTemplateSpecification?: LaunchTemplateSpecification;
  Overrides?: LaunchTemplateOverrides[];
}
export interface LaunchTemplateOverrides {
  InstanceType?: string;
  WeightedCapacity?: string;
  LaunchTemplateSpecification?: LaunchTemplateSpecification;
  InstanceRequirements?: InstanceRequirements;
  ImageId?: string;
}
export interface LaunchTemplateSpecification {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Version?: string;
}
export type LifecycleState = "Pending" | "Pending:Wait" | "Pending:Proceed" | "Quarantined" | "InService" | "Terminating" | "Terminating:Wait" | "Terminating:Proceed" | "Terminating:Retained" | "Terminated" | "Detaching" | "Detached" | "EnteringStandby" | "Standby" | "ReplacingRootVolume" | "ReplacingRootVolume:Wait" | "ReplacingRootVolume:Proceed" | "RootVolumeReplaced" | "Warmed:Pending" | "Warmed:Pending:Wait" | "Warmed:Pending:Proceed" | "Warmed:Pending:Retained" | "Warmed:Terminating" | "Warmed:Terminating:Wait" | "Warmed:Terminating:Proceed" | "Warmed:Terminating:Retained" | "Warmed:Terminated" | "Warmed:Stopped" | "Warmed:Running" | "Warmed:Hibernated";
export type LocalStorage = "included" | "excluded" | "required";
export type LocalStorageType = "hdd" | "ssd";
export interface MemoryGiBPerVCpuRequest {
  Min?: number;
  Max?: number;
}
export interface MemoryMiBRequest {
  Min: number;
  Max?: number;
}
export interface MixedInstancesPolicy {
  LaunchTemplate?: LaunchTemplate;
  InstancesDistribution?: InstancesDistribution;
}
export interface NetworkBandwidthGbpsRequest {
  Min?: number;
  Max?: number;
}
export interface NetworkInterfaceCountRequest {
  Min?: number;
  Max?: number;
}
export interface PerformanceFactorReferenceRequest {
  InstanceFamily?: string;
}
export interface ResourceContentionFault {
  message?: string;
}
export type RetentionAction = "retain" | "terminate";
export interface RetentionTriggers {
  TerminateHookAbandon?: RetentionAction;
}
export interface SuspendedProcess {
  ProcessName?: string;
  SuspensionReason?: string;
}
export interface TagDescription {
  ResourceId?: string;
  ResourceType?: string;
  Key?: string;
  Value?: string;
  PropagateAtLaunch?: boolean;
}
export interface TotalLocalStorageGBRequest {
  Min?: number;
  Max?: number;
}
export interface TrafficSourceIdentifier {
  Identifier: string;
  Type?: string;
}
export interface VCpuCountRequest {
  Min: number;
  Max?: number;
}
export interface WarmPoolConfiguration {
  MaxGroupPreparedCapacity?: number;
  MinSize?: number;
  PoolState?: WarmPoolState;
  Status?: WarmPoolStatus;
  InstanceReusePolicy?: InstanceReusePolicy;
}
export type WarmPoolState = "Stopped" | "Running" | "Hibernated";
export type WarmPoolStatus = "PendingDelete";

/** Input and output of each operation the emulator serves. */
export interface Operations {
  DescribeAutoScalingGroups: { input: AutoScalingGroupNamesType; output: AutoScalingGroupsType };
}
