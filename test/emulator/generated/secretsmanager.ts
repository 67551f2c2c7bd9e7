// Types of the secretsmanager shapes the emulator serves, derived from secrets-manager-2017-10-17.json (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export interface CreateSecretRequest {
  Name: string;
  ClientRequestToken?: string;
  Description?: string;
  KmsKeyId?: string;
  SecretBinary?: Uint8Array | string;
  SecretString?: string;
  Tags?: Tag[];
  AddReplicaRegions?: ReplicaRegionType[];
  ForceOverwriteReplicaSecret?: boolean;
  Type?: string;
}
export interface CreateSecretResponse {
  ARN?: string;
  Name?: string;
  VersionId?: string;
  ReplicationStatus?: ReplicationStatusType[];
}
export interface DecryptionFailure {
  Message?: string;
}
export interface DescribeSecretRequest {
  SecretId: string;
}
export interface DescribeSecretResponse {
  ARN?: string;
  Name?: string;
  Type?: string;
  Description?: string;
  KmsKeyId?: string;
  RotationEnabled?: boolean;
  RotationLambdaARN?: string;
  RotationRules?: RotationRulesType;
  ExternalSecretRotationMetadata?: ExternalSecretRotationMetadataItem[];
  ExternalSecretRotationRoleArn?: string;
  LastRotatedDate?: Date;
  LastChangedDate?: Date;
  LastAccessedDate?: Date;
  DeletedDate?: Date;
  NextRotationDate?: Date;
  Tags?: Tag[];
  VersionIdsToStages?: Record<string, string[]>;
  OwningService?: string;
  CreatedDate?: Date;
  PrimaryRegion?: string;
  ReplicationStatus?: ReplicationStatusType[];
}
export interface EncryptionFailure {
  Message?: string;
}
export interface ExternalSecretRotationMetadataItem {
  Key?: string;
  Value?: string;
}
export interface Filter {
  Key?: FilterNameStringType;
  Values?: string[];
}
export type FilterNameStringType = "description" | "name" | "tag-key" | "tag-value" | "primary-region" | "owning-service" | "all";
export interface GetSecretValueRequest {
  SecretId: string;
  VersionId?: string;
  VersionStage?: string;
}
export interface GetSecretValueResponse {
  ARN?: string;
  Name?: string;
  VersionId?: string;
  SecretBinary?: Uint8Array | string;
  SecretString?: string;
  VersionStages?: string[];
  CreatedDate?: Date;
}
export interface InternalServiceError {
  Message?: string;
}
export interface InvalidNextTokenException {
  Message?: string;
}
export interface InvalidParameterException {
  Message?: string;
}
export interface InvalidRequestException {
  Message?: string;
}
export interface LimitExceededException {
  Message?: string;
}
export interface ListSecretsRequest {
  IncludePlannedDeletion?: boolean;
  MaxResults?: number;
  NextToken?: string;
  Filters?: Filter[];
  SortOrder?: SortOrderType;
  SortBy?: SortByType;
}
export interface ListSecretsResponse {
  SecretList?: SecretListEntry[];
  NextToken?: string;
}
export interface MalformedPolicyDocumentException {
  Message?: string;
}
export interface PreconditionNotMetException {
  Message?: string;
}
export interface ReplicaRegionType {
  Region?: string;
  KmsKeyId?: string;
}
export interface ReplicationStatusType {
  Region?: string;
  KmsKeyId?: string;
  Status?: StatusType;
  StatusMessage?: string;
  LastAccessedDate?: Date;
}
export interface ResourceExistsException {
  Message?: string;
}
export interface ResourceNotFoundException {
  Message?: string;
}
export interface RotationRulesType {
  AutomaticallyAfterDays?: number;
  Duration?: string;
  ScheduleExpression?: string;
}
export interface SecretListEntry {
  ARN?: string;
  Name?: string;
  Type?: string;
  Description?: string;
  KmsKeyId?: string;
  RotationEnabled?: boolean;
  RotationLambdaARN?: string;
  RotationRules?: RotationRulesType;
  ExternalSecretRotationMetadata?: ExternalSecretRotationMetadataItem[];
  ExternalSecretRotationRoleArn?: string;
  LastRotatedDate?: Date;
  LastChangedDate?: Date;
  LastAccessedDate?: Date;
  DeletedDate?: Date;
  NextRotationDate?: Date;
  Tags?: Tag[];
  SecretVersionsToStages?: Record<string, string[]>;
  OwningService?: string;
  CreatedDate?: Date;
  PrimaryRegion?: string;
}
export type SortByType = "created-date" | "last-accessed-date" | "last-changed-date" | "name";
export type SortOrderType = "asc" | "desc";
export type StatusType = "InSync" | "Failed" | "InProgress";
export interface Tag {
  Key?: string;
  Value?: string;
}

/** Input and output of each operation the emulator serves. */
export interface Operations {
  ListSecrets: { input: ListSecretsRequest; output: ListSecretsResponse };
  DescribeSecret: { input: DescribeSecretRequest; output: DescribeSecretResponse };
  GetSecretValue: { input: GetSecretValueRequest; output: GetSecretValueResponse };
  CreateSecret: { input: CreateSecretRequest; output: CreateSecretResponse };
}
