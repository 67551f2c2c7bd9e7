// Types of the sso-oidc shapes the emulator serves, derived from sso-oidc-2019-06-10.json (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export interface AccessDeniedException {
  error?: string;
  reason?: AccessDeniedExceptionReason;
  error_description?: string;
}
export type AccessDeniedExceptionReason = "KMS_AccessDeniedException";
export interface AuthorizationPendingException {
  error?: string;
  error_description?: string;
}
export interface CreateTokenRequest {
  clientId: string;
  clientSecret: string;
  grantType: string;
  deviceCode?: string;
  code?: string;
  refreshToken?: string;
  scope?: string[];
  redirectUri?: string;
  codeVerifier?: string;
}
export interface CreateTokenResponse {
  accessToken?: string;
  tokenType?: string;
  expiresIn?: number;
  refreshToken?: string;
  idToken?: string;
}
export interface ExpiredTokenException {
  error?: string;
  error_description?: string;
}
export interface InternalServerException {
  error?: string;
  error_description?: string;
}
export interface InvalidClientException {
  error?: string;
  error_description?: string;
}
export interface InvalidClientMetadataException {
  error?: string;
  error_description?: string;
}
export interface InvalidGrantException {
  error?: string;
  error_description?: string;
}
export interface InvalidRedirectUriException {
  error?: string;
  error_description?: string;
}
export interface InvalidRequestException {
  error?: string;
  reason?: InvalidRequestExceptionReason;
  error_description?: string;
}
export type InvalidRequestExceptionReason = "KMS_NotFoundException" | "KMS_InvalidKeyUsageException" | "KMS_InvalidStateException" | "KMS_DisabledException";
export interface InvalidScopeException {
  error?: string;
  error_description?: string;
}
export interface RegisterClientRequest {
  clientName: string;
  clientType: string;
  scopes?: string[];
  redirectUris?: string[];
  grantTypes?: string[];
  issuerUrl?: string;
  entitledApplicationArn?: string;
}
export interface RegisterClientResponse {
  clientId?: string;
  clientSecret?: string;
  clientIdIssuedAt?: number;
  clientSecretExpiresAt?: number;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
}
export interface SlowDownException {
  error?: string;
  error_description?: string;
}
export interface StartDeviceAuthorizationRequest {
  clientId: string;
  clientSecret: string;
  startUrl: string;
}
export interface StartDeviceAuthorizationResponse {
  deviceCode?: string;
  userCode?: string;
  verificationUri?: string;
  verificationUriComplete?: string;
  expiresIn?: number;
  interval?: number;
}
export interface UnauthorizedClientException {
  error?: string;
  error_description?: string;
}
export interface UnsupportedGrantTypeException {
  error?: string;
  error_description?: string;
}

/** Input and output of each operation the emulator serves. */
export interface Operations {
  CreateToken: { input: CreateTokenRequest; output: CreateTokenResponse };
  RegisterClient: { input: RegisterClientRequest; output: RegisterClientResponse };
  StartDeviceAuthorization: { input: StartDeviceAuthorizationRequest; output: StartDeviceAuthorizationResponse };
}
