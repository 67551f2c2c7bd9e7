import { quoteForShell, type ShellKind } from '../util/shell';
import { parseSsoRoleProfile } from './ssoRole';

/**
 * Turns whatever the SDK threw into what a person can act on: one sentence saying what is wrong,
 * and, where there is one, the fix (a command the editor layer can offer as a button or tree node).
 */
export type AwsProblemKind =
  | 'no-credentials'
  | 'unknown-profile'
  | 'sso-expired'
  | 'expired-token'
  | 'invalid-credentials'
  | 'access-denied'
  | 'throttled'
  | 'network'
  | 'not-found'
  | 'invalid-request'
  | 'other';

export type AwsFix =
  | { kind: 'select-profile' }
  /** Run `aws sso login --profile <profile>` in a terminal (`profile` undefined: the default profile). */
  | { kind: 'sso-login'; profile?: string }
  | { kind: 'open-url'; url: string }
  | { kind: 'retry' };

export interface AwsProblem {
  kind: AwsProblemKind;
  /** The whole sentence for a notification or a tree node's tooltip. */
  message: string;
  /** A short label for a tree node. */
  title: string;
  /** The error code AWS or the SDK gave, when there was one. */
  code?: string;
  /** For access-denied: the IAM action that was refused, e.g. `ecs:ListClusters`. */
  action?: string;
  fix?: AwsFix;
}

interface ErrorLike {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** `aws sso login [--profile NAME]` (`--sso-session NAME` for a browsed role), quoted for the shell that will run it. */
export function ssoLoginCommand(profile: string | undefined, shell: ShellKind): string {
  const browsed = parseSsoRoleProfile(profile);
  if (browsed) return `aws sso login --sso-session ${quoteForShell(browsed.session, shell)}`;
  return `aws sso login${profile ? ` --profile ${quoteForShell(profile, shell)}` : ''}`;
}

const CREDENTIALS_DOCS = 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html';

function profileLabel(profile: string | undefined): string {
  return profile ? `profile "${profile}"` : 'the default credential chain';
}

/**
 * `operation` is the IAM action the caller attempted (e.g. `ecs:ListClusters`), used when AWS's message does not name it;
 * `profileExists` tells an unknown profile from one without credentials (the SDK says the same for both).
 */
export function describeAwsError(
  error: unknown,
  context: { profile?: string; operation?: string; profileExists?: boolean } = {},
): AwsProblem {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const code = e.name && e.name !== 'Error' ? e.name : (e.code ?? e.Code);
  const message = e.message ?? String(error);
  const profile = context.profile;
  const ssoCommand = ssoLoginCommand(profile, 'posix');

  if (/aws sso login|SSO session|sso.*token|Token is expired/i.test(message) && !/AccessDenied/i.test(code ?? '')) {
    return {
      kind: 'sso-expired',
      code,
      title: `SSO session expired: run ${ssoCommand}`,
      message: `The IAM Identity Center (SSO) session for ${profileLabel(profile)} has expired or was never started. Run \`${ssoCommand}\`, then refresh.`,
      fix: { kind: 'sso-login', profile },
    };
  }
  const profileMissing = context.profileExists === false || /Profile .* (could not be found|not found)/i.test(message);
  if (profile && profileMissing) {
    return {
      kind: 'unknown-profile',
      code,
      title: `Profile "${profile}" not found`,
      message: `The profile "${profile}" is not defined in your AWS config or credentials file. Pick another profile, or add it with \`aws configure --profile ${profile}\`.`,
      fix: { kind: 'select-profile' },
    };
  }
  if (code === 'CredentialsProviderError' || /Could not load credentials|Could not resolve credentials|Unable to load credentials/i.test(message)) {
    return {
      kind: 'no-credentials',
      code,
      title: profile ? `No credentials for profile "${profile}"` : 'No AWS credentials found',
      message: profile
        ? `The profile "${profile}" has no usable credentials (no keys, role, SSO session or credential_process), or they could not be loaded: ${message}. Add credentials with \`aws configure --profile ${profile}\`, or pick another profile.`
        : `No AWS credentials could be loaded from the environment, the default profile or instance metadata: ${message}. Pick a profile, or configure one with \`aws configure\` or \`aws configure sso\`.`,
      fix: { kind: 'select-profile' },
    };
  }
  if (code === 'ExpiredTokenException' || code === 'ExpiredToken' || code === 'RequestExpired' || code === 'TokenRefreshRequired') {
    const refresh = profile ? `Refresh the credentials of profile "${profile}" (for SSO: \`${ssoCommand}\`)` : 'Refresh your credentials';
    return {
      kind: 'expired-token',
      code,
      title: 'AWS credentials expired',
      message: `The security token for ${profileLabel(profile)} has expired. ${refresh}, then refresh the view.`,
      fix: { kind: 'select-profile' },
    };
  }
  if (code === 'UnrecognizedClientException' || code === 'InvalidClientTokenId' || code === 'SignatureDoesNotMatch' || code === 'InvalidSignatureException') {
    return {
      kind: 'invalid-credentials',
      code,
      title: 'AWS rejected the credentials',
      message: `AWS does not recognise the credentials of ${profileLabel(profile)} (${code}). Check the access key in your credentials file or pick another profile.`,
      fix: { kind: 'select-profile' },
    };
  }
  if (code === 'AccessDeniedException' || code === 'AccessDenied' || code === 'UnauthorizedOperation' || code === 'AuthorizationError') {
    const action = /perform: ([\w-]+:[\w*]+)/.exec(message)?.[1] ?? context.operation;
    return {
      kind: 'access-denied',
      code,
      action,
      title: action ? `Access denied: ${action}` : 'Access denied',
      message: `Access denied${action ? ` for ${action}` : ''}: ${message} Ask your administrator to allow ${action ?? 'this action'} for ${profileLabel(profile)}, or pick another profile.`,
      fix: { kind: 'select-profile' },
    };
  }
  if (code === 'ThrottlingException' || code === 'Throttling' || code === 'TooManyRequestsException' || code === 'RequestLimitExceeded') {
    return {
      kind: 'throttled',
      code,
      title: 'AWS is throttling requests',
      message: `AWS throttled the request and retries ran out (${code}). Wait a moment and retry, or raise "ecsWorkbench.maxAttempts".`,
      fix: { kind: 'retry' },
    };
  }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|socket hang up|TimeoutError|getaddrinfo/i.test(`${code} ${message}`)) {
    return {
      kind: 'network',
      code,
      title: 'Cannot reach AWS',
      message: `Cannot reach the AWS endpoint: ${message}. Check your network, proxy, or the "ecsWorkbench.endpointUrl" setting, then retry.`,
      fix: { kind: 'retry' },
    };
  }
  if (code && /NotFoundException$|NotFound$/.test(code)) {
    return { kind: 'not-found', code, title: message, message };
  }
  if (code === 'InvalidParameterException' || code === 'ClientException' || code === 'ValidationException') {
    return { kind: 'invalid-request', code, title: message, message: `${code}: ${message}` };
  }
  // AWS's own errors (they carry $metadata) are named by their code; the extension's own errors
  // (an argument refused, a controller that cannot take the change) already say it all.
  const shown = code && e.$metadata ? `${code}: ${message}` : message;
  return { kind: 'other', code, title: shown, message: shown, fix: e.$metadata ? { kind: 'retry' } : undefined };
}

export { CREDENTIALS_DOCS };
