import { status } from '@grpc/grpc-js';
import { pino } from 'pino';
import { Camunda8 } from '@camunda8/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZBClient } from 'zeebe-node';
import { InMemoryEngineService } from '../../test/support/in-memory-engine-service.ts';
import { CLIENT_NAMES, connect, grpcCode, type ConformanceClient } from '../../test/support/zeebe-clients.ts';
import { startGateway, type RunningGateway } from './gateway-server.ts';

// The gateway's wire behaviour as the two real Node clients see it (the core is a stand-in here).
describe.each(CLIENT_NAMES)('the gateway through %s', (clientName) => {
  let service: InMemoryEngineService;
  let gateway: RunningGateway;
  let client: ConformanceClient;

  beforeAll(async () => {
    service = new InMemoryEngineService();
    gateway = await startGateway({ service, address: '127.0.0.1:0', logger: pino({ level: 'silent' }) });
    client = connect(clientName, gateway.address);
  });

  afterAll(async () => {
    await client.close();
    await gateway.stop();
  });

  it('reads the topology with role and health names', async () => {
    // when
    const topology = await client.topology();

    // then
    expect(topology.brokers[0]?.partitions).toEqual([{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }]);
  });

  it('receives a job created while its long poll is parked, with parsed variables and headers', async () => {
    // given
    const type = `parked-${clientName}`;
    const poll = client.activateJobs({ type, requestTimeout: 5_000, timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));

    // when
    const jobKey = service.addJob(type, { variables: '{"a":1}' });
    const jobs = await poll;

    // then
    expect(jobs).toEqual([
      expect.objectContaining({ key: jobKey, type, variables: { a: 1 }, customHeaders: {}, retries: 3 }),
    ]);
    expect(jobs[0]?.deadline).toBeGreaterThan(Date.now() + 25_000);
  });

  it('sees a rejection as its gRPC status code', async () => {
    // when
    const error: unknown = await client.completeJob('12345').catch((caught: unknown) => caught);

    // then
    expect(grpcCode(error)).toBe(status.NOT_FOUND);
  });
});

describe('credentials the clients may send', () => {
  it('ignores Basic and Bearer authorization metadata', async () => {
    // given
    const service = new InMemoryEngineService();
    const gateway = await startGateway({
      service,
      address: '127.0.0.1:0',
      logger: pino({ level: 'silent' }),
    });
    const basic = new ZBClient(gateway.address, {
      useTLS: false,
      loglevel: 'NONE',
      retry: false,
      basicAuth: { username: 'demo', password: 'demo' },
    });
    const bearer = new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://${gateway.address}`,
      CAMUNDA_AUTH_STRATEGY: 'BEARER',
      CAMUNDA_OAUTH_TOKEN: 'a-token-nobody-checks',
      CAMUNDA_LOG_LEVEL: 'none',
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
    }).getZeebeGrpcApiClient();

    // when
    const [viaBasic, viaBearer] = await Promise.all([basic.topology(), bearer.topology()]);
    await Promise.all([basic.close(1_000), bearer.close(1_000)]);
    await gateway.stop();

    // then
    expect(viaBasic.clusterSize).toBe(1);
    expect(viaBearer.clusterSize).toBe(1);
  });
});
