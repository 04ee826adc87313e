/**
 * What a registry call came to, classified without I/O so every branch is unit
 * tested. The connector turns each kind into exactly one job outcome:
 * success → complete, business → BPMN error, technical → fail with retries,
 * fatal (a bug on our side: the same call can never succeed) → incident.
 */
export type RegistryOutcome =
  | {
      readonly kind: 'success';
      readonly status: number;
      readonly body: Readonly<Record<string, unknown>>;
      readonly replayed: boolean;
    }
  | {
      readonly kind: 'business';
      readonly status: number;
      readonly code: string;
      readonly message: string;
      readonly fields?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'technical'; readonly code: string; readonly message: string; readonly status?: number }
  | { readonly kind: 'fatal'; readonly code: string; readonly message: string; readonly status?: number };

/** Codes the connector gives failures the registry did not name. */
export const CONNECTOR_CODES = {
  timeout: 'CONNECTOR_TIMEOUT',
  network: 'CONNECTOR_NETWORK_ERROR',
  badResponse: 'CONNECTOR_BAD_RESPONSE',
  httpStatus: 'CONNECTOR_HTTP_STATUS',
} as const;

/** 4xx codes that mean the connector or the model is wrong, never the citizen's data. */
const FATAL_CODES = new Set(['IDEMPOTENCY_KEY_MISSING', 'IDEMPOTENCY_KEY_REUSED', 'ROUTE_NOT_FOUND']);

interface ErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

/** Classifies an HTTP answer of a registry write (OPERATIONS.md, "Errors"). */
export function classifyResponse(status: number, bodyText: string, replayed: boolean): RegistryOutcome {
  const parsed = parseJson(bodyText);
  if (status >= 200 && status < 300) {
    if (!isRecord(parsed)) {
      return {
        kind: 'technical',
        code: CONNECTOR_CODES.badResponse,
        status,
        message: `registry answered ${status} without a JSON object`,
      };
    }
    return { kind: 'success', status, body: parsed, replayed };
  }
  const error = errorBody(parsed);
  if (status === 409 || status === 408 || status === 429 || status >= 500) {
    return {
      kind: 'technical',
      code: error?.code ?? CONNECTOR_CODES.httpStatus,
      status,
      message: error?.message ?? `registry answered HTTP ${status}`,
    };
  }
  if (error === undefined) {
    return {
      kind: 'fatal',
      code: CONNECTOR_CODES.httpStatus,
      status,
      message: `registry answered HTTP ${status} without an error body`,
    };
  }
  if (FATAL_CODES.has(error.code)) return { kind: 'fatal', code: error.code, status, message: error.message };
  // 400 INVALID_INPUT and every 422 rejection: the registry wrote nothing and says why.
  if (status === 422 || (status === 400 && error.code === 'INVALID_INPUT')) {
    return error.fields === undefined
      ? { kind: 'business', status, code: error.code, message: error.message }
      : { kind: 'business', status, code: error.code, message: error.message, fields: error.fields };
  }
  return { kind: 'fatal', code: error.code, status, message: error.message };
}

/** Classifies a call that got no HTTP answer: our timeout, or the connection failed. */
export function classifyFetchError(error: unknown, timeoutMs: number): RegistryOutcome {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return {
      kind: 'technical',
      code: CONNECTOR_CODES.timeout,
      message: `registry did not answer within ${timeoutMs} ms`,
    };
  }
  return {
    kind: 'technical',
    code: CONNECTOR_CODES.network,
    message: `registry unreachable: ${describeCause(error)}`,
  };
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (isRecord(cause) && typeof cause.code === 'string') return cause.code;
  if (cause instanceof Error) return cause.message;
  return error.message;
}

function errorBody(parsed: unknown): ErrorBody | undefined {
  if (!isRecord(parsed) || !isRecord(parsed.error)) return undefined;
  const { code, message, fields } = parsed.error;
  if (typeof code !== 'string' || code === '') return undefined;
  const text = typeof message === 'string' ? message : code;
  if (!isRecord(fields)) return { code, message: text };
  const problems: Record<string, string> = {};
  for (const [field, problem] of Object.entries(fields)) problems[field] = String(problem);
  return { code, message: text, fields: problems };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
