import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { callRegistry, operationUrl } from './registry-client.ts';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A stand-in registry at the HTTP edge: answers each request with what the test says. */
async function registry(
  answer: (
    request: IncomingMessage,
    body: string,
  ) => { status: number; body?: string; headers?: Record<string, string> } | 'hang',
): Promise<string> {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const reply = answer(request, body);
      if (reply === 'hang') return;
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

describe('callRegistry', () => {
  it('posts the body as JSON with the idempotency key and reads a replayed success', async () => {
    // given
    const seen: { key?: string | string[]; body?: string } = {};
    const base = await registry((request, body) => {
      seen.key = request.headers['idempotency-key'];
      seen.body = body;
      return {
        status: 201,
        body: '{"deductionNo":"KC202600000001"}',
        headers: { 'idempotency-replayed': 'true' },
      };
    });
    // when
    const outcome = await callRegistry({
      url: operationUrl(`${base}/`, '/registries/tax/infant-care-deductions'),
      body: { sharePercent: 50 },
      idempotencyKey: 'onething-42',
      timeoutMs: 2_000,
    });
    // then
    expect(seen).toEqual({ key: 'onething-42', body: '{"sharePercent":50}' });
    expect(outcome).toEqual({
      kind: 'success',
      status: 201,
      body: { deductionNo: 'KC202600000001' },
      replayed: true,
    });
  });

  it('gives up on a registry that does not answer in time', async () => {
    const base = await registry(() => 'hang');
    const outcome = await callRegistry({
      url: `${base}/registries/tax/x`,
      body: {},
      idempotencyKey: 'k',
      timeoutMs: 200,
    });
    expect(outcome).toMatchObject({ kind: 'technical', code: 'CONNECTOR_TIMEOUT' });
  });

  it('reports a refused connection as a technical failure', async () => {
    const base = await registry(() => ({ status: 201, body: '{}' }));
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const outcome = await callRegistry({
      url: `${base}/registries/tax/x`,
      body: {},
      idempotencyKey: 'k',
      timeoutMs: 2_000,
    });
    expect(outcome).toMatchObject({
      kind: 'technical',
      code: 'CONNECTOR_NETWORK_ERROR',
      message: 'registry unreachable: ECONNREFUSED',
    });
  });
});
