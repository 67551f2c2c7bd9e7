/**
 * AWS errors: what handlers throw, the errors every service can send whatever its model says, and
 * the check that an operation raises only what its model lists for it.
 */
import type { Operation, ServiceModel } from './model';

export interface ErrorExtras {
  /** Overrides the HTTP status the model (or the generic table) gives. */
  status?: number;
  /** Members of the error shape besides the message (e.g. SSO OIDC's `error`, `error_description`). */
  members?: Record<string, unknown>;
}

/** An AWS service error, rendered by the server in the protocol of the request that raised it. */
export class AwsError extends Error {
  constructor(
    /** The error code / shape name, e.g. `ClusterNotFoundException`. */
    readonly code: string,
    message: string,
    readonly extras: ErrorExtras = {},
  ) {
    super(message);
  }
}

export interface GenericError {
  /** awsJson `__type` (may be namespaced as AWS sends it). */
  jsonType?: string;
  status: number;
  /** awsQuery `<Code>` and status. */
  query: [string, number];
  /** ec2Query `<Code>` and status, where EC2 names it differently. */
  ec2?: [string, number];
}

/** Errors of AWS's front end that every service can send, which most models do not list. */
export const GENERIC_ERRORS: Record<string, GenericError> = {
  ThrottlingException: { status: 400, query: ['Throttling', 400], ec2: ['RequestLimitExceeded', 503] },
  ExpiredTokenException: { status: 400, query: ['ExpiredToken', 403], ec2: ['RequestExpired', 400] },
  AccessDeniedException: { status: 400, query: ['AccessDenied', 403], ec2: ['UnauthorizedOperation', 403] },
  UnrecognizedClientException: { status: 400, query: ['InvalidClientTokenId', 403], ec2: ['AuthFailure', 401] },
  MissingAuthenticationTokenException: { status: 400, query: ['MissingAuthenticationToken', 403], ec2: ['MissingAuthenticationToken', 401] },
  SerializationException: { jsonType: 'com.amazon.coral.service#SerializationException', status: 400, query: ['MalformedQueryString', 404] },
  UnknownOperationException: { jsonType: 'com.amazon.coral.service#UnknownOperationException', status: 400, query: ['InvalidAction', 400] },
  ValidationException: { status: 400, query: ['ValidationError', 400], ec2: ['InvalidParameterValue', 400] },
  InternalFailure: { status: 500, query: ['InternalFailure', 500], ec2: ['InternalError', 500] },
  ServiceUnavailableException: { status: 503, query: ['ServiceUnavailable', 503], ec2: ['Unavailable', 503] },
};

/** Errors of the authentication layer: sent the same way by every service, never as a model shape. */
export const AUTH_ERRORS = new Set(['ExpiredTokenException', 'MissingAuthenticationTokenException', 'UnrecognizedClientException']);

/** The same error under the name the query protocols give it. */
export function genericError(code: string): GenericError | undefined {
  return GENERIC_ERRORS[code === 'ValidationError' ? 'ValidationException' : code];
}

/**
 * Whether `op` may raise `code`: an error its model lists, or a generic one (throttling, auth,
 * validation, internal). Anything else means the emulator's handler is wrong.
 */
export function mayRaise(op: Operation, code: string, validationError: string): boolean {
  return op.e.includes(code) || genericError(code) !== undefined || code === validationError;
}

/** The modelled error among `preferred` that `op` lists, else the first (generic) one. */
export function pickError(op: Operation, preferred: string[]): string {
  return preferred.find((code) => op.e.includes(code)) ?? preferred[0];
}

/** An emulator bug surfaces as a 500 InternalFailure naming it, and on stderr. */
export function emulatorBug(message: string): AwsError {
  process.stderr.write(`emulator bug: ${message}\n`);
  return new AwsError('InternalFailure', `emulator bug: ${message}`);
}

/** Any thrown value as an AwsError (an unexpected exception is an emulator bug). */
export function asAwsError(e: unknown): AwsError {
  if (e instanceof AwsError) {
    return e;
  }
  return emulatorBug(`${(e as Error)?.stack ?? e}`);
}

/** The error shape of `code` in the service's model, unless it is an authentication error. */
export function errorShape(svc: ServiceModel, code: string) {
  const shape = AUTH_ERRORS.has(code) ? undefined : svc.shapes[code];
  return shape?.err ? shape : undefined;
}
