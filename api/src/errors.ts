/**
 * The api's error catalog: every error a client can see has a stable code
 * with one HTTP status. Routes throw `AppError` with a code; the error
 * handler (plugins/errors.plugin.ts) is the only place that turns errors
 * into responses.
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  BAD_REQUEST: { status: 400, message: 'The request cannot be processed.' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in first.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Wrong username or password.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  CROSS_ORIGIN_REJECTED: {
    status: 403,
    message: 'Cross-origin requests that change state are not accepted.',
  },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  BUNDLE_NOT_FOUND: { status: 404, message: 'There is no such bundle.' },
  APPLICATION_NOT_FOUND: { status: 404, message: 'There is no such application.' },
  TASK_NOT_FOUND: { status: 404, message: 'There is no such task.' },
  DRAFT_NOT_FOUND: { status: 404, message: 'There is no draft for this bundle.' },
  MATERIAL_NOT_FOUND: { status: 404, message: 'There is no such material.' },
  MATERIAL_TOO_LARGE: { status: 413, message: 'A material may be at most 10 MB.' },
  MATERIAL_LIMIT: { status: 409, message: 'An application or draft holds at most 20 materials.' },
  MATERIAL_TYPE: { status: 415, message: 'Upload a PDF, JPEG or PNG file.' },
  MATERIAL_CORRUPTED: { status: 500, message: 'This material cannot be read; upload it again.' },
  MATERIALS_UNAVAILABLE: { status: 503, message: 'Materials cannot be stored on this server.' },
  APPLICATION_NOT_EDITABLE: {
    status: 409,
    message: 'Materials can be added only while the application waits for acceptance or a supplement.',
  },
  FORM_SUBMISSION_INVALID: { status: 400, message: 'The form has errors; correct the fields named.' },
  SERVICE_SELECTION_INVALID: {
    status: 400,
    message: 'The selected services cannot be applied for together.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: 'This Idempotency-Key was already used for another bundle.',
  },
  TASK_CLAIMED_BY_OTHER: { status: 409, message: 'Another clerk has claimed this task.' },
  TASK_NOT_ASSIGNED_TO_YOU: { status: 409, message: 'Claim the task before completing it.' },
  TASK_NOT_RETURNABLE: { status: 409, message: 'Only the acceptance task returns an application.' },
  APPLICATION_NOT_RETURNED: { status: 409, message: 'This application is not waiting for a supplement.' },
  TASK_CLOSED: { status: 409, message: 'This task is already completed or cancelled.' },
  DRAFT_CONFLICT: {
    status: 409,
    message: 'Someone saved this draft after you opened it; reload it and apply your changes again.',
  },
  PUBLISH_REJECTED: { status: 422, message: 'The bundle cannot be published; see the problems listed.' },
  BPMN_REJECTED: { status: 400, message: 'The BPMN document is not accepted.' },
  DRY_RUN_NOT_FOUND: { status: 404, message: 'There is no such dry run.' },
  DRY_RUN_NEEDS_SANDBOX: {
    status: 409,
    message:
      'Dry runs write to the registries, so they run only against the sandbox registries (REGISTRIES_URL unset, or REGISTRIES_SANDBOX=1 for a sandbox at REGISTRIES_URL).',
  },
  DRY_RUN_REJECTED: { status: 422, message: 'The draft cannot be run; see the problems listed.' },
  DRY_RUN_DATA_INVALID: {
    status: 422,
    message: "The test citizen's application could not be filled in; see the fields named.",
  },
  DRY_RUN_ENDED: { status: 409, message: 'This dry run has already ended.' },
  ALREADY_RATED: { status: 409, message: 'This application has been rated already.' },
  NOT_COMPLETED: { status: 409, message: 'Only a completed application can be rated.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the request body as application/json.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again later.' },
  LOGIN_RATE_LIMITED: { status: 429, message: 'Too many failed sign-ins for this account; try again later.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
  SPA_NOT_BUILT: {
    status: 503,
    message:
      'The web app has not been built: run `pnpm start` from the repository root (or build the designer).',
  },
  ENGINE_UNAVAILABLE: { status: 503, message: 'The process engine is not reachable; try again shortly.' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is not available right now.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;

/** Field path → message, as in the error shape's `fields`. */
export type FieldErrors = Record<string, string>;

export interface ErrorBody {
  /** Some codes carry more (DRAFT_CONFLICT: `version`, `updatedBy`, `updatedAt`; PUBLISH_REJECTED: `problems`). */
  error: { code: ErrorCode; message: string; fields?: FieldErrors; [detail: string]: unknown };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldErrors | undefined;
  /** Seconds a client should wait (429, 503). */
  readonly retryAfter: number | undefined;
  /** Extra members of the error object, named by the code's documentation. */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    options: {
      message?: string;
      fields?: FieldErrors;
      retryAfter?: number;
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(options.message ?? errorCatalog[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
    this.details = options.details;
  }

  toBody(): ErrorBody {
    return {
      error: {
        ...this.details,
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
      },
    };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalog, value);
}
