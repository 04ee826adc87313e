import { classifyFetchError, classifyResponse, type RegistryOutcome } from './registry-outcome.ts';

export interface RegistryRequest {
  /** Absolute URL of the operation. */
  readonly url: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly idempotencyKey: string;
  readonly timeoutMs: number;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** One registry write over HTTP; never throws, every answer (or none) is an outcome. */
export async function callRegistry(
  request: RegistryRequest,
  fetchFn: FetchLike = fetch,
): Promise<RegistryOutcome> {
  try {
    const response = await fetchFn(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': request.idempotencyKey,
      },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    // The body read is covered by the same signal: a registry that stalls mid-body is a timeout too.
    const text = await response.text();
    return classifyResponse(response.status, text, response.headers.get('idempotency-replayed') === 'true');
  } catch (error) {
    return classifyFetchError(error, request.timeoutMs);
  }
}

/** Joins the registries' base URL (with or without a path or a trailing slash) and an operation path. */
export function operationUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
