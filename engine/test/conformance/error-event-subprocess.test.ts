import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { eventually, waitForJob } from '../support/conformance-helpers.ts';
import { startTestEngine } from '../support/test-engine.ts';
import { CLIENT_NAMES, connect, type ConformanceClient } from '../support/zeebe-clients.ts';

// ZEEBE-COMPAT.md §7.2 case 29: an error event sub-process catching an error from an embedded sub-process.
let engine: RunningEngine;
beforeAll(async () => {
  engine = await startTestEngine('conformance_error_event_subprocess');
});
afterAll(() => engine?.stop());

describe.each(CLIENT_NAMES)('error events through %s', (clientName) => {
  let client: ConformanceClient;
  beforeAll(() => {
    client = connect(clientName, engine.address);
  });
  afterAll(() => client?.close());
  const tag = (label: string) => `${clientName}-${label}`;

  it.concurrent(
    '29: an error thrown inside an embedded sub-process is caught by an error event sub-process',
    async () => {
      // given
      const fixture = uniqueFixture('error-event-subprocess.bpmn', tag('c29'));
      await client.deploy('error-event-subprocess.bpmn', fixture.bytes);
      const instance = await client.createInstance({
        bpmnProcessId: fixture.id('Process_ErrorEventSubProcess'),
      });
      const inner = await waitForJob(client, { type: fixture.type('inner') });

      // when
      await client.throwError({ jobKey: inner.key, errorCode: 'INNER_FAILED' });
      const recover = await waitForJob(client, { type: fixture.type('recover') });
      await client.completeJob(recover.key);

      // then
      expect(recover.elementId).toBe('Task_Recover');
      const view = await eventually(
        () => engine.inspector.getProcessInstance(instance.processInstanceKey),
        (found) => found?.state === 'COMPLETED',
      );
      expect(view?.state).toBe('COMPLETED');
      expect(view?.elements.find((element) => element.elementId === 'SubProcess_Inner')?.state).toBe(
        'TERMINATED',
      );
    },
  );
});
