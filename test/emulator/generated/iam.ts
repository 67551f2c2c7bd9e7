// Types of the iam shapes the emulator serves, derived from iam-2010-05-08.json (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export interface AttachedPermissionsBoundary {
  PermissionsBoundaryType?: PermissionsBoundaryAttachmentType;
  PermissionsBoundaryArn?: string;
}
export interface ContextEntry {
  ContextKeyName?: string;
  ContextKeyValues?: string[];
  ContextKeyType?: ContextKeyTypeEnum;
}
export type ContextKeyTypeEnum = "string" | "stringList" | "numeric" | "numericList" | "boolean" | "booleanList" | "ip" | "ipList" | "binary" | "binaryList" | "date" | "dateList";
export interface EvaluationResult {
  EvalActionName: string;
  EvalResourceName?: string;
  EvalDecision: PolicyEvaluationDecisionType;
  MatchedStatements?: Statement[];
  MissingContextValues?: string[];
  OrganizationsDecisionDetail?: OrganizationsDecisionDetail;
  PermissionsBoundaryDecisionDetail?: PermissionsBoundaryDecisionDetail;
  EvalDecisionDetails?: Record<string, PolicyEvaluationDecisionType>;
  ResourceSpecificResults?: ResourceSpecificResult[];
}
export interface GetRoleRequest {
  RoleName: string;
}
export interface GetRoleResponse {
  Role: Role;
}
export interface InvalidInputException {
  message?: string;
}
export interface ListRolesRequest {
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListRolesResponse {
  Roles: Role[];
  IsTruncated?: boolean;
  Marker?: string;
}
export interface NoSuchEntityException {
  message?: string;
}
export interface OrganizationsDecisionDetail {
  AllowedByOrganizations?: boolean;
}
export type PermissionsBoundaryAttachmentType = "PermissionsBoundaryPolicy";
export interface PermissionsBoundaryDecisionDetail {
  AllowedByPermissionsBoundary?: boolean;
}
export type PolicyEvaluationDecisionType = "allowed" | "explicitDeny" | "implicitDeny";
export interface PolicyEvaluationException {
  message?: string;
}
export type PolicySourceType = "user" | "group" | "role" | "aws-managed" | "user-managed" | "resource" | "none";
export interface Position {
  Line?: number;
  Column?: number;
}
export interface ResourceSpecificResult {
  EvalResourceName: string;
  EvalResourceDecision: PolicyEvaluationDecisionType;
  MatchedStatements?: Statement[];
  MissingContextValues?: string[];
  EvalDecisionDetails?: Record<string, PolicyEvaluationDecisionType>;
  PermissionsBoundaryDecisionDetail?: PermissionsBoundaryDecisionDetail;
}
export interface Role {
  Path: string;
  RoleName: string;
  RoleId: string;
  Arn: string;
  CreateDate: Date;
  AssumeRolePolicyDocument?: string;
  Description?: string;
  MaxSessionDuration?: number;
  PermissionsBoundary?: AttachedPermissionsBoundary;
  Tags?: Tag[];
  RoleLastUsed?: RoleLastUsed;
}
export interface RoleLastUsed {
  LastUsedDate?: Date;
  Region?: string;
}
export interface ServiceFailureException {
  message?: string;
}
export interface SimulatePolicyResponse {
  EvaluationResults?: EvaluationResult[];
  IsTruncated?: boolean;
  Marker?: string;
}
export interface SimulatePrincipalPolicyRequest {
  PolicySourceArn: string;
  PolicyInputList?: string[];
  PermissionsBoundaryPolicyInputList?: string[];
  ActionNames: string[];
  ResourceArns?: string[];
  ResourcePolicy?: string;
  ResourceOwner?: string;
  CallerArn?: string;
  ContextEntries?: ContextEntry[];
  ResourceHandlingOption?: string;
  MaxItems?: number;
  Marker?: string;
}
export interface Statement {
  SourcePolicyId?: string;
  SourcePolicyType?: PolicySourceType;
  StartPosition?: Position;
  EndPosition?: Position;
}
export interface Tag {
  Key: string;
  Value: string;
}

/** Input and output of each operation the emulator serves. */
export interface Operations {
  ListRoles: { input: ListRolesRequest; output: ListRolesResponse };
  GetRole: { input: GetRoleRequest; output: GetRoleResponse };
  SimulatePrincipalPolicy: { input: SimulatePrincipalPolicyRequest; output: SimulatePolicyResponse };
}
