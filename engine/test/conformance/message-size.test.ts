import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import type { IncidentView } from '../../src/service.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { eventually, expectNoJobs, rejection, waitForJob } from '../support/conformance-helpers.ts';
import { startTestEngine } from '../support/test-engine.ts';
import { CLIENT_NAMES, connect, type ConformanceClient } from '../support/zeebe-clients.ts';

// ZEEBE-COMPAT.md §0.1 (maximum message size), §1.5 (a batch fits in one
// response) and §5.1 (MESSAGE_SIZE_EXCEEDED for a job too large to activate).
const SMALL_LIMIT = 64 * 1024;
const blob = (kilobytes: number) => 'x'.repeat(kilobytes * 1024);

let small: RunningEngine;
let standard: RunningEngine;
beforeAll(async () => {
  [small, standard] = await Promise.all([
    startTestEngine('conformance_message_size_small', { maxMessageSize: SMALL_LIMIT }),
    startTestEngine('conformance_message_size_default'),
  ]);
});
afterAll(() => Promise.all([small?.stop(), standard?.stop()]));

describe.each(CLIENT_NAMES)('maximum message size through %s', (clientName) => {
  let client: ConformanceClient;
  let defaultClient: ConformanceClient;
  beforeAll(() => {
    client = connect(clientName, small.address);
    defaultClient = connect(clientName, standard.address);
  });
  afterAll(() => Promise.all([client?.close(), defaultClient?.close()]));
  const tag = (label: string) => `${clientName}-${label}`;

  async function deployOneTask(target: ConformanceClient, label: string) {
    const fixture = uniqueFixture('one-task.bpmn', tag(label));
    await target.deploy('one-task.bpmn', fixture.bytes);
    return { id: fixture.id('Process_OneTask'), type: fixture.type('work') };
  }

  async function activeIncidents(processInstanceKey: string): Promise<IncidentView[]> {
    return eventually(
      () => small.inspector.listIncidents({ processInstanceKey, state: 'ACTIVE' }),
      (found) => found.length > 0,
    );
  }

  it.concurrent(
    'refuses a request above the configured size with RESOURCE_EXHAUSTED and starts nothing',
    async () => {
      // given
      const process = await deployOneTask(client, 'refused');

      // when
      const code = await rejection(
        client.createInstance({ bpmnProcessId: process.id, variables: { scan: blob(80) } }),
      );

      // then
      expect(code).toBe(status.RESOURCE_EXHAUSTED);
      await expectNoJobs(client, process.type, 500);
    },
  );

  it.concurrent('holds 4 MB by default: a 3 MB request is served, a 5 MB one refused', async () => {
    // given
    const process = await deployOneTask(defaultClient, 'default');

    // when
    const refused = await rejection(
      defaultClient.createInstance({ bpmnProcessId: process.id, variables: { scan: blob(5 * 1024) } }),
    );
    await defaultClient.createInstance({ bpmnProcessId: process.id, variables: { scan: blob(3 * 1024) } });
    const job = await waitForJob(defaultClient, { type: process.type });

    // then
    expect(refused).toBe(status.RESOURCE_EXHAUSTED);
    expect(String(job.variables.scan)).toHaveLength(3 * 1024 * 1024);
  });

  it.concurrent(
    'raises MESSAGE_SIZE_EXCEEDED for a job whose variables outgrew the limit, and hands it out once they shrink',
    async () => {
      // given: two requests that each fit, together too large for one job
      const process = await deployOneTask(client, 'too-large');
      const instance = await client.createInstance({
        bpmnProcessId: process.id,
        variables: { front: blob(40) },
      });
      await client.setVariables({
        elementInstanceKey: instance.processInstanceKey,
        variables: { back: blob(40) },
        local: false,
      });

      // when
      await expectNoJobs(client, process.type, 500);
      const [incident] = await activeIncidents(instance.processInstanceKey);

      // then: the job is kept, not activatable, and named by the incident
      expect(incident).toMatchObject({
        errorType: 'MESSAGE_SIZE_EXCEEDED',
        elementId: 'Task_Work',
        errorMessage: expect.stringContaining('larger than the configured message size of 64 KB'),
      });
      const jobKey = incident?.jobKey ?? '';
      expect(await rejection(client.completeJob(jobKey))).toBe(status.FAILED_PRECONDITION);

      // when: the variables shrink and the incident is resolved
      await client.setVariables({
        elementInstanceKey: instance.processInstanceKey,
        variables: { back: 'summary' },
        local: false,
      });
      await client.resolveIncident(incident?.key ?? '');
      const job = await waitForJob(client, { type: process.type });

      // then: the same job, retries unchanged
      expect(job).toMatchObject({ key: jobKey, retries: 3, variables: { back: 'summary' } });
      expect(String(job.variables.front)).toHaveLength(40 * 1024);
    },
  );

  it.concurrent(
    'activates only the jobs that fit together in one response and leaves the rest activatable',
    async () => {
      // given: two jobs of 40 KB each under a 64 KB limit
      const process = await deployOneTask(client, 'split');
      const first = await client.createInstance({ bpmnProcessId: process.id, variables: { scan: blob(40) } });
      const second = await client.createInstance({
        bpmnProcessId: process.id,
        variables: { scan: blob(40) },
      });

      // when
      const batch = await client.activateJobs({ type: process.type, maxJobsToActivate: 10 });
      const next = await client.activateJobs({ type: process.type, maxJobsToActivate: 10 });

      // then
      expect(batch.map((job) => job.processInstanceKey)).toEqual([first.processInstanceKey]);
      expect(next.map((job) => job.processInstanceKey)).toEqual([second.processInstanceKey]);
      expect(next[0]?.retries).toBe(3);
      expect(await small.inspector.listIncidents({ processInstanceKey: second.processInstanceKey })).toEqual(
        [],
      );
    },
  );
});
