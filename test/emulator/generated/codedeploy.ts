// Types of the codedeploy shapes the emulator serves, derived from codedeploy-2014-10-06.json (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export interface Alarm {
  name?: string;
}
export interface AlarmConfiguration {
  enabled?: boolean;
  ignorePollAlarmFailure?: boolean;
  alarms?: Alarm[];
}
export interface AlarmsLimitExceededException {
  message?: string;
}
export interface AppSpecContent {
  content?: string;
  sha256?: string;
}
export interface ApplicationAlreadyExistsException {
  message?: string;
}
export interface ApplicationDoesNotExistException {
  message?: string;
}
export interface ApplicationInfo {
  applicationId?: string;
  applicationName?: string;
  createTime?: Date;
  linkedToGitHub?: boolean;
  gitHubAccountName?: string;
  computePlatform?: ComputePlatform;
}
export interface ApplicationLimitExceededException {
  message?: string;
}
export interface ApplicationNameRequiredException {
  message?: string;
}
export interface AutoRollbackConfiguration {
  enabled?: boolean;
  events?: AutoRollbackEvent[];
}
export type AutoRollbackEvent = "DEPLOYMENT_FAILURE" | "DEPLOYMENT_STOP_ON_ALARM" | "DEPLOYMENT_STOP_ON_REQUEST";
export interface AutoScalingGroup {
  name?: string;
  hook?: string;
  terminationHook?: string;
}
export interface BatchGetDeploymentGroupsInput {
  applicationName: string;
  deploymentGroupNames: string[];
}
export interface BatchGetDeploymentGroupsOutput {
  deploymentGroupsInfo?: DeploymentGroupInfo[];
  errorMessage?: string;
}
export interface BatchGetDeploymentTargetsInput {
  deploymentId: string;
  targetIds: string[];
}
export interface BatchGetDeploymentTargetsOutput {
  deploymentTargets?: DeploymentTarget[];
}
export interface BatchGetDeploymentsInput {
  deploymentIds: string[];
}
export interface BatchGetDeploymentsOutput {
  deploymentsInfo?: DeploymentInfo[];
}
export interface BatchLimitExceededException {
  message?: string;
}
export interface BlueGreenDeploymentConfiguration {
  terminateBlueInstancesOnDeploymentSuccess?: BlueInstanceTerminationOption;
  deploymentReadyOption?: DeploymentReadyOption;
  greenFleetProvisioningOption?: GreenFleetProvisioningOption;
}
export interface BlueInstanceTerminationOption {
  action?: InstanceAction;
  terminationWaitTimeInMinutes?: number;
}
export type BundleType = "tar" | "tgz" | "zip" | "YAML" | "JSON";
export interface CloudFormationTarget {
  deploymentId?: string;
  targetId?: string;
  lastUpdatedAt?: Date;
  lifecycleEvents?: LifecycleEvent[];
  status?: TargetStatus;
  resourceType?: string;
  targetVersionWeight?: number;
}
export type ComputePlatform = "Server" | "Lambda" | "ECS";
export interface CreateApplicationInput {
  applicationName: string;
  computePlatform?: ComputePlatform;
  tags?: Tag[];
}
export interface CreateApplicationOutput {
  applicationId?: string;
}
export interface CreateDeploymentGroupInput {
  applicationName: string;
  deploymentGroupName: string;
  deploymentConfigName?: string;
  ec2TagFilters?: EC2TagFilter[];
  onPremisesInstanceTagFilters?: TagFilter[];
  autoScalingGroups?: string[];
  serviceRoleArn: string;
  triggerConfigurations?: TriggerConfig[];
  alarmConfiguration?: AlarmConfiguration;
  autoRollbackConfiguration?: AutoRollbackConfiguration;
  outdatedInstancesStrategy?: OutdatedInstancesStrategy;
  deploymentStyle?: DeploymentStyle;
  blueGreenDeploymentConfiguration?: BlueGreenDeploymentConfiguration;
  loadBalancerInfo?: LoadBalancerInfo;
  ec2TagSet?: EC2TagSet;
  ecsServices?: ECSService[];
  onPremisesTagSet?: OnPremisesTagSet;
  tags?: Tag[];
  terminationHookEnabled?: boolean;
}
export interface CreateDeploymentGroupOutput {
  deploymentGroupId?: string;
}
export interface CreateDeploymentInput {
  applicationName: string;
  deploymentGroupName?: string;
  revision?: RevisionLocation;
  deploymentConfigName?: string;
  description?: string;
  ignoreApplicationStopFailures?: boolean;
  targetInstances?: TargetInstances;
  autoRollbackConfiguration?: AutoRollbackConfiguration;
  updateOutdatedInstancesOnly?: boolean;
  fileExistsBehavior?: FileExistsBehavior;
  overrideAlarmConfiguration?: AlarmConfiguration;
}
export interface CreateDeploymentOutput {
  deploymentId?: string;
}
export interface DeploymentAlreadyCompletedException {
  message?: string;
}
export interface DeploymentConfigDoesNotExistException {
  message?: string;
}
export type DeploymentCreator = "user" | "autoscaling" | "codeDeployRollback" | "CodeDeploy" | "CodeDeployAutoUpdate" | "CloudFormation" | "CloudFormationRollback" | "autoscalingTermination";
export interface DeploymentDoesNotExistException {
  message?: string;
}
export interface DeploymentGroupAlreadyExistsException {
  message?: string;
}
export interface DeploymentGroupDoesNotExistException {
  message?: string;
}
export interface DeploymentGroupInfo {
  applicationName?: string;
  deploymentGroupId?: string;
  deploymentGroupName?: string;
  deploymentConfigName?: string;
  ec2TagFilters?: EC2TagFilter[];
  onPremisesInstanceTagFilters?: TagFilter[];
  autoScalingGroups?: AutoScalingGroup[];
  serviceRoleArn?: string;
  targetRevision?: RevisionLocation;
  triggerConfigurations?: TriggerConfig[];
  alarmConfiguration?: AlarmConfiguration;
  autoRollbackConfiguration?: AutoRollbackConfiguration;
  deploymentStyle?: DeploymentStyle;
  outdatedInstancesStrategy?: OutdatedInstancesStrategy;
  blueGreenDeploymentConfiguration?: BlueGreenDeploymentConfiguration;
  loadBalancerInfo?: LoadBalancerInfo;
  lastSuccessfulDeployment?: LastDeploymentInfo;
  lastAttemptedDeployment?: LastDeploymentInfo;
  ec2TagSet?: EC2TagSet;
  onPremisesTagSet?: OnPremisesTagSet;
  computePlatform?: ComputePlatform;
  ecsServices?: ECSService[];
  terminationHookEnabled?: boolean;
}
export interface DeploymentGroupLimitExceededException {
  message?: string;
}
export interface DeploymentGroupNameRequiredException {
  message?: string;
}
export interface DeploymentIdRequiredException {
  message?: string;
}
export interface DeploymentInfo {
  applicationName?: string;
  deploymentGroupName?: string;
  deploymentConfigName?: string;
  deploymentId?: string;
  previousRevision?: RevisionLocation;
  revision?: RevisionLocation;
  status?: DeploymentStatus;
  errorInformation?: ErrorInformation;
  createTime?: Date;
  startTime?: Date;
  completeTime?: Date;
  deploymentOverview?: DeploymentOverview;
  description?: string;
  creator?: DeploymentCreator;
  ignoreApplicationStopFailures?: boolean;
  autoRollbackConfiguration?: AutoRollbackConfiguration;
  updateOutdatedInstancesOnly?: boolean;
  rollbackInfo?: RollbackInfo;
  deploymentStyle?: DeploymentStyle;
  targetInstances?: TargetInstances;
  instanceTerminationWaitTimeStarted?: boolean;
  blueGreenDeploymentConfiguration?: BlueGreenDeploymentConfiguration;
  loadBalancerInfo?: LoadBalancerInfo;
  additionalDeploymentStatusInfo?: string;
  fileExistsBehavior?: FileExistsBehavior;
  deploymentStatusMessages?: string[];
  computePlatform?: ComputePlatform;
  externalId?: string;
  relatedDeployments?: RelatedDeployments;
  overrideAlarmConfiguration?: AlarmConfiguration;
}
export interface DeploymentLimitExceededException {
  message?: string;
}
export interface DeploymentNotStartedException {
  message?: string;
}
export type DeploymentOption = "WITH_TRAFFIC_CONTROL" | "WITHOUT_TRAFFIC_CONTROL";
export interface DeploymentOverview {
  Pending?: number;
  InProgress?: number;
  Succeeded?: number;
  Failed?: number;
  Skipped?: number;
  Ready?: number;
}
export type DeploymentReadyAction = "CONTINUE_DEPLOYMENT" | "STOP_DEPLOYMENT";
export interface DeploymentReadyOption {
  actionOnTimeout?: DeploymentReadyAction;
  waitTimeInMinutes?: number;
}
export type DeploymentStatus = "Created" | "Queued" | "InProgress" | "Baking" | "Succeeded" | "Failed" | "Stopped" | "Ready";
export interface DeploymentStyle {
  deploymentType?: DeploymentType;
  deploymentOption?: DeploymentOption;
}
export interface DeploymentTarget {
  deploymentTargetType?: DeploymentTargetType;
  instanceTarget?: InstanceTarget;
  lambdaTarget?: LambdaTarget;
  ecsTarget?: ECSTarget;
  cloudFormationTarget?: CloudFormationTarget;
}
export interface DeploymentTargetDoesNotExistException {
  message?: string;
}
export interface DeploymentTargetIdRequiredException {
  message?: string;
}
export interface DeploymentTargetListSizeExceededException {
  message?: string;
}
export type DeploymentTargetType = "InstanceTarget" | "LambdaTarget" | "ECSTarget" | "CloudFormationTarget";
export type DeploymentType = "IN_PLACE" | "BLUE_GREEN";
export interface DescriptionTooLongException {
  message?: string;
}
export interface Diagnostics {
  errorCode?: LifecycleErrorCode;
  scriptName?: string;
  message?: string;
  logTail?: string;
}
export interface EC2TagFilter {
  Key?: string;
  Value?: string;
  Type?: EC2TagFilterType;
}
export type EC2TagFilterType = "KEY_ONLY" | "VALUE_ONLY" | "KEY_AND_VALUE";
export interface EC2TagSet {
  ec2TagSetList?: EC2TagFilter[][];
}
export interface ECSService {
  serviceName?: string;
  clusterName?: string;
}
export interface ECSServiceMappingLimitExceededException {
  message?: string;
}
export interface ECSTarget {
  deploymentId?: string;
  targetId?: string;
  targetArn?: string;
  lastUpdatedAt?: Date;
  lifecycleEvents?: LifecycleEvent[];
  status?: TargetStatus;
  taskSetsInfo?: ECSTaskSet[];
}
export interface ECSTaskSet {
  identifer?: string;
  desiredCount?: number;
  pendingCount?: number;
  runningCount?: number;
  status?: string;
  trafficWeight?: number;
  targetGroup?: TargetGroupInfo;
  taskSetLabel?: TargetLabel;
}
export interface ELBInfo {
  name?: string;
}
export type ErrorCode = "AGENT_ISSUE" | "ALARM_ACTIVE" | "APPLICATION_MISSING" | "AUTOSCALING_VALIDATION_ERROR" | "AUTO_SCALING_CONFIGURATION" | "AUTO_SCALING_IAM_ROLE_PERMISSIONS" | "CODEDEPLOY_RESOURCE_CANNOT_BE_FOUND" | "CUSTOMER_APPLICATION_UNHEALTHY" | "DEPLOYMENT_GROUP_MISSING" | "ECS_UPDATE_ERROR" | "ELASTIC_LOAD_BALANCING_INVALID" | "ELB_INVALID_INSTANCE" | "HEALTH_CONSTRAINTS" | "HEALTH_CONSTRAINTS_INVALID" | "HOOK_EXECUTION_FAILURE" | "IAM_ROLE_MISSING" | "IAM_ROLE_PERMISSIONS" | "INTERNAL_ERROR" | "INVALID_ECS_SERVICE" | "INVALID_LAMBDA_CONFIGURATION" | "INVALID_LAMBDA_FUNCTION" | "INVALID_REVISION" | "MANUAL_STOP" | "MISSING_BLUE_GREEN_DEPLOYMENT_CONFIGURATION" | "MISSING_ELB_INFORMATION" | "MISSING_GITHUB_TOKEN" | "NO_EC2_SUBSCRIPTION" | "NO_INSTANCES" | "OVER_MAX_INSTANCES" | "RESOURCE_LIMIT_EXCEEDED" | "REVISION_MISSING" | "THROTTLED" | "TIMEOUT" | "CLOUDFORMATION_STACK_FAILURE";
export interface ErrorInformation {
  code?: ErrorCode;
  message?: string;
}
export type FileExistsBehavior = "DISALLOW" | "OVERWRITE" | "RETAIN";
export interface GetApplicationInput {
  applicationName: string;
}
export interface GetApplicationOutput {
  application?: ApplicationInfo;
}
export interface GetDeploymentGroupInput {
  applicationName: string;
  deploymentGroupName: string;
}
export interface GetDeploymentGroupOutput {
  deploymentGroupInfo?: DeploymentGroupInfo;
}
export interface GetDeploymentInput {
  deploymentId: string;
}
export interface GetDeploymentOutput {
  deploymentInfo?: DeploymentInfo;
}
export interface GetDeploymentTargetInput {
  deploymentId: string;
  targetId: string;
}
export interface GetDeploymentTargetOutput {
  deploymentTarget?: DeploymentTarget;
}
export interface GitHubLocation {
  repository?: string;
  commitId?: string;
}
export type GreenFleetProvisioningAction = "DISCOVER_EXISTING" | "COPY_AUTO_SCALING_GROUP";
export interface GreenFleetProvisioningOption {
  action?: GreenFleetProvisioningAction;
}
export type InstanceAction = "TERMINATE" | "KEEP_ALIVE";
export interface InstanceDoesNotExistException {
  message?: string;
}
export interface InstanceTarget {
  deploymentId?: string;
  targetId?: string;
  targetArn?: string;
  status?: TargetStatus;
  lastUpdatedAt?: Date;
  lifecycleEvents?: LifecycleEvent[];
  instanceLabel?: TargetLabel;
}
export interface InvalidAlarmConfigException {
  message?: string;
}
export interface InvalidApplicationNameException {
  message?: string;
}
export interface InvalidAutoRollbackConfigException {
  message?: string;
}
export interface InvalidAutoScalingGroupException {
  message?: string;
}
export interface InvalidBlueGreenDeploymentConfigurationException {
  message?: string;
}
export interface InvalidComputePlatformException {
  message?: string;
}
export interface InvalidDeploymentConfigNameException {
  message?: string;
}
export interface InvalidDeploymentGroupNameException {
  message?: string;
}
export interface InvalidDeploymentIdException {
  message?: string;
}
export interface InvalidDeploymentInstanceTypeException {
  message?: string;
}
export interface InvalidDeploymentStatusException {
  message?: string;
}
export interface InvalidDeploymentStyleException {
  message?: string;
}
export interface InvalidDeploymentTargetIdException {
  message?: string;
}
export interface InvalidEC2TagCombinationException {
  message?: string;
}
export interface InvalidEC2TagException {
  message?: string;
}
export interface InvalidECSServiceException {
  message?: string;
}
export interface InvalidExternalIdException {
  message?: string;
}
export interface InvalidFileExistsBehaviorException {
  message?: string;
}
export interface InvalidGitHubAccountTokenException {
  message?: string;
}
export interface InvalidIgnoreApplicationStopFailuresValueException {
  message?: string;
}
export interface InvalidInputException {
  message?: string;
}
export interface InvalidInstanceNameException {
  message?: string;
}
export interface InvalidInstanceStatusException {
  message?: string;
}
export interface InvalidInstanceTypeException {
  message?: string;
}
export interface InvalidLoadBalancerInfoException {
  message?: string;
}
export interface InvalidNextTokenException {
  message?: string;
}
export interface InvalidOnPremisesTagCombinationException {
  message?: string;
}
export interface InvalidRevisionException {
  message?: string;
}
export interface InvalidRoleException {
  message?: string;
}
export interface InvalidTagException {
  message?: string;
}
export interface InvalidTagsToAddException {
  message?: string;
}
export interface InvalidTargetFilterNameException {
  message?: string;
}
export interface InvalidTargetGroupPairException {
  message?: string;
}
export interface InvalidTargetInstancesException {
  message?: string;
}
export interface InvalidTimeRangeException {
  message?: string;
}
export interface InvalidTrafficRoutingConfigurationException {
  message?: string;
}
export interface InvalidTriggerConfigException {
  message?: string;
}
export interface InvalidUpdateOutdatedInstancesOnlyValueException {
  message?: string;
}
export interface LambdaFunctionInfo {
  functionName?: string;
  functionAlias?: string;
  currentVersion?: string;
  targetVersion?: string;
  targetVersionWeight?: number;
}
export interface LambdaTarget {
  deploymentId?: string;
  targetId?: string;
  targetArn?: string;
  status?: TargetStatus;
  lastUpdatedAt?: Date;
  lifecycleEvents?: LifecycleEvent[];
  lambdaFunctionInfo?: LambdaFunctionInfo;
}
export interface LastDeploymentInfo {
  deploymentId?: string;
  status?: DeploymentStatus;
  endTime?: Date;
  createTime?: Date;
}
export type LifecycleErrorCode = "Success" | "ScriptMissing" | "ScriptNotExecutable" | "ScriptTimedOut" | "ScriptFailed" | "UnknownError";
export interface LifecycleEvent {
  lifecycleEventName?: string;
  diagnostics?: Diagnostics;
  startTime?: Date;
  endTime?: Date;
  status?: LifecycleEventStatus;
}
export type LifecycleEventStatus = "Pending" | "InProgress" | "Succeeded" | "Failed" | "Skipped" | "Unknown";
export interface LifecycleHookLimitExceededException {
  message?: string;
}
export interface ListApplicationsInput {
  nextToken?: string;
}
export interface ListApplicationsOutput {
  applications?: string[];
  nextToken?: string;
}
export interface ListDeploymentGroupsInput {
  applicationName: string;
  nextToken?: string;
}
export interface ListDeploymentGroupsOutput {
  applicationName?: string;
  deploymentGroups?: string[];
  nextToken?: string;
}
export interface ListDeploymentTargetsInput {
  deploymentId: string;
  nextToken?: string;
  targetFilters?: Record<string, string[]>;
}
export interface ListDeploymentTargetsOutput {
  targetIds?: string[];
  nextToken?: string;
}
export interface ListDeploymentsInput {
  applicationName?: string;
  deploymentGroupName?: string;
  externalId?: string;
  includeOnlyStatuses?: DeploymentStatus[];
  createTimeRange?: TimeRange;
  nextToken?: string;
}
export interface ListDeploymentsOutput {
  deployments?: string[];
  nextToken?: string;
}
export interface LoadBalancerInfo {
  elbInfoList?: ELBInfo[];
  targetGroupInfoList?: TargetGroupInfo[];
  targetGroupPairInfoList?: TargetGroupPairInfo[];
}
export interface OnPremisesTagSet {
  onPremisesTagSetList?: TagFilter[][];
}
export type OutdatedInstancesStrategy = "UPDATE" | "IGNORE";
export interface RawString {
  content?: string;
  sha256?: string;
}
export interface RelatedDeployments {
  autoUpdateOutdatedInstancesRootDeploymentId?: string;
  autoUpdateOutdatedInstancesDeploymentIds?: string[];
}
export interface RevisionDoesNotExistException {
  message?: string;
}
export interface RevisionLocation {
  revisionType?: RevisionLocationType;
  s3Location?: S3Location;
  gitHubLocation?: GitHubLocation;
  string?: RawString;
  appSpecContent?: AppSpecContent;
}
export type RevisionLocationType = "S3" | "GitHub" | "String" | "AppSpecContent";
export interface RevisionRequiredException {
  message?: string;
}
export interface RoleRequiredException {
  message?: string;
}
export interface RollbackInfo {
  rollbackDeploymentId?: string;
  rollbackTriggeringDeploymentId?: string;
  rollbackMessage?: string;
}
export interface S3Location {
  bucket?: string;
  key?: string;
  bundleType?: BundleType;
  version?: string;
  eTag?: string;
}
export interface StopDeploymentInput {
  deploymentId: string;
  autoRollbackEnabled?: boolean;
}
export interface StopDeploymentOutput {
  status?: StopStatus;
  statusMessage?: string;
}
export type StopStatus = "Pending" | "Succeeded";
export interface Tag {
  Key?: string;
  Value?: string;
}
export interface TagFilter {
  Key?: string;
  Value?: string;
  Type?: TagFilterType;
}
export type TagFilterType = "KEY_ONLY" | "VALUE_ONLY" | "KEY_AND_VALUE";
export interface TagSetListLimitExceededException {
  message?: string;
}
export type TargetFilterName = "TargetStatus" | "ServerInstanceLabel";
export interface TargetGroupInfo {
  name?: string;
}
export interface TargetGroupPairInfo {
  targetGroups?: TargetGroupInfo[];
  prodTrafficRoute?: TrafficRoute;
  testTrafficRoute?: TrafficRoute;
}
export interface TargetInstances {
  tagFilters?: EC2TagFilter[];
  autoScalingGroups?: string[];
  ec2TagSet?: EC2TagSet;
}
export type TargetLabel = "Blue" | "Green";
export type TargetStatus = "Pending" | "InProgress" | "Succeeded" | "Failed" | "Skipped" | "Unknown" | "Ready";
export interface ThrottlingException {
  message?: string;
}
export interface TimeRange {
  start?: Date;
  end?: Date;
}
export interface TrafficRoute {
  listenerArns?: string[];
}
export interface TriggerConfig {
  triggerName?: string;
  triggerTargetArn?: string;
  triggerEvents?: TriggerEventType[];
}
export type TriggerEventType = "DeploymentStart" | "DeploymentSuccess" | "DeploymentFailure" | "DeploymentStop" | "DeploymentRollback" | "DeploymentReady" | "InstanceStart" | "InstanceSuccess" | "InstanceFailure" | "InstanceReady";
export interface TriggerTargetsLimitExceededException {
  message?: string;
}
export interface UnsupportedActionForDeploymentTypeException {
  message?: string;
}

/** Input and output of each operation the emulator serves. */
export interface Operations {
  ListApplications: { input: ListApplicationsInput; output: ListApplicationsOutput };
  GetApplication: { input: GetApplicationInput; output: GetApplicationOutput };
  CreateApplication: { input: CreateApplicationInput; output: CreateApplicationOutput };
  ListDeploymentGroups: { input: ListDeploymentGroupsInput; output: ListDeploymentGroupsOutput };
  GetDeploymentGroup: { input: GetDeploymentGroupInput; output: GetDeploymentGroupOutput };
  BatchGetDeploymentGroups: { input: BatchGetDeploymentGroupsInput; output: BatchGetDeploymentGroupsOutput };
  CreateDeploymentGroup: { input: CreateDeploymentGroupInput; output: CreateDeploymentGroupOutput };
  CreateDeployment: { input: CreateDeploymentInput; output: CreateDeploymentOutput };
  GetDeployment: { input: GetDeploymentInput; output: GetDeploymentOutput };
  ListDeployments: { input: ListDeploymentsInput; output: ListDeploymentsOutput };
  BatchGetDeployments: { input: BatchGetDeploymentsInput; output: BatchGetDeploymentsOutput };
  StopDeployment: { input: StopDeploymentInput; output: StopDeploymentOutput };
  ListDeploymentTargets: { input: ListDeploymentTargetsInput; output: ListDeploymentTargetsOutput };
  BatchGetDeploymentTargets: { input: BatchGetDeploymentTargetsInput; output: BatchGetDeploymentTargetsOutput };
  GetDeploymentTarget: { input: GetDeploymentTargetInput; output: GetDeploymentTargetOutput };
}
