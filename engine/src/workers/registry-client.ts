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

export interface QuickRetries {
  /** Further calls after a technical failure. */
  readonly count: number;
  /** Pause before the first of them, ms; doubles for each next one. */
  readonly delayMs: number;
}

export const NO_QUICK_RETRIES: QuickRetries = { count: 0, delayMs: 0 };

/**
 * Most technical failures are blips (a dropped connection, a registry node
 * restarting), so the same call is repeated a few times at once before the job
 * falls back to FailJob, whose back-off is long and whose retries are few. Every
 * repetition carries the same idempotency key, so a write still registers once;
 * a business rejection or a success ends the loop at once.
 */
export async function callRegistryWithQuickRetries(
  request: RegistryRequest,
  retries: QuickRetries,
  fetchFn: FetchLike = fetch,
  sleep: (ms: number) => Promise<void> = delay,
): Promise<RegistryOutcome> {
  let outcome = await callRegistry(request, fetchFn);
  for (let retry = 0; retry < retries.count && outcome.kind === 'technical'; retry++) {
    await sleep(retries.delayMs * 2 ** retry);
    outcome = await callRegistry(request, fetchFn);
  }
  return outcome;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Joins the registries' base URL (with or without a path or a trailing slash) and an operation path. */
export function operationUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
