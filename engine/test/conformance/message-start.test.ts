import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { expectNoJobs, rejection, waitForJob } from '../support/conformance-helpers.ts';
import { startTestEngine } from '../support/test-engine.ts';
import { CLIENT_NAMES, connect, type ConformanceClient } from '../support/zeebe-clients.ts';

// ZEEBE-COMPAT.md §7.2 cases 9 and 34: message start events.
let engine: RunningEngine;
beforeAll(async () => {
  engine = await startTestEngine('conformance_message_start');
});
afterAll(() => engine?.stop());

describe.each(CLIENT_NAMES)('message start events through %s', (clientName) => {
  let client: ConformanceClient;
  beforeAll(() => {
    client = connect(clientName, engine.address);
  });
  afterAll(() => client?.close());
  const tag = (label: string) => `${clientName}-${label}`;

  it.concurrent(
    '34: a message start event starts an instance with the message variables, once per active key',
    async () => {
      // given
      const fixture = uniqueFixture('message-start.bpmn', tag('c34'));
      await client.deploy('message-start.bpmn', fixture.bytes);
      const name = fixture.message('order-placed');

      // when
      await client.publishMessage({ name, correlationKey: 'order-34', variables: { item: 'passport' } });
      const fulfil = await waitForJob(client, { type: fixture.type('fulfil') });
      await client.publishMessage({ name, correlationKey: 'order-34', variables: { item: 'visa' } });

      // then
      expect(fulfil.variables).toEqual({ item: 'passport' });
      expect(fulfil.bpmnProcessId).toBe(fixture.id('Process_MessageStart'));
      await expectNoJobs(client, fixture.type('fulfil'), 1_500);
    },
  );

  it.concurrent(
    '9: refuses to create an instance of a process that only has a message start event',
    async () => {
      // given
      const fixture = uniqueFixture('message-start.bpmn', tag('c9'));
      await client.deploy('message-start.bpmn', fixture.bytes);

      // when
      const code = await rejection(
        client.createInstance({ bpmnProcessId: fixture.id('Process_MessageStart') }),
      );

      // then
      expect(code).toBe(status.FAILED_PRECONDITION);
    },
  );
});
