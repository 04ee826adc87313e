import { vi } from 'vitest';

export interface FakeCall {
  url: string;
  method: string;
  body: unknown;
  credentials: RequestCredentials | undefined;
  /** The `Idempotency-Key` header, when the call sent one. */
  idempotencyKey?: string | undefined;
}

type Reply = { status: number; body?: unknown; text?: string };
type Route = (call: FakeCall) => Reply | undefined;

/**
 * A stand-in for the network: answers requests from a routing function and records them.
 * `fetch` is where the SPA meets the outside world, so this is the only thing the tests fake.
 */
export function fakeFetch(route: Route) {
  const calls: FakeCall[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const call: FakeCall = {
      url: String(input),
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init?.credentials,
      idempotencyKey: new Headers(init?.headers).get('idempotency-key') ?? undefined,
    };
    calls.push(call);
    const reply = route(call) ?? {
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Not found' } },
    };
    const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    return new Response(text === '' ? null : text, {
      status: reply.status,
      headers: { 'content-type': reply.text === undefined ? 'application/json' : 'text/html' },
    });
  });
  return { fetch, calls };
}

export const demoUsers = {
  citizen1: { id: 'u-1', username: 'citizen1', displayName: '张三', roles: ['citizen'], groups: [] },
  hr1: { id: 'u-4', username: 'hr1', displayName: '李四', roles: ['clerk'], groups: ['hr'] },
  admin: { id: 'u-10', username: 'admin', displayName: '管理员', roles: ['admin'], groups: [] },
} as const;
