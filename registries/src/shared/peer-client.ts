import { UpstreamUnavailableError } from '../errors.ts';
import type { Dept } from './registry-context.ts';

export interface PeerAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Reads another registry's query API. Answers 2xx and 4xx as data; throws
 * `UpstreamUnavailableError` when the registry cannot answer (network, timeout, 5xx).
 */
export interface PeerClient {
  get(dept: Dept, path: string): Promise<PeerAnswer>;
}

export interface FetchPeerOptions {
  /** The server origin all registries live under (`http://host:port`), or one registry root per department (`http://host/registries/hr`). */
  readonly baseUrl: string | Partial<Record<Dept, string>>;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

function rootOf(baseUrl: FetchPeerOptions['baseUrl'], dept: Dept): string {
  if (typeof baseUrl === 'string') return `${baseUrl.replace(/\/$/, '')}/registries/${dept}`;
  const root = baseUrl[dept];
  if (!root) throw new UpstreamUnavailableError(`no base URL configured for the ${dept} registry`);
  return root.replace(/\/$/, '');
}

export function createFetchPeerClient(options: FetchPeerOptions): PeerClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  return {
    async get(dept, path) {
      const url = rootOf(options.baseUrl, dept) + path;
      let response: Response;
      try {
        response = await doFetch(url, {
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new UpstreamUnavailableError(`${dept} registry unreachable: ${String(error)}`);
      }
      if (response.status >= 500)
        throw new UpstreamUnavailableError(`${dept} registry answered ${response.status}`);
      const text = await response.text();
      return { status: response.status, body: parseJson(text) };
    },
  };
}

/** Something that can answer a request in process, like fastify's `inject`. */
export interface Injector {
  inject(options: {
    method: 'GET';
    url: string;
    headers: Record<string, string>;
  }): Promise<{ statusCode: number; body: string }>;
}

/** Calls the registries mounted in the same server without a network hop (the default). */
export function createInjectPeerClient(server: Injector, timeoutMs = 5_000): PeerClient {
  return {
    async get(dept, path) {
      const request = server.inject({
        method: 'GET',
        url: `/registries/${dept}${path}`,
        headers: { accept: 'application/json' },
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      try {
        const response = await Promise.race([request, timeout]);
        if (response === 'timeout') throw new UpstreamUnavailableError(`${dept} registry timed out`);
        if (response.statusCode >= 500)
          throw new UpstreamUnavailableError(`${dept} registry answered ${response.statusCode}`);
        return { status: response.statusCode, body: parseJson(response.body) };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UpstreamUnavailableError('registry answered with something that is not JSON');
  }
}
