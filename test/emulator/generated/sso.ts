// Types of the sso shapes the emulator serves, derived from sso-2019-06-10.json (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export interface AccountInfo {
  accountId?: string;
  accountName?: string;
  emailAddress?: string;
}
export interface GetRoleCredentialsRequest {
  roleName: string;
  accountId: string;
  accessToken: string;
}
export interface GetRoleCredentialsResponse {
  roleCredentials?: RoleCredentials;
}
export interface InvalidRequestException {
  message?: string;
}
export interface ListAccountRolesRequest {
  nextToken?: string;
  maxResults?: number;
  accessToken: string;
  accountId: string;
}
export interface ListAccountRolesResponse {
  nextToken?: string;
  roleList?: RoleInfo[];
}
export interface ListAccountsRequest {
  nextToken?: string;
  maxResults?: number;
  accessToken: string;
}
export interface ListAccountsResponse {
  nextToken?: string;
  accountList?: AccountInfo[];
}
export interface LogoutRequest {
  accessToken: string;
}
export interface ResourceNotFoundException {
  message?: string;
}
export interface RoleCredentials {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  expiration?: number;
}
export interface RoleInfo {
  roleName?: string;
  accountId?: string;
}
export interface TooManyRequestsException {
  message?: string;
}
export interface UnauthorizedException {
  message?: string;
}

/** Input and output of each operation the emulator serves. */
export interface Operations {
  GetRoleCredentials: { input: GetRoleCredentialsRequest; output: GetRoleCredentialsResponse };
  ListAccounts: { input: ListAccountsRequest; output: ListAccountsResponse };
  ListAccountRoles: { input: ListAccountRolesRequest; output: ListAccountRolesResponse };
  Logout: { input: LogoutRequest; output: Unit };
}
