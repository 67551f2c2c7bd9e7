// Types of the sts shapes the emulator serves, derived from sts-2011-06-15.json (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export interface AssumeRoleRequest {
  RoleArn: string;
  RoleSessionName: string;
  PolicyArns?: PolicyDescriptorType[];
  Policy?: string;
  DurationSeconds?: number;
  Tags?: Tag[];
  TransitiveTagKeys?: string[];
  ExternalId?: string;
  SerialNumber?: string;
  TokenCode?: string;
  SourceIdentity?: string;
  ProvidedContexts?: ProvidedContext[];
}
export interface AssumeRoleResponse {
  Credentials?: Credentials;
  AssumedRoleUser?: AssumedRoleUser;
  PackedPolicySize?: number;
  SourceIdentity?: string;
}
export interface AssumedRoleUser {
  AssumedRoleId: string;
  Arn: string;
}
export interface Credentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: Date;
}
export interface ExpiredTokenException {
  message?: string;
}
export type GetCallerIdentityRequest = Unit;
export interface GetCallerIdentityResponse {
  UserId?: string;
  Account?: string;
  Arn?: string;
}
export interface GetSessionTokenRequest {
  DurationSeconds?: number;
  SerialNumber?: string;
  TokenCode?: string;
}
export interface GetSessionTokenResponse {
  Credentials?: Credentials;
}
export interface MalformedPolicyDocumentException {
  message?: string;
}
export interface PackedPolicyTooLargeException {
  message?: string;
}
export interface PolicyDescriptorType {
  arn?: string;
}
export interface ProvidedContext {
  ProviderArn?: string;
  ContextAssertion?: string;
}
export interface RegionDisabledException {
  message?: string;
}
export interface Tag {
  Key: string;
  Value: string;
}

/** Input and output of each operation the emulator serves. */
export interface Operations {
  GetCallerIdentity: { input: GetCallerIdentityRequest; output: GetCallerIdentityResponse };
  AssumeRole: { input: AssumeRoleRequest; output: AssumeRoleResponse };
  GetSessionToken: { input: GetSessionTokenRequest; output: GetSessionTokenResponse };
}
