/**
 * The designer's error catalog. Server errors keep the code the api sent
 * (`{ error: { code, message, fields? } }`); the codes below are the ones the
 * client itself produces when no such body is available.
 */
export const ClientErrorCode = {
  /** The request never got an HTTP response (offline, DNS, connection refused). */
  NETWORK_ERROR: 'NETWORK_ERROR',
  /** The response was not the JSON shape the contract promises. */
  RESPONSE_INVALID: 'RESPONSE_INVALID',
  /** An error status without the contract's error body (e.g. a proxy's HTML page). */
  HTTP_ERROR: 'HTTP_ERROR',
} as const;

export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/** Field path → message, as the api reports validation failures. */
export type FieldErrors = Readonly<Record<string, string>>;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;
  /**
   * The error object as the api sent it (untrusted): some codes carry more than a message,
   * e.g. who saved the draft for `DRAFT_CONFLICT`, the problems for `PUBLISH_REJECTED`.
   */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldErrors = {},
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
