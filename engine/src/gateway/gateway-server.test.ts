import { status } from '@grpc/grpc-js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../errors.ts';
import { InMemoryEngineService } from '../../test/support/in-memory-engine-service.ts';
import { RawGatewayClient } from '../../test/support/raw-gateway-client.ts';
import { startGateway, type RunningGateway } from './gateway-server.ts';
import { INTERNAL_ERROR_MESSAGE } from './grpc-errors.ts';

const logger = pino({ level: 'silent' });

const activation = (overrides: Record<string, unknown> = {}) => ({
  type: 'work',
  worker: 'gateway-test',
  timeout: '60000',
  maxJobsToActivate: 10,
  requestTimeout: '-1',
  ...overrides,
});

describe('Zeebe gateway', () => {
  let service: InMemoryEngineService;
  let gateway: RunningGateway;
  let client: RawGatewayClient;

  beforeAll(async () => {
    service = new InMemoryEngineService();
    gateway = await startGateway({ service, address: '127.0.0.1:0', logger });
    client = new RawGatewayClient(gateway.address);
  });

  afterAll(async () => {
    client.close();
    await gateway.stop();
  });

  it('answers Topology as one healthy leader of partition 1 with an 8.3 version', async () => {
    // when
    const { messages, code } = await client.unary('Topology', {});

    // then
    expect(code).toBe(status.OK);
    expect(messages[0]).toMatchObject({
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: expect.stringMatching(/^8\.3\.\d+$/),
      brokers: [
        {
          nodeId: 0,
          host: '127.0.0.1',
          port: Number(gateway.address.split(':')[1]),
          partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
        },
      ],
    });
  });

  it.each([
    ['maxJobsToActivate 0', { maxJobsToActivate: 0 }],
    ['timeout 0', { timeout: '0' }],
    ['an empty type', { type: '' }],
    ['a tenant other than the default', { tenantIds: ['tenant-a'] }],
  ])('rejects ActivateJobs with %s as INVALID_ARGUMENT', async (_name, overrides) => {
    // when
    const outcome = await client.stream('ActivateJobs', activation(overrides));

    // then
    expect(outcome.code).toBe(status.INVALID_ARGUMENT);
    expect(outcome.messages).toEqual([]);
  });

  it('ends a poll with requestTimeout -1 and no jobs at once, with zero messages', async () => {
    // when
    const outcome = await client.stream('ActivateJobs', activation({ type: 'nothing-here' }));

    // then
    expect(outcome).toMatchObject({ code: status.OK, messages: [] });
    expect(outcome.elapsedMs).toBeLessThan(1_000);
  });

  it('ends a poll that found no jobs after its requestTimeout, with zero messages', async () => {
    // when
    const outcome = await client.stream('ActivateJobs', activation({ type: 'quiet', requestTimeout: '400' }));

    // then
    expect(outcome).toMatchObject({ code: status.OK, messages: [] });
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(390);
    expect(outcome.elapsedMs).toBeLessThan(2_000);
  });

  it('sends a parked poll ONE message with the job as soon as one is created, with its key exact', async () => {
    // given
    const poll = client.stream('ActivateJobs', activation({ type: 'wake-up', requestTimeout: '10000' }));
    await new Promise((resolve) => setTimeout(resolve, 100));

    // when
    service.addJob('wake-up', { key: '9007199254740993', variables: '' });
    const outcome = await poll;

    // then
    expect(outcome.code).toBe(status.OK);
    expect(outcome.messages).toHaveLength(1);
    expect(outcome.messages[0]).toMatchObject({
      jobs: [
        {
          key: '9007199254740993',
          type: 'wake-up',
          worker: 'gateway-test',
          variables: '{}',
          customHeaders: '{}',
        },
      ],
    });
    expect(outcome.elapsedMs).toBeLessThan(5_000);
  });

  it.each([
    ['NOT_FOUND', status.NOT_FOUND],
    ['INVALID_STATE', status.FAILED_PRECONDITION],
    ['ALREADY_EXISTS', status.ALREADY_EXISTS],
    ['INVALID_ARGUMENT', status.INVALID_ARGUMENT],
    ['PROCESSING_ERROR', status.INTERNAL],
    ['RESOURCE_EXHAUSTED', status.RESOURCE_EXHAUSTED],
  ] as const)('maps the rejection %s to gRPC code %i with Zeebe’s message shape', async (rejection, code) => {
    // given
    service.failNext('completeJob', new EngineError(rejection, 'COMPLETE', 'because of a test'));

    // when
    const outcome = await client.unary('CompleteJob', { jobKey: '1', variables: '' });

    // then
    expect(outcome.code).toBe(code);
    expect(outcome.details).toBe(`Command 'COMPLETE' rejected with code '${rejection}': because of a test`);
  });

  it('answers an unexpected failure with INTERNAL and a generic message', async () => {
    // given
    service.failNext('publishMessage', new Error('connection to the database lost: secret detail'));

    // when
    const outcome = await client.unary('PublishMessage', { name: 'm', correlationKey: 'k' });

    // then
    expect(outcome).toMatchObject({ code: status.INTERNAL, details: INTERNAL_ERROR_MESSAGE });
  });

  it.each(['EvaluateDecision', 'MigrateProcessInstance', 'ModifyProcessInstance', 'DeleteResource'])(
    'answers %s with UNIMPLEMENTED and says why',
    async (method) => {
      // when
      const outcome = await client.unary(method, {});

      // then
      expect(outcome.code).toBe(status.UNIMPLEMENTED);
      expect(outcome.details).toContain('not supported by this engine');
    },
  );

  it('passes blank variables to the core as "no variables" and keeps others verbatim', async () => {
    // given
    const jobKey = service.addJob('blank-vars');

    // when
    await client.unary('CompleteJob', { jobKey, variables: '   ' });
    await client.unary('SetVariables', { elementInstanceKey: '5', variables: '{"big":9007199254740993}' });

    // then
    const completion = service.calls.find((call) => call.method === 'completeJob' && call.args[0] === jobKey);
    expect(completion?.args[1]).toBe('');
    const update = service.calls.findLast((call) => call.method === 'setVariables');
    expect(update?.args[0]).toMatchObject({ variables: '{"big":9007199254740993}' });
  });

  it('rejects a foreign tenant on deploy and accepts <default>', async () => {
    // when
    const foreign = await client.unary('DeployResource', {
      resources: [{ name: 'a.bpmn', content: Buffer.from('<x/>') }],
      tenantId: 'tenant-a',
    });
    const own = await client.unary('DeployResource', {
      resources: [{ name: 'a.bpmn', content: Buffer.from('<x/>') }],
      tenantId: '<default>',
    });

    // then
    expect(foreign.code).toBe(status.INVALID_ARGUMENT);
    expect(own.code).toBe(status.OK);
    expect(own.messages[0]).toMatchObject({
      tenantId: '<default>',
      deployments: [{ process: { resourceName: 'a.bpmn' } }],
    });
  });

  it('rejects UpdateJobRetries with retries 0 as INVALID_ARGUMENT', async () => {
    // when
    const outcome = await client.unary('UpdateJobRetries', { jobKey: '1', retries: 0 });

    // then
    expect(outcome.code).toBe(status.INVALID_ARGUMENT);
  });

  it('ends CreateProcessInstanceWithResult with DEADLINE_EXCEEDED when the instance does not complete in time', async () => {
    // when
    const outcome = await client.unary('CreateProcessInstanceWithResult', {
      request: { bpmnProcessId: 'waits', version: -1 },
      requestTimeout: '300',
    });

    // then
    expect(outcome.code).toBe(status.DEADLINE_EXCEEDED);
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(290);
  });

  it('answers CreateProcessInstanceWithResult with the variables once the instance completes', async () => {
    // given
    const call = client.unary('CreateProcessInstanceWithResult', {
      request: { bpmnProcessId: 'finishes', version: -1 },
      requestTimeout: '5000',
      fetchVariables: ['a'],
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const waiting = service.calls.findLast((entry) => entry.method === 'awaitCompletion');

    // when
    service.completeInstance(String(waiting?.args[0]), '{"a":1}');
    const outcome = await call;

    // then
    expect(waiting?.args[1]).toEqual(['a']);
    expect(outcome.code).toBe(status.OK);
    expect(outcome.messages[0]).toMatchObject({ bpmnProcessId: 'finishes', variables: '{"a":1}' });
  });

  it('pushes one ActivatedJob per message on StreamActivatedJobs and unregisters on cancel', async () => {
    // given
    const streamed: string[] = [];
    const stream = client.stream(
      'StreamActivatedJobs',
      { type: 'pushed', worker: 'streamer', timeout: '30000' },
      {
        onMessage: (message, cancel) => {
          streamed.push(String(message['key']));
          if (streamed.length === 2) cancel();
        },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));

    // when
    const first = service.addJob('pushed');
    const second = service.addJob('pushed');
    const outcome = await stream;
    await new Promise((resolve) => setTimeout(resolve, 50));

    // then
    expect(streamed).toEqual([first, second]);
    expect(outcome.code).toBe(status.CANCELLED);
    expect(service.openStreams).toBe(0);
  });

  it('rejects StreamActivatedJobs with timeout 0 at once', async () => {
    // when
    const outcome = await client.stream('StreamActivatedJobs', { type: 'pushed', worker: 'w', timeout: '0' });

    // then
    expect(outcome.code).toBe(status.INVALID_ARGUMENT);
  });
});

describe('stopping the gateway', () => {
  it('ends parked polls and job streams cleanly and closes the port', async () => {
    // given
    const service = new InMemoryEngineService();
    const gateway = await startGateway({ service, address: '127.0.0.1:0', logger });
    const client = new RawGatewayClient(gateway.address);
    const poll = client.stream('ActivateJobs', activation({ requestTimeout: '60000' }));
    const stream = client.stream('StreamActivatedJobs', { type: 'work', worker: 'w', timeout: '1000' });
    await new Promise((resolve) => setTimeout(resolve, 100));

    // when
    await gateway.stop();

    // then
    expect(await poll).toMatchObject({ code: status.OK, messages: [] });
    expect(await stream).toMatchObject({ code: status.OK, messages: [] });
    expect(service.openStreams).toBe(0);
    const after = await client.unary('Topology', {});
    expect(after.code).toBe(status.UNAVAILABLE);
    client.close();
  });
});
