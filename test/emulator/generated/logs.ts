// Types of the logs shapes the emulator serves, derived from cloudwatch-logs-2014-03-28.json (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export interface AccessDeniedException {
  message?: string;
}
export interface CreateLogGroupRequest {
  logGroupName: string;
  kmsKeyId?: string;
  tags?: Record<string, string>;
  logGroupClass?: LogGroupClass;
  deletionProtectionEnabled?: boolean;
}
export interface CreateLogStreamRequest {
  logGroupName: string;
  logStreamName: string;
}
export interface DataAlreadyAcceptedException {
  expectedSequenceToken?: string;
  message?: string;
}
export type DataProtectionStatus = "ACTIVATED" | "DELETED" | "ARCHIVED" | "DISABLED";
export interface DeleteLogGroupRequest {
  logGroupName: string;
}
export interface DeleteLogStreamRequest {
  logGroupName: string;
  logStreamName: string;
}
export interface DescribeLogGroupsRequest {
  accountIdentifiers?: string[];
  logGroupNamePrefix?: string;
  logGroupNamePattern?: string;
  nextToken?: string;
  limit?: number;
  includeLinkedAccounts?: boolean;
  logGroupClass?: LogGroupClass;
  logGroupIdentifiers?: string[];
}
export interface DescribeLogGroupsResponse {
  logGroups?: LogGroup[];
  nextToken?: string;
}
export interface DescribeLogStreamsRequest {
  logGroupName?: string;
  logGroupIdentifier?: string;
  logStreamNamePrefix?: string;
  orderBy?: OrderBy;
  descending?: boolean;
  nextToken?: string;
  limit?: number;
}
export interface DescribeLogStreamsResponse {
  logStreams?: LogStream[];
  nextToken?: string;
}
export interface Entity {
  keyAttributes?: Record<string, string>;
  attributes?: Record<string, string>;
}
export type EntityRejectionErrorType = "InvalidEntity" | "InvalidTypeValue" | "InvalidKeyAttributes" | "InvalidAttributes" | "EntitySizeTooLarge" | "UnsupportedLogGroupType" | "MissingRequiredFields";
export interface FilterLogEventsRequest {
  logGroupName?: string;
  logGroupIdentifier?: string;
  logStreamNames?: string[];
  logStreamNamePrefix?: string;
  startTime?: number;
  endTime?: number;
  filterPattern?: string;
  nextToken?: string;
  limit?: number;
  interleaved?: boolean;
  unmask?: boolean;
}
export interface FilterLogEventsResponse {
  events?: FilteredLogEvent[];
  searchedLogStreams?: SearchedLogStream[];
  nextToken?: string;
}
export interface FilteredLogEvent {
  logStreamName?: string;
  timestamp?: number;
  message?: string;
  ingestionTime?: number;
  eventId?: string;
}
export interface GetLogEventsRequest {
  logGroupName?: string;
  logGroupIdentifier?: string;
  logStreamName: string;
  startTime?: number;
  endTime?: number;
  nextToken?: string;
  limit?: number;
  startFromHead?: boolean;
  unmask?: boolean;
}
export interface GetLogEventsResponse {
  events?: OutputLogEvent[];
  nextForwardToken?: string;
  nextBackwardToken?: string;
}
export type InheritedProperty = "ACCOUNT_DATA_PROTECTION";
export interface InputLogEvent {
  timestamp: number;
  message: string;
}
export interface InvalidOperationException {
  message?: string;
}
export interface InvalidParameterException {
  message?: string;
}
export interface InvalidSequenceTokenException {
  expectedSequenceToken?: string;
  message?: string;
}
export interface LimitExceededException {
  message?: string;
}
export interface LiveTailSessionLogEvent {
  logStreamName?: string;
  logGroupIdentifier?: string;
  message?: string;
  timestamp?: number;
  ingestionTime?: number;
}
export interface LiveTailSessionMetadata {
  sampled?: boolean;
}
export interface LiveTailSessionStart {
  requestId?: string;
  sessionId?: string;
  logGroupIdentifiers?: string[];
  logStreamNames?: string[];
  logStreamNamePrefixes?: string[];
  logEventFilterPattern?: string;
}
export interface LiveTailSessionUpdate {
  sessionMetadata?: LiveTailSessionMetadata;
  sessionResults?: LiveTailSessionLogEvent[];
}
export interface LogGroup {
  logGroupName?: string;
  creationTime?: number;
  retentionInDays?: number;
  metricFilterCount?: number;
  arn?: string;
  storedBytes?: number;
  kmsKeyId?: string;
  dataProtectionStatus?: DataProtectionStatus;
  inheritedProperties?: InheritedProperty[];
  logGroupClass?: LogGroupClass;
  logGroupArn?: string;
  deletionProtectionEnabled?: boolean;
  bearerTokenAuthenticationEnabled?: boolean;
}
export type LogGroupClass = "STANDARD" | "INFREQUENT_ACCESS" | "DELIVERY";
export interface LogStream {
  logStreamName?: string;
  creationTime?: number;
  firstEventTimestamp?: number;
  lastEventTimestamp?: number;
  lastIngestionTime?: number;
  uploadSequenceToken?: string;
  arn?: string;
  storedBytes?: number;
}
export interface OperationAbortedException {
  message?: string;
}
export type OrderBy = "LogStreamName" | "LastEventTime";
export interface OutputLogEvent {
  timestamp?: number;
  message?: string;
  ingestionTime?: number;
}
export interface PutLogEventsRequest {
  logGroupName: string;
  logStreamName: string;
  logEvents: InputLogEvent[];
  sequenceToken?: string;
  entity?: Entity;
}
export interface PutLogEventsResponse {
  nextSequenceToken?: string;
  rejectedLogEventsInfo?: RejectedLogEventsInfo;
  rejectedEntityInfo?: RejectedEntityInfo;
}
export interface PutRetentionPolicyRequest {
  logGroupName: string;
  retentionInDays: number;
}
export interface RejectedEntityInfo {
  errorType: EntityRejectionErrorType;
}
export interface RejectedLogEventsInfo {
  tooNewLogEventStartIndex?: number;
  tooOldLogEventEndIndex?: number;
  expiredLogEventEndIndex?: number;
}
export interface ResourceAlreadyExistsException {
  message?: string;
}
export interface ResourceNotFoundException {
  message?: string;
}
export interface SearchedLogStream {
  logStreamName?: string;
  searchedCompletely?: boolean;
}
export interface ServiceUnavailableException {
  message?: string;
}
export interface SessionStreamingException {
  message?: string;
}
export interface SessionTimeoutException {
  message?: string;
}
export interface StartLiveTailRequest {
  logGroupIdentifiers: string[];
  logStreamNames?: string[];
  logStreamNamePrefixes?: string[];
  logEventFilterPattern?: string;
}
export interface StartLiveTailResponse {
  responseStream?: StartLiveTailResponseStream;
}
export interface StartLiveTailResponseStream {
  sessionStart?: LiveTailSessionStart;
  sessionUpdate?: LiveTailSessionUpdate;
  SessionTimeoutException?: SessionTimeoutException;
  SessionStreamingException?: SessionStreamingException;
}
export interface UnrecognizedClientException {
  message?: string;
}
export interface ValidationException {
  message?: string;
}

/** Input and output of each operation the emulator serves. */
export interface Operations {
  CreateLogGroup: { input: CreateLogGroupRequest; output: Unit };
  DeleteLogGroup: { input: DeleteLogGroupRequest; output: Unit };
  DescribeLogGroups: { input: DescribeLogGroupsRequest; output: DescribeLogGroupsResponse };
  CreateLogStream: { input: CreateLogStreamRequest; output: Unit };
  DeleteLogStream: { input: DeleteLogStreamRequest; output: Unit };
  DescribeLogStreams: { input: DescribeLogStreamsRequest; output: DescribeLogStreamsResponse };
  PutLogEvents: { input: PutLogEventsRequest; output: PutLogEventsResponse };
  GetLogEvents: { input: GetLogEventsRequest; output: GetLogEventsResponse };
  FilterLogEvents: { input: FilterLogEventsRequest; output: FilterLogEventsResponse };
  PutRetentionPolicy: { input: PutRetentionPolicyRequest; output: Unit };
  StartLiveTail: { input: StartLiveTailRequest; output: StartLiveTailResponse };
}
