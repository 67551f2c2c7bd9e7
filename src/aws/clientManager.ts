import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { credentialChain, credentialClientConfig, type CredentialChainOptions } from './credentials';
import { listSsoSessions, type SsoSessionInfo } from './profiles';
import { parseSsoRoleProfile } from './ssoRole';
import { Emitter } from './events';
import { loadSdk, type Sdk } from './sdkLoader';

/** Who and where the extension talks to. `profile` undefined means the SDK's default chain. */
export interface AwsContext {
  profile?: string;
  region: string;
  /** Custom endpoint (LocalStack, the sandbox emulator). Unset: the SDK's own resolution, which
   * honours AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE> and a profile's endpoint_url. */
  endpoint?: string;
}

/**
 * Where one command or explorer node acts: unset members take the current context's. `profile: ''`
 * is the SDK's default chain (no profile).
 */
export interface Scope {
  profile?: string;
  region?: string;
}

/** A scope with every member decided: `profile` undefined is the default chain. */
export interface AwsScope {
  profile?: string;
  region: string;
}

export interface ClientOptions {
  maxAttempts: number;
  requestTimeoutMs: number;
  connectTimeoutMs: number;
}

export const DEFAULT_CLIENT_OPTIONS: ClientOptions = { maxAttempts: 5, requestTimeoutMs: 30_000, connectTimeoutMs: 5_000 };

/** Every client the extension may use; a new service is one line here. */
const CLIENT_CONSTRUCTORS = {
  ecs: (sdk: Sdk) => sdk.ECSClient,
  ecr: (sdk: Sdk) => sdk.ECRClient,
  sts: (sdk: Sdk) => sdk.STSClient,
  iam: (sdk: Sdk) => sdk.iam.IAMClient,
  logs: (sdk: Sdk) => sdk.logs.CloudWatchLogsClient,
  logsLiveTail: (sdk: Sdk) => sdk.logs.CloudWatchLogsClient,
  secretsmanager: (sdk: Sdk) => sdk.secretsmanager.SecretsManagerClient,
  ssm: (sdk: Sdk) => sdk.ssm.SSMClient,
  autoscaling: (sdk: Sdk) => sdk.autoscaling.ApplicationAutoScalingClient,
  /** EC2 Auto Scaling: the groups an ASG capacity provider is made from. */
  ec2autoscaling: (sdk: Sdk) => sdk.ec2autoscaling.AutoScalingClient,
  cloudwatch: (sdk: Sdk) => sdk.cloudwatch.CloudWatchClient,
  elbv2: (sdk: Sdk) => sdk.elbv2.ElasticLoadBalancingV2Client,
  ec2: (sdk: Sdk) => sdk.ec2.EC2Client,
  codedeploy: (sdk: Sdk) => sdk.codedeploy.CodeDeployClient,
  kms: (sdk: Sdk) => sdk.kms.KMSClient,
  // The Price List API: its endpoints are in us-east-1, eu-central-1 and ap-south-1 only (the caller picks one).
  pricing: (sdk: Sdk) => sdk.pricing.PricingClient,
};

export type ClientKind = keyof typeof CLIENT_CONSTRUCTORS;
export type ClientOf<K extends ClientKind> = InstanceType<ReturnType<(typeof CLIENT_CONSTRUCTORS)[K]>>;

export interface ContextChange {
  previous: AwsContext;
  current: AwsContext;
}

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

export function sameContext(a: AwsContext, b: AwsContext): boolean {
  return a.profile === b.profile && a.region === b.region && a.endpoint === b.endpoint;
}

/**
 * The only place that constructs AWS SDK clients. Clients are cached per (kind, profile, region,
 * endpoint) and destroyed when the context or the options change; credentials are resolved once per
 * profile and shared by all clients and regions, so an SSO or assume-role session is not fetched per
 * service or region.
 */
export class ClientManager {
  private readonly changed = new Emitter<ContextChange>();
  readonly onDidChangeContext = this.changed.event;

  private clients = new Map<string, Promise<{ destroy(): void }>>();
  private credentialProviders = new Map<string, Promise<AwsCredentialIdentityProvider>>();
  private identities = new Map<string, Promise<CallerIdentity>>();

  constructor(
    private current: AwsContext,
    private options: ClientOptions = DEFAULT_CLIENT_OPTIONS,
  ) {}

  get context(): AwsContext {
    return { ...this.current };
  }

  /** Switches profile, region or endpoint. Fires onDidChangeContext only when something changed. */
  setContext(next: AwsContext): void {
    const normalized: AwsContext = { profile: next.profile || undefined, region: next.region, endpoint: next.endpoint || undefined };
    if (sameContext(normalized, this.current)) return;
    const previous = this.current;
    this.current = normalized;
    this.reset();
    this.changed.fire({ previous, current: this.context });
  }

  setOptions(options: ClientOptions): void {
    if (JSON.stringify(options) === JSON.stringify(this.options)) return;
    this.options = options;
    this.reset();
  }

  /** The scope a command acts in: `scope`'s members, the current context's for the rest. */
  resolve(scope: Scope = {}): AwsScope {
    return {
      profile: scope.profile === undefined ? this.current.profile : scope.profile || undefined,
      region: scope.region || this.current.region,
    };
  }

  /** A client of the given kind for the current context, or for another region or profile of it. */
  async client<K extends ClientKind>(kind: K, scope: Scope = {}): Promise<ClientOf<K>> {
    const resolved = this.resolve(scope);
    const key = [kind, resolved.profile ?? '', resolved.region, this.current.endpoint ?? ''].join('|');
    let client = this.clients.get(key);
    if (!client) {
      client = this.createClient(kind, resolved);
      this.clients.set(key, client);
      client.catch(() => this.clients.delete(key));
    }
    return (await client) as ClientOf<K>;
  }

  /** A client together with the SDK module its commands come from: what every reader and writer needs. */
  async clientWithSdk<K extends ClientKind>(kind: K, scope: Scope = {}): Promise<{ sdk: Sdk; client: ClientOf<K> }> {
    const [sdk, client] = await Promise.all([loadSdk(), this.client(kind, scope)]);
    return { sdk, client };
  }

  /** Resolves a profile's credentials (local for static keys, a network call for SSO or assume-role). */
  async credentials(scope: Scope = {}): Promise<AwsCredentialIdentity> {
    const provider = await this.credentialProvider(this.resolve(scope).profile);
    return provider();
  }

  /** STS GetCallerIdentity, cached per profile and region. */
  callerIdentity(scope: Scope = {}): Promise<CallerIdentity> {
    const resolved = this.resolve(scope);
    const key = JSON.stringify([resolved.profile, resolved.region, this.current.endpoint]);
    let value = this.identities.get(key);
    if (!value) {
      const pending = (async () => {
        const { sdk, client: sts } = await this.clientWithSdk('sts', resolved);
        const out = await sts.send(new sdk.GetCallerIdentityCommand({}));
        return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
      })();
      this.identities.set(key, pending);
      pending.catch(() => {
        if (this.identities.get(key) === pending) this.identities.delete(key);
      });
      value = pending;
    }
    return value;
  }

  /**
   * The IAM Identity Center portal of a session, in its own sso_region, with the session's access
   * token (refreshed through SSO OIDC when it is about to expire), read through `anchor`, a profile
   * that uses the session. For browsing the session's accounts and roles.
   */
  async ssoPortal(session: SsoSessionInfo, anchor: string): Promise<{ sdk: Sdk; client: InstanceType<Sdk['sso']['SSOClient']>; accessToken: string }> {
    const sdk = await loadSdk();
    const clientConfig = credentialClientConfig(sdk, { endpoint: this.current.endpoint, ...this.options });
    const token = await sdk.ssoTokenProvider({ profile: anchor, clientConfig })();
    const client = new sdk.sso.SSOClient({ region: session.region, maxAttempts: this.options.maxAttempts, ...clientConfig });
    return { sdk, client, accessToken: token.token };
  }

  /** How many clients are alive: for tests and diagnostics. */
  get clientCount(): number {
    return this.clients.size;
  }

  dispose(): void {
    this.reset();
    this.changed.dispose();
  }

  /** Drops cached clients and credentials, e.g. after the user ran `aws sso login` and hit refresh. */
  invalidate(): void {
    this.reset();
  }

  private reset(): void {
    const clients = [...this.clients.values()];
    this.clients.clear();
    this.credentialProviders.clear();
    this.identities.clear();
    for (const client of clients) client.then((c) => c.destroy(), () => undefined);
  }

  private credentialProvider(profile: string | undefined): Promise<AwsCredentialIdentityProvider> {
    const key = profile ?? '';
    let provider = this.credentialProviders.get(key);
    if (!provider) {
      const { endpoint } = this.current;
      provider = Promise.all([loadSdk(), browsedRole(profile)]).then(([sdk, ssoRole]) => credentialChain(sdk, { profile, ssoRole, endpoint, ...this.options }));
      this.credentialProviders.set(key, provider);
    }
    return provider;
  }

  private async createClient(kind: ClientKind, scope: AwsScope): Promise<{ destroy(): void }> {
    const sdk = await loadSdk();
    const Client = CLIENT_CONSTRUCTORS[kind](sdk);
    const credentials = await this.credentialProvider(scope.profile);
    return new Client({
      region: scope.region,
      // A browsed SSO role is no profile of the config files: the SDK must not look one up.
      profile: parseSsoRoleProfile(scope.profile) ? undefined : scope.profile,
      credentials,
      endpoint: this.current.endpoint,
      // Follow restarts a live tail itself; a refused one (its quota is a LimitExceededException) falls back at once.
      maxAttempts: kind === 'logsLiveTail' ? 1 : this.options.maxAttempts,
      retryMode: 'adaptive',
      // A custom endpoint is the host to talk to: no host prefix (StartLiveTail's `stream-`) before it (aws-sdk-js-v3#7146).
      disableHostPrefix: this.current.endpoint !== undefined,
      // StartLiveTail is an HTTP/2 event stream that lasts up to 3 hours: no request timeout.
      requestHandler: kind === 'logsLiveTail' ? new sdk.NodeHttp2Handler({ requestTimeout: 0 }) : new sdk.NodeHttpHandler({
        connectionTimeout: this.options.connectTimeoutMs,
        requestTimeout: this.options.requestTimeoutMs,
      }),
    });
  }
}

/** For a browsed account and role (`Role@account [session]`): its session and the profile that anchors it. */
async function browsedRole(profile: string | undefined): Promise<CredentialChainOptions['ssoRole']> {
  const role = parseSsoRoleProfile(profile);
  if (!role) return undefined;
  const session = (await listSsoSessions()).find((s) => s.name === role.session);
  if (!session?.profiles.length) throw new Error(`The sso-session "${role.session}" of ${profile} is not in your AWS config file with a profile that uses it.`);
  return { role, session, anchor: session.profiles[0] };
}
