import { connect, constants } from 'node:http2';
import { gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryEngineService } from '../../test/support/in-memory-engine-service.ts';
import { startGateway, type RunningGateway } from './gateway-server.ts';

/** One gRPC message frame: compressed flag, big-endian length, payload. */
function frame(payload: Buffer, compressed: boolean): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt8(compressed ? 1 : 0, 0);
  header.writeUInt32BE(payload.length, 1);
  return Buffer.concat([header, payload]);
}

interface RawAnswer {
  headers: Record<string, unknown>;
  trailers: Record<string, unknown>;
}

/** A Topology call as a gzip-compressing client (the SDK's default) sends it. */
function gzippedTopology(address: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const session = connect(`http://${address}`);
    session.on('error', reject);
    const request = session.request({
      [constants.HTTP2_HEADER_METHOD]: 'POST',
      [constants.HTTP2_HEADER_PATH]: '/gateway_protocol.Gateway/Topology',
      'content-type': 'application/grpc',
      te: 'trailers',
      'grpc-encoding': 'gzip',
      'grpc-accept-encoding': 'identity,deflate,gzip',
    });
    let headers: Record<string, unknown> = {};
    request.on('response', (received) => (headers = { ...received }));
    request.on('trailers', (trailers) => {
      resolve({ headers, trailers: { ...trailers } });
      session.close();
    });
    request.on('error', reject);
    request.resume();
    request.end(frame(gzipSync(Buffer.alloc(0)), true));
  });
}

describe('request compression', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startGateway({
      service: new InMemoryEngineService(),
      address: '127.0.0.1:0',
      logger: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await gateway.stop();
  });

  it('accepts a gzip-compressed request and tells the client to send identity from now on', async () => {
    // when
    const answer = await gzippedTopology(gateway.address);
    // then
    expect(answer.trailers['grpc-status']).toBe('0');
    expect(answer.headers['grpc-accept-encoding']).toBe('identity');
  });
});
