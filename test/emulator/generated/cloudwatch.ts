// Types of the cloudwatch shapes the emulator serves, derived from cloudwatch-2010-08-01.json (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export type ActionsSuppressedBy = "WaitPeriod" | "ExtensionPeriod" | "Alarm";
export interface AlarmPromQLCriteria {
  Query: string;
  PendingPeriod?: number;
  RecoveryPeriod?: number;
}
export type AlarmType = "CompositeAlarm" | "MetricAlarm";
export type ComparisonOperator = "GreaterThanOrEqualToThreshold" | "GreaterThanThreshold" | "LessThanThreshold" | "LessThanOrEqualToThreshold" | "LessThanLowerOrGreaterThanUpperThreshold" | "LessThanLowerThreshold" | "GreaterThanUpperThreshold";
export interface CompositeAlarm {
  ActionsEnabled?: boolean;
  AlarmActions?: string[];
  AlarmArn?: string;
  AlarmConfigurationUpdatedTimestamp?: Date;
  AlarmDescription?: string;
  AlarmName?: string;
  AlarmRule?: string;
  InsufficientDataActions?: string[];
  OKActions?: string[];
  StateReason?: string;
  StateReasonData?: string;
  StateUpdatedTimestamp?: Date;
  StateValue?: StateValue;
  StateTransitionedTimestamp?: Date;
  ActionsSuppressedBy?: ActionsSuppressedBy;
  ActionsSuppressedReason?: string;
  ActionsSuppressor?: string;
  ActionsSuppressorWaitPeriod?: number;
  ActionsSuppressorExtensionPeriod?: number;
}
export interface Datapoint {
  Timestamp?: Date;
  SampleCount?: number;
  Average?: number;
  Sum?: number;
  Minimum?: number;
  Maximum?: number;
  Unit?: StandardUnit;
  ExtendedStatistics?: Record<string, number>;
}
export interface DescribeAlarmsInput {
  AlarmNames?: string[];
  AlarmNamePrefix?: string;
  AlarmTypes?: AlarmType[];
  ChildrenOfAlarmName?: string;
  ParentsOfAlarmName?: string;
  StateValue?: StateValue;
  ActionPrefix?: string;
  MaxRecords?: number;
  NextToken?: string;
}
export interface DescribeAlarmsOutput {
  CompositeAlarms?: CompositeAlarm[];
  MetricAlarms?: MetricAlarm[];
  NextToken?: string;
}
export interface Dimension {
  Name: string;
  Value: string;
}
export interface DimensionFilter {
  Name: string;
  Value?: string;
}
export interface EvaluationCriteria {
  PromQLCriteria?: AlarmPromQLCriteria;
}
export type EvaluationState = "PARTIAL_DATA" | "EVALUATION_FAILURE" | "EVALUATION_ERROR";
export interface GetMetricDataInput {
  MetricDataQueries: MetricDataQuery[];
  StartTime: Date;
  EndTime: Date;
  NextToken?: string;
  ScanBy?: ScanBy;
  MaxDatapoints?: number;
  LabelOptions?: LabelOptions;
}
export interface GetMetricDataOutput {
  MetricDataResults?: MetricDataResult[];
  NextToken?: string;
  Messages?: MessageData[];
}
export interface GetMetricStatisticsInput {
  Namespace: string;
  MetricName: string;
  Dimensions?: Dimension[];
  StartTime: Date;
  EndTime: Date;
  Period: number;
  Statistics?: Statistic[];
  ExtendedStatistics?: string[];
  Unit?: StandardUnit;
}
export interface GetMetricStatisticsOutput {
  Label?: string;
  Datapoints?: Datapoint[];
}
export interface InternalServiceFault {
  Message?: string;
}
export interface InvalidNextToken {
  message?: string;
}
export interface InvalidParameterCombinationException {
  message?: string;
}
export interface InvalidParameterValueException {
  message?: string;
}
export interface LabelOptions {
  Timezone?: string;
}
export interface LimitExceededFault {
  message?: string;
}
export interface ListMetricsInput {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: DimensionFilter[];
  NextToken?: string;
  RecentlyActive?: RecentlyActive;
  IncludeLinkedAccounts?: boolean;
  OwningAccount?: string;
}
export interface ListMetricsOutput {
  Metrics?: Metric[];
  NextToken?: string;
  OwningAccounts?: string[];
}
export interface MessageData {
  Code?: string;
  Value?: string;
}
export interface Metric {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: Dimension[];
}
export interface MetricAlarm {
  AlarmName?: string;
  AlarmArn?: string;
  AlarmDescription?: string;
  AlarmConfigurationUpdatedTimestamp?: Date;
  ActionsEnabled?: boolean;
  OKActions?: string[];
  AlarmActions?: string[];
  InsufficientDataActions?: string[];
  StateValue?: StateValue;
  StateReason?: string;
  StateReasonData?: string;
  StateUpdatedTimestamp?: Date;
  MetricName?: string;
  Namespace?: string;
  Statistic?: Statistic;
  ExtendedStatistic?: string;
  Dimensions?: Dimension[];
  Period?: number;
  Unit?: StandardUnit;
  EvaluationPeriods?: number;
  DatapointsToAlarm?: number;
  Threshold?: number;
  ComparisonOperator?: ComparisonOperator;
  TreatMissingData?: string;
  EvaluateLowSampleCountPercentile?: string;
  Metrics?: MetricDataQuery[];
  ThresholdMetricId?: string;
  EvaluationState?: EvaluationState;
  StateTransitionedTimestamp?: Date;
  EvaluationCriteria?: EvaluationCriteria;
  EvaluationInterval?: number;
}
export interface MetricDataQuery {
  Id: string;
  MetricStat?: MetricStat;
  Expression?: string;
  Label?: string;
  ReturnData?: boolean;
  Period?: number;
  AccountId?: string;
}
export interface MetricDataResult {
  Id?: string;
  Label?: string;
  Timestamps?: Date[];
  Values?: number[];
  StatusCode?: StatusCode;
  Messages?: MessageData[];
}
export interface MetricStat {
  Metric: Metric;
  Period: number;
  Stat: string;
  Unit?: StandardUnit;
}
export interface MissingRequiredParameterException {
  message?: string;
}
export interface PutMetricAlarmInput {
  AlarmName: string;
  AlarmDescription?: string;
  ActionsEnabled?: boolean;
  OKActions?: string[];
  AlarmActions?: string[];
  InsufficientDataActions?: string[];
  MetricName?: string;
  Namespace?: string;
  Statistic?: Statistic;
  ExtendedStatistic?: string;
  Dimensions?: Dimension[];
  Period?: number;
  Unit?: StandardUnit;
  EvaluationPeriods?: number;
  DatapointsToAlarm?: number;
  Threshold?: number;
  ComparisonOperator?: ComparisonOperator;
  TreatMissingData?: string;
  EvaluateLowSampleCountPercentile?: string;
  Metrics?: MetricDataQuery[];
  Tags?: Tag[];
  ThresholdMetricId?: string;
  EvaluationCriteria?: EvaluationCriteria;
  EvaluationInterval?: number;
}
export type RecentlyActive = "PT3H";
export type ScanBy = "TimestampDescending" | "TimestampAscending";
export type StandardUnit = "Seconds" | "Microseconds" | "Milliseconds" | "Bytes" | "Kilobytes" | "Megabytes" | "Gigabytes" | "Terabytes" | "Bits" | "Kilobits" | "Megabits" | "Gigabits" | "Terabits" | "Percent" | "Count" | "Bytes/Second" | "Kilobytes/Second" | "Megabytes/Second" | "Gigabytes/Second" | "Terabytes/Second" | "Bits/Second" | "Kilobits/Second" | "Megabits/Second" | "Gigabits/Second" | "Terabits/Second" | "Count/Second" | "None";
export type StateValue = "OK" | "ALARM" | "INSUFFICIENT_DATA";
export type Statistic = "SampleCount" | "Average" | "Sum" | "Minimum" | "Maximum";
export type StatusCode = "Complete" | "InternalError" | "PartialData" | "Forbidden";
export interface Tag {
  Key: string;
  Value: string;
}

/** Input and output of each operation the emulator serves. */
export interface Operations {
  DescribeAlarms: { input: DescribeAlarmsInput; output: DescribeAlarmsOutput };
  GetMetricData: { input: GetMetricDataInput; output: GetMetricDataOutput };
  GetMetricStatistics: { input: GetMetricStatisticsInput; output: GetMetricStatisticsOutput };
  ListMetrics: { input: ListMetricsInput; output: ListMetricsOutput };
  PutMetricAlarm: { input: PutMetricAlarmInput; output: Unit };
}
