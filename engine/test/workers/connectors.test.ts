import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REJECTION_VARIABLE } from '../../src/workers/job-action.ts';
import { startConnectors, type RunningConnectors } from '../../src/workers/start-connectors.ts';
import {
  newbornVariables,
  ONE_OF_EACH,
  recordsPerChild,
  startConnectorWorld,
  type ConnectorWorld,
} from './connector-harness.ts';

const logger = pino({ level: process.env.ENGINE_TEST_LOG ?? 'silent' });
let world: ConnectorWorld;
let connectors: RunningConnectors;

beforeAll(async () => {
  world = await startConnectorWorld('connectors');
  await world.deployChain(3);
  connectors = startConnectors({
    zeebe: { address: world.engine.address },
    registriesUrl: world.registriesUrl,
    logger,
    pollInterval: 100,
    requestTimeoutMs: 5_000,
    // A job the engine handed out while stopping stays locked this long.
    jobTimeoutMs: 10_000,
    retryPolicy: { baseMs: 50, maxMs: 400 },
  });
});

afterAll(async () => {
  await connectors?.stop();
  await world?.stop();
});

describe('registry connectors', () => {
  it('registers a newborn in all four registries and hands the certificate numbers and document URLs to the process', async () => {
    // given
    const created = await world.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'connector_chain',
      variables: newbornVariables({ childName: '陈小雨' }),
      requestTimeout: 60_000,
    });
    // when
    const variables: unknown = JSON.parse(JSON.stringify(created.variables));
    // then
    expect(variables).toMatchObject({
      birthCertificateNo: expect.stringMatching(/^Q\d{9}$/),
      birthCertificateUrl: expect.stringMatching(/^\/registries\/health\/documents\/Q\d{9}$/),
      vaccinationRecordNo: expect.stringMatching(/^JZ2026\d{8}$/),
      householdEntryNo: expect.stringMatching(/^HJ2026\d{8}$/),
      childIdNumber: expect.stringMatching(/^330106202611\d{6}$/),
      medicalEnrolmentNo: expect.stringMatching(/^CB2026\d{8}$/),
      infantCareDeductionNo: expect.stringMatching(/^KC2026\d{8}$/),
      infantCareMonthlyAmount: 1000,
      infantCareDeductionUrl: expect.stringMatching(/^\/registries\/tax\/documents\//),
    });
    expect(await recordsPerChild(world, ['陈小雨'])).toEqual({ 陈小雨: ONE_OF_EACH });
  });

  it('turns a registry rejection into a BPMN error the process catches, with the registry code', async () => {
    // given: a valid ID number of nobody in the civil registry
    const key = await world.startChain({ childName: '陈小风', motherIdNumber: '11010519491231002X' });
    // when
    const [view] = await world.waitForEnd([key], 30_000);
    // then
    expect(view?.state).toBe('COMPLETED');
    expect(view?.elements.map((element) => element.elementId)).toContain('End_Rejected');
    expect(view?.elements.map((element) => element.elementId)).not.toContain('Task_CreateVaccinationRecord');
    expect(await world.engine.inspector.listIncidents({ processInstanceKey: key })).toEqual([]);
    expect(view?.variables[key]?.[REJECTION_VARIABLE]).toMatchObject({
      registry: 'health',
      operation: 'issue-birth-certificate',
      code: 'PERSON_NOT_FOUND',
    });
  });

  it('retries a registry outage with back-off and raises an incident naming the failure when retries run out', async () => {
    // given
    await world.setFaults({ outage: true });
    try {
      // when
      const key = await world.startChain({ childName: '陈小云' });
      const incident = await waitFor(
        async () =>
          (await world.engine.inspector.listIncidents({ processInstanceKey: key, state: 'ACTIVE' }))[0],
        30_000,
      );
      // then
      expect(incident.elementId).toBe('Task_IssueBirthCertificate');
      expect(incident.errorMessage).toBe(
        'health/issue-birth-certificate: REGISTRY_UNAVAILABLE after 3 attempt(s), retries exhausted: 登记系统暂不可用 / the registry is unavailable',
      );
    } finally {
      await world.clearFaults();
    }
  });

  it('goes on working when the engine restarts under it', { timeout: 90_000 }, async () => {
    // given
    const before = await world.startChain({ childName: '陈小春' });
    // when
    await world.restartEngine();
    const after = await world.startChain({ childName: '陈小夏' });
    // then
    const views = await world.waitForEnd([before, after], 60_000);
    expect(
      views.map((view) => view.elements.some((element) => element.elementId === 'End_Registered')),
    ).toEqual([true, true]);
    expect(await recordsPerChild(world, ['陈小春', '陈小夏'])).toEqual({
      陈小春: ONE_OF_EACH,
      陈小夏: ONE_OF_EACH,
    });
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
