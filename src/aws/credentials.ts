/**
 * The credential chain of one profile, and where its traffic goes. Credentials are resolved once
 * per profile and shared by every client and region.
 */
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { isLoopbackEndpoint } from './endpoints';
import type { SsoSessionInfo } from './profiles';
import type { SsoRole } from './ssoRole';
import type { Sdk } from './sdkLoader';

export interface CredentialChainOptions {
  profile?: string;
  /** A browsed account and role of a session (instead of a profile), with the profile whose session it is. */
  ssoRole?: { role: SsoRole; session: SsoSessionInfo; anchor: string };
  /** The custom endpoint AWS calls go to, if any. */
  endpoint?: string;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

/**
 * The SDK's default chain (environment, SSO, assume role, credential_process, container and
 * instance metadata) for `profile`.
 *
 * No region is given to it on purpose: the SDK lets `clientConfig.region` override a profile's
 * `sso_region`, which sends GetRoleCredentials to the portal of the region being browsed
 * (aws-sdk-js-v3#6864). Without it IAM Identity Center and SSO OIDC are asked in the profile's own
 * sso_region, and STS (assume role) in the region of the client it serves.
 *
 * Credential traffic reaches a custom endpoint only when that endpoint is on this machine
 * (LocalStack, the sandbox); a remote custom endpoint is a third party, so the chain then talks to
 * AWS as the SDK would.
 */
export function credentialChain(sdk: Sdk, options: CredentialChainOptions): AwsCredentialIdentityProvider {
  const clientConfig = credentialClientConfig(sdk, options);
  const browsed = options.ssoRole;
  if (browsed) {
    // The anchor profile brings the session's token (and its refresh); account and role are the browsed ones.
    return sdk.fromSSO({
      profile: browsed.anchor,
      ssoSession: browsed.session.name,
      ssoStartUrl: browsed.session.startUrl,
      ssoRegion: browsed.session.region,
      ssoAccountId: browsed.role.accountId,
      ssoRoleName: browsed.role.roleName,
      clientConfig,
    });
  }
  // Re-read ~/.aws/config, credentials and the SSO cache: the user may have signed in since.
  return sdk.fromNodeProviderChain({ profile: options.profile, ignoreCache: true, clientConfig });
}

/** What the credential clients (SSO, OIDC, STS) are given: never a region; a loopback transport when local. */
export function credentialClientConfig(sdk: Sdk, options: Pick<CredentialChainOptions, 'endpoint' | 'connectTimeoutMs' | 'requestTimeoutMs'>): { requestHandler?: NodeHttpHandler } {
  return isLoopbackEndpoint(options.endpoint) ? { requestHandler: loopbackHandler(sdk, options.endpoint!, options) } : {};
}

type NodeHttpHandler = InstanceType<Sdk['NodeHttpHandler']>;
type HttpRequest = Parameters<NodeHttpHandler['handle']>[0];

/**
 * Sends each request to the local endpoint while keeping the AWS host name the SDK resolved in its
 * Host header (`portal.sso.eu-west-1.amazonaws.com`), the way a local stand-in's DNS would: the
 * stand-in then knows which region's portal, OIDC or STS was asked, which a fixed endpoint URL hides.
 */
function loopbackHandler(sdk: Sdk, endpoint: string, options: Pick<CredentialChainOptions, 'connectTimeoutMs' | 'requestTimeoutMs'>): NodeHttpHandler {
  const target = new URL(endpoint);
  const inner = new sdk.NodeHttpHandler({ connectionTimeout: options.connectTimeoutMs, requestTimeout: options.requestTimeoutMs });
  const handler = Object.create(inner) as NodeHttpHandler;
  handler.handle = (request: HttpRequest, handlerOptions) => {
    const host = request.headers.host ?? `${request.hostname}${request.port ? `:${request.port}` : ''}`;
    const basePath = target.pathname.replace(/\/$/, '');
    const redirected = Object.assign(Object.create(Object.getPrototypeOf(request)), request, {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port ? Number(target.port) : undefined,
      path: `${basePath}${request.path}`,
      headers: { ...request.headers, host },
    }) as HttpRequest;
    return inner.handle(redirected, handlerOptions);
  };
  return handler;
}
