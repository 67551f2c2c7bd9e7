// Types of the iam shapes the emulator serves, derived from iam-2010-05-08.json (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export interface AttachedPermissionsBoundary {
  PermissionsBoundaryType?: PermissionsBoundaryAttachmentType;
  PermissionsBoundaryArn?: string;
}
export interface GetRoleRequest {
  RoleName: string;
}
export interface GetRoleResponse {
  Role: Role;
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
export type PermissionsBoundaryAttachmentType = "PermissionsBoundaryPolicy";
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
export interface Tag {
  Key: string;
  Value: string;
}

/** Input and output of each operation the emulator serves. */
export interface Operations {
  ListRoles: { input: ListRolesRequest; output: ListRolesResponse };
  GetRole: { input: GetRoleRequest; output: GetRoleResponse };
}
