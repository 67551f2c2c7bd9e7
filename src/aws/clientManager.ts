import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
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
  secretsmanager: (sdk: Sdk) => sdk.secretsmanager.SecretsManagerClient,
  ssm: (sdk: Sdk) => sdk.ssm.SSMClient,
  autoscaling: (sdk: Sdk) => sdk.autoscaling.ApplicationAutoScalingClient,
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
 * profile and shared by all clients, so an SSO or assume-role session is not fetched per service.
 */
export class ClientManager {
  private readonly changed = new Emitter<ContextChange>();
  readonly onDidChangeContext = this.changed.event;

  private clients = new Map<string, Promise<{ destroy(): void }>>();
  private credentialProviders = new Map<string, Promise<AwsCredentialIdentityProvider>>();
  private identity: { key: string; value: Promise<CallerIdentity> } | undefined;

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

  /** A client of the given kind for the current context; `region` picks another region of the same profile. */
  async client<K extends ClientKind>(kind: K, overrides: { region?: string } = {}): Promise<ClientOf<K>> {
    const context = { ...this.current, region: overrides.region ?? this.current.region };
    const key = [kind, context.profile ?? '', context.region, context.endpoint ?? ''].join('|');
    let client = this.clients.get(key);
    if (!client) {
      client = this.createClient(kind, context);
      this.clients.set(key, client);
      client.catch(() => this.clients.delete(key));
    }
    return (await client) as ClientOf<K>;
  }

  /** A client together with the SDK module its commands come from: what every reader and writer needs. */
  async clientWithSdk<K extends ClientKind>(kind: K, overrides: { region?: string } = {}): Promise<{ sdk: Sdk; client: ClientOf<K> }> {
    const [sdk, client] = await Promise.all([loadSdk(), this.client(kind, overrides)]);
    return { sdk, client };
  }

  /** Resolves the current profile's credentials (local for static keys, a network call for SSO or assume-role). */
  async credentials(): Promise<AwsCredentialIdentity> {
    const provider = await this.credentialProvider(this.current);
    return provider();
  }

  /** STS GetCallerIdentity, cached for the current context. */
  callerIdentity(): Promise<CallerIdentity> {
    const key = JSON.stringify(this.current);
    if (this.identity?.key !== key) {
      const value = (async () => {
        const { sdk, client: sts } = await this.clientWithSdk('sts');
        const out = await sts.send(new sdk.GetCallerIdentityCommand({}));
        return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
      })();
      this.identity = { key, value };
      value.catch(() => {
        if (this.identity?.value === value) this.identity = undefined;
      });
    }
    return this.identity!.value;
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
    this.identity = undefined;
    for (const client of clients) client.then((c) => c.destroy(), () => undefined);
  }

  private credentialProvider(context: AwsContext): Promise<AwsCredentialIdentityProvider> {
    const key = `${context.profile ?? ''}|${context.endpoint ?? ''}`;
    let provider = this.credentialProviders.get(key);
    if (!provider) {
      provider = loadSdk().then((sdk) =>
        sdk.fromNodeProviderChain({
          profile: context.profile,
          // Re-read ~/.aws/config and credentials: the user may have edited them since the last look.
          ignoreCache: true,
          // The STS/SSO clients behind assume-role and SSO go to the same custom endpoint, so a
          // LocalStack or sandbox profile with a role_arn works too.
          clientConfig: { region: context.region, ...(context.endpoint ? { endpoint: context.endpoint } : {}) },
        }),
      );
      this.credentialProviders.set(key, provider);
    }
    return provider;
  }

  private async createClient(kind: ClientKind, context: AwsContext): Promise<{ destroy(): void }> {
    const sdk = await loadSdk();
    const Client = CLIENT_CONSTRUCTORS[kind](sdk);
    const credentials = await this.credentialProvider(context);
    return new Client({
      region: context.region,
      profile: context.profile,
      credentials,
      endpoint: context.endpoint,
      maxAttempts: this.options.maxAttempts,
      retryMode: 'adaptive',
      requestHandler: new sdk.NodeHttpHandler({
        connectionTimeout: this.options.connectTimeoutMs,
        requestTimeout: this.options.requestTimeoutMs,
      }),
    });
  }
}
