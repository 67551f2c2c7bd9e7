/** An AWS service error, rendered by the server in the protocol of the service that raised it. */
export class AwsError extends Error {
  constructor(
    /** The error code / shape name, e.g. `ClusterNotFoundException`. */
    readonly code: string,
    message: string,
    /** Overrides the HTTP status the model (or the generic table) gives. */
    readonly status?: number,
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
}

/** Errors every AWS service can send, which most models do not list. */
export const GENERIC_ERRORS: Record<string, GenericError> = {
  ThrottlingException: { status: 400, query: ['Throttling', 400] },
  ExpiredTokenException: { status: 400, query: ['ExpiredToken', 403] },
  AccessDeniedException: { status: 400, query: ['AccessDenied', 403] },
  UnrecognizedClientException: { status: 400, query: ['InvalidClientTokenId', 403] },
  MissingAuthenticationTokenException: { status: 400, query: ['MissingAuthenticationToken', 403] },
  SerializationException: { jsonType: 'com.amazon.coral.service#SerializationException', status: 400, query: ['MalformedQueryString', 404] },
  UnknownOperationException: { jsonType: 'com.amazon.coral.service#UnknownOperationException', status: 400, query: ['InvalidAction', 400] },
  ValidationException: { status: 400, query: ['ValidationError', 400] },
  InternalFailure: { status: 500, query: ['InternalFailure', 500] },
  ServiceUnavailableException: { status: 503, query: ['ServiceUnavailable', 503] },
};
