// Types of the ssm shapes the emulator serves, derived from ssm-2014-11-06.json (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export type AccessType = "Standard" | "JustInTime";
export interface DescribeParametersRequest {
  Filters?: ParametersFilter[];
  ParameterFilters?: ParameterStringFilter[];
  MaxResults?: number;
  NextToken?: string;
  Shared?: boolean;
}
export interface DescribeParametersResult {
  Parameters?: ParameterMetadata[];
  NextToken?: string;
}
export interface DescribeSessionsRequest {
  State: SessionState;
  MaxResults?: number;
  NextToken?: string;
  Filters?: SessionFilter[];
}
export interface DescribeSessionsResponse {
  Sessions?: Session[];
  NextToken?: string;
}
export interface DoesNotExistException {
  Message?: string;
}
export interface GetParameterRequest {
  Name: string;
  WithDecryption?: boolean;
}
export interface GetParameterResult {
  Parameter?: Parameter;
}
export interface GetParametersByPathRequest {
  Path: string;
  Recursive?: boolean;
  ParameterFilters?: ParameterStringFilter[];
  WithDecryption?: boolean;
  MaxResults?: number;
  NextToken?: string;
}
export interface GetParametersByPathResult {
  Parameters?: Parameter[];
  NextToken?: string;
}
export interface GetParametersRequest {
  Names: string[];
  WithDecryption?: boolean;
}
export interface GetParametersResult {
  Parameters?: Parameter[];
  InvalidParameters?: string[];
}
export interface HierarchyLevelLimitExceededException {
  message?: string;
}
export interface HierarchyTypeMismatchException {
  message?: string;
}
export interface IncompatiblePolicyException {
  message?: string;
}
export interface InternalServerError {
  Message?: string;
}
export interface InvalidAllowedPatternException {
  message?: string;
}
export interface InvalidDocument {
  Message?: string;
}
export type InvalidFilterKey = Unit;
export interface InvalidFilterOption {
  message?: string;
}
export interface InvalidFilterValue {
  Message?: string;
}
export interface InvalidKeyId {
  message?: string;
}
export interface InvalidNextToken {
  Message?: string;
}
export interface InvalidPolicyAttributeException {
  message?: string;
}
export interface InvalidPolicyTypeException {
  message?: string;
}
export interface Parameter {
  Name?: string;
  Type?: ParameterType;
  Value?: string;
  Version?: number;
  Selector?: string;
  SourceResult?: string;
  LastModifiedDate?: Date;
  ARN?: string;
  DataType?: string;
}
export interface ParameterAlreadyExists {
  message?: string;
}
export interface ParameterInlinePolicy {
  PolicyText?: string;
  PolicyType?: string;
  PolicyStatus?: string;
}
export interface ParameterLimitExceeded {
  message?: string;
}
export interface ParameterMaxVersionLimitExceeded {
  message?: string;
}
export interface ParameterMetadata {
  Name?: string;
  ARN?: string;
  Type?: ParameterType;
  KeyId?: string;
  LastModifiedDate?: Date;
  LastModifiedUser?: string;
  Description?: string;
  AllowedPattern?: string;
  Version?: number;
  Tier?: ParameterTier;
  Policies?: ParameterInlinePolicy[];
  DataType?: string;
}
export interface ParameterNotFound {
  message?: string;
}
export interface ParameterPatternMismatchException {
  message?: string;
}
export interface ParameterStringFilter {
  Key: string;
  Option?: string;
  Values?: string[];
}
export type ParameterTier = "Standard" | "Advanced" | "Intelligent-Tiering";
export type ParameterType = "String" | "StringList" | "SecureString";
export interface ParameterVersionNotFound {
  message?: string;
}
export interface ParametersFilter {
  Key: ParametersFilterKey;
  Values: string[];
}
export type ParametersFilterKey = "Name" | "Type" | "KeyId";
export interface PoliciesLimitExceededException {
  message?: string;
}
export interface PutParameterRequest {
  Name: string;
  Description?: string;
  Value: string;
  Type?: ParameterType;
  KeyId?: string;
  Overwrite?: boolean;
  AllowedPattern?: string;
  Tags?: Tag[];
  Tier?: ParameterTier;
  Policies?: string;
  DataType?: string;
}
export interface PutParameterResult {
  Version?: number;
  Tier?: ParameterTier;
}
export interface ResumeSessionRequest {
  SessionId: string;
}
export interface ResumeSessionResponse {
  SessionId?: string;
  TokenValue?: string;
  StreamUrl?: string;
}
export interface Session {
  SessionId?: string;
  Target?: string;
  Status?: SessionStatus;
  StartDate?: Date;
  EndDate?: Date;
  DocumentName?: string;
  Owner?: string;
  Reason?: string;
  Details?: string;
  OutputUrl?: SessionManagerOutputUrl;
  MaxSessionDuration?: string;
  AccessType?: AccessType;
}
export interface SessionFilter {
  key: SessionFilterKey;
  value: string;
}
export type SessionFilterKey = "InvokedAfter" | "InvokedBefore" | "Target" | "Owner" | "Status" | "SessionId" | "AccessType";
export interface SessionManagerOutputUrl {
  S3OutputUrl?: string;
  CloudWatchOutputUrl?: string;
}
export type SessionState = "Active" | "History";
export type SessionStatus = "Connected" | "Connecting" | "Disconnected" | "Terminated" | "Terminating" | "Failed";
export interface StartSessionRequest {
  Target: string;
  DocumentName?: string;
  Reason?: string;
  Parameters?: Record<string, string[]>;
}
export interface StartSessionResponse {
  SessionId?: string;
  TokenValue?: string;
  StreamUrl?: string;
}
export interface Tag {
  Key: string;
  Value: string;
}
export interface TargetNotConnected {
  Message?: string;
}
export interface TerminateSessionRequest {
  SessionId: string;
}
export interface TerminateSessionResponse {
  SessionId?: string;
}
export interface TooManyUpdates {
  Message?: string;
}
export interface UnsupportedParameterType {
  message?: string;
}

/** Input and output of each operation the emulator serves. */
export interface Operations {
  GetParameter: { input: GetParameterRequest; output: GetParameterResult };
  GetParameters: { input: GetParametersRequest; output: GetParametersResult };
  GetParametersByPath: { input: GetParametersByPathRequest; output: GetParametersByPathResult };
  DescribeParameters: { input: DescribeParametersRequest; output: DescribeParametersResult };
  PutParameter: { input: PutParameterRequest; output: PutParameterResult };
  StartSession: { input: StartSessionRequest; output: StartSessionResponse };
  TerminateSession: { input: TerminateSessionRequest; output: TerminateSessionResponse };
  ResumeSession: { input: ResumeSessionRequest; output: ResumeSessionResponse };
  DescribeSessions: { input: DescribeSessionsRequest; output: DescribeSessionsResponse };
}
