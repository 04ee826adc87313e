import { ApiError, ClientErrorCode, type FieldErrors } from '../errors.ts';
import { isRecord, isStringRecord } from './json-guards.ts';

/** Turns a response body into the expected type, or `undefined` when it does not match. */
export type ResponseParser<T> = (body: unknown) => T | undefined;

export interface RequestOptions<T> {
  body?: unknown;
  /** Required whenever the caller uses the response body: the body is untrusted input. */
  parse?: ResponseParser<T>;
  /**
   * A 401 normally means the session ended: the unauthorized handler clears it and sends
   * the user to sign-in. Calls for which 401 is an expected answer (who am I, sign in)
   * opt out and handle it themselves.
   */
  expectUnauthorized?: boolean;
  signal?: AbortSignal;
  /**
   * `text` hands a successful body to `parse` as the raw text (e.g. BPMN XML); error
   * bodies are still read as the contract's JSON. Defaults to `json`.
   */
  responseType?: 'json' | 'text';
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Readonly<Record<string, string>>;
}

export type UnauthorizedHandler = (error: ApiError) => void;

export interface HttpClient {
  request<T = void>(method: string, path: string, options?: RequestOptions<T>): Promise<T>;
  get<T>(path: string, options?: RequestOptions<T>): Promise<T>;
  post<T = void>(path: string, body?: unknown, options?: RequestOptions<T>): Promise<T>;
  put<T = void>(path: string, body?: unknown, options?: RequestOptions<T>): Promise<T>;
  delete<T = void>(path: string, options?: RequestOptions<T>): Promise<T>;
  /** Registers the handler for an unexpected 401; returns a function that removes it. */
  onUnauthorized(handler: UnauthorizedHandler): () => void;
}

export interface HttpClientOptions {
  /** Defaults to the global fetch, looked up on every call. */
  fetch?: typeof fetch;
  baseUrl?: string;
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const handlers = new Set<UnauthorizedHandler>();
  const baseUrl = options.baseUrl ?? '';

  async function request<T>(
    method: string,
    path: string,
    requestOptions: RequestOptions<T> = {},
  ): Promise<T> {
    const doFetch = options.fetch ?? globalThis.fetch;
    const headers: Record<string, string> = { ...requestOptions.headers, Accept: 'application/json' };
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (requestOptions.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(requestOptions.body);
    }
    if (requestOptions.signal) init.signal = requestOptions.signal;

    let response: Response;
    try {
      response = await doFetch(baseUrl + path, init);
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError(0, ClientErrorCode.NETWORK_ERROR, describe(cause));
    }

    if (response.ok && requestOptions.responseType === 'text') {
      return parseBody(response, await response.text(), requestOptions.parse);
    }
    const body = await readJson(response);
    if (!response.ok) {
      const error = toApiError(response, body);
      if (response.status === 401 && !requestOptions.expectUnauthorized) {
        for (const handler of handlers) handler(error);
      }
      throw error;
    }
    return parseBody(response, body, requestOptions.parse);
  }

  return {
    request,
    get: (path, o) => request('GET', path, o),
    post: (path, body, o) => request('POST', path, { ...o, body }),
    put: (path, body, o) => request('PUT', path, { ...o, body }),
    delete: (path, o) => request('DELETE', path, o),
    onUnauthorized(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
}

const NO_BODY = Symbol('no body');
const NOT_JSON = Symbol('not json');

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return NO_BODY;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** Maps `{ error: { code, message, fields? } }` to an ApiError; anything else gets a client code. */
function toApiError(response: Response, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    const fields: FieldErrors = isStringRecord(error.fields) ? error.fields : {};
    return new ApiError(response.status, error.code, error.message, fields, error);
  }
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  return new ApiError(response.status, ClientErrorCode.HTTP_ERROR, `HTTP ${response.status}${statusText}`);
}

function parseBody<T>(response: Response, body: unknown, parse: ResponseParser<T> | undefined): T {
  if (!parse) {
    // The caller does not read the body, so there is nothing to trust or distrust.
    return undefined as T;
  }
  if (body === NO_BODY || body === NOT_JSON) {
    throw new ApiError(response.status, ClientErrorCode.RESPONSE_INVALID, 'The response has no JSON body.');
  }
  const parsed = parse(body);
  if (parsed === undefined) {
    throw new ApiError(
      response.status,
      ClientErrorCode.RESPONSE_INVALID,
      'The response does not have the expected shape.',
    );
  }
  return parsed;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** The client the app uses: same-origin, so the session cookie goes along. */
export const http = createHttpClient();
