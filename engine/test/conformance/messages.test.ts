import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import {
  expectNoJobs,
  rejection,
  waitForElement,
  waitForJob,
  waitForJobs,
} from '../support/conformance-helpers.ts';
import { startTestEngine } from '../support/test-engine.ts';
import { CLIENT_NAMES, connect, type ConformanceClient } from '../support/zeebe-clients.ts';

// ZEEBE-COMPAT.md §7.2 cases 30–33: message correlation and buffering.
let engine: RunningEngine;
beforeAll(async () => {
  engine = await startTestEngine('conformance_messages');
});
afterAll(() => engine?.stop());

describe.each(CLIENT_NAMES)('messages through %s', (clientName) => {
  let client: ConformanceClient;
  beforeAll(() => {
    client = connect(clientName, engine.address);
  });
  afterAll(() => client?.close());
  const tag = (label: string) => `${clientName}-${label}`;

  async function deployCatch(label: string) {
    const fixture = uniqueFixture('message-catch.bpmn', tag(label));
    await client.deploy('message-catch.bpmn', fixture.bytes);
    const waitingInstance = async (orderId: string | number) => {
      const instance = await client.createInstance({
        bpmnProcessId: fixture.id('Process_AwaitPayment'),
        variables: { orderId },
      });
      await waitForElement(engine.inspector, instance.processInstanceKey, 'Catch_PaymentReceived');
      return instance;
    };
    return {
      fixture,
      name: fixture.message('payment-received'),
      ship: fixture.type('ship'),
      waitingInstance,
    };
  }

  it.concurrent('30: buffers a message only for its time to live', async () => {
    // given
    const { fixture, name, ship } = await deployCatch('c30');

    // when
    await client.publishMessage({ name, correlationKey: 'o-unbuffered', timeToLive: 0 });
    await client.publishMessage({
      name,
      correlationKey: 'o-buffered',
      timeToLive: 10_000,
      variables: { paid: 30 },
    });
    await client.createInstance({
      bpmnProcessId: fixture.id('Process_AwaitPayment'),
      variables: { orderId: 'o-unbuffered' },
    });
    await client.createInstance({
      bpmnProcessId: fixture.id('Process_AwaitPayment'),
      variables: { orderId: 'o-buffered' },
    });

    // then
    const shipped = await waitForJob(client, { type: ship });
    expect(shipped.variables).toEqual({ orderId: 'o-buffered', paid: 30 });
    await expectNoJobs(client, ship, 1_500);
  });

  it.concurrent(
    '31: rejects a second message with the same id while the first is buffered, unless the key differs',
    async () => {
      // given
      const { name } = await deployCatch('c31');
      await client.publishMessage({
        name,
        correlationKey: 'o-31',
        messageId: 'payment-31',
        timeToLive: 60_000,
      });

      // when
      const duplicate = await rejection(
        client.publishMessage({ name, correlationKey: 'o-31', messageId: 'payment-31', timeToLive: 60_000 }),
      );
      const otherKey = await client.publishMessage({
        name,
        correlationKey: 'o-31b',
        messageId: 'payment-31',
        timeToLive: 60_000,
      });

      // then
      expect(duplicate).toBe(status.ALREADY_EXISTS);
      expect(otherKey.key).toMatch(/^\d+$/);
    },
  );

  it.concurrent(
    '32: one message reaches one instance per process, but instances of two processes both',
    async () => {
      // given
      const { name, ship, waitingInstance, fixture } = await deployCatch('c32');
      const other = uniqueFixture('message-catch-other.bpmn', tag('c32'));
      await client.deploy('message-catch-other.bpmn', other.bytes);
      await waitingInstance('o-32');
      await waitingInstance('o-32');
      const otherInstance = await client.createInstance({
        bpmnProcessId: other.id('Process_AwaitPaymentToo'),
        variables: { orderId: 'o-32' },
      });
      await waitForElement(engine.inspector, otherInstance.processInstanceKey, 'Catch_PaymentReceived');

      // when
      await client.publishMessage({ name, correlationKey: 'o-32', timeToLive: 0 });

      // then
      expect(await waitForJobs(client, { type: ship, count: 2, within: 2_500 })).toHaveLength(1);
      expect(await waitForJob(client, { type: other.type('ship-too') })).toMatchObject({
        bpmnProcessId: other.id('Process_AwaitPaymentToo'),
      });
      expect(fixture.message('payment-received')).toBe(other.message('payment-received'));
    },
  );

  it.concurrent(
    '33: a number correlation key matches a message published with its decimal text',
    async () => {
      // given
      const { name, ship, waitingInstance } = await deployCatch('c33');
      await waitingInstance(42);

      // when
      await client.publishMessage({ name, correlationKey: '42', timeToLive: 0, variables: { paid: true } });

      // then
      expect((await waitForJob(client, { type: ship })).variables).toEqual({ orderId: 42, paid: true });
    },
  );
});
