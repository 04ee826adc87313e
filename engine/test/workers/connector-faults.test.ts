import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectors } from '../../src/workers/start-connectors.ts';
import {
  ONE_OF_EACH,
  recordsPerChild,
  startConnectorWorld,
  type ConnectorWorld,
} from './connector-harness.ts';

/**
 * "Never twice in effect": the registries count one record per operation and
 * child however the calls fail, time out, lose their answers after committing,
 * or lose the connector process that made them.
 */
let world: ConnectorWorld;

beforeAll(async () => {
  world = await startConnectorWorld('connector_faults');
  // Enough retries that 30 % failures cannot exhaust them (0.3^12).
  await world.deployChain(12);
});

afterAll(async () => {
  await world?.stop();
});

const expectedCounts = (names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, ONE_OF_EACH]));
const registered = (views: Awaited<ReturnType<ConnectorWorld['waitForEnd']>>) =>
  views.map((view) => view.elements.some((element) => element.elementId === 'End_Registered'));

describe('registry connectors under faults', () => {
  it(
    'completes every chain with exactly one record per operation when 30 % of calls fail or time out',
    { timeout: 180_000 },
    async () => {
      // given: errors, timeouts longer than the connector waits, and writes that commit but lose their answer
      await world.setFaults({ errorRate: 0.15, timeoutRate: 0.1, lostResponseRate: 0.1, hangMs: 1_500 });
      const connectors = startConnectors({
        zeebe: world.zeebe,
        registriesUrl: world.registriesUrl,
        logger: pino({ level: process.env.ENGINE_TEST_LOG ?? 'silent' }),
        pollInterval: 100,
        jobTimeoutMs: 10_000,
        requestTimeoutMs: 1_000,
        retryPolicy: { baseMs: 50, maxMs: 500 },
      });
      const names = ['陈一', '陈二', '陈三', '陈四', '陈五', '陈六'];
      try {
        // when
        const keys = await Promise.all(names.map((childName) => world.startChain({ childName })));
        const views = await world.waitForEnd(keys, 150_000);
        // then
        expect(registered(views)).toEqual(names.map(() => true));
      } finally {
        await connectors.stop();
        await world.clearFaults();
      }
      expect(await recordsPerChild(world, names)).toEqual(expectedCounts(names));
    },
  );

  it(
    'neither loses nor doubles a registration when the connector process is killed mid-flight',
    { timeout: 180_000 },
    async () => {
      // given: slow registries, so calls are in flight when the process dies
      await world.setFaults({ latencyMs: 300, latencyJitterMs: 400, lostResponseRate: 0.1, hangMs: 2_500 });
      const names = ['王一', '王二', '王三', '王四', '王五', '王六'];
      const keys = await Promise.all(names.map((childName) => world.startChain({ childName })));
      try {
        // when: kill -9 at a random moment, then a fresh process takes over
        const first = await spawnConnectors(world);
        await waitUntil(async () => (await certificatesIssued(names)) > 0);
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 1_000)));
        first.kill('SIGKILL');
        await new Promise((resolve) => first.once('exit', resolve));
        // the kill came mid-flight: work was done and work was left
        const open = await Promise.all(
          keys.map(async (key) => (await world.engine.inspector.getProcessInstance(key))?.state === 'ACTIVE'),
        );
        expect(open).toContain(true);
        const second = await spawnConnectors(world);
        try {
          const views = await world.waitForEnd(keys, 150_000);
          // then
          expect(registered(views)).toEqual(names.map(() => true));
        } finally {
          second.kill('SIGTERM');
          await new Promise((resolve) => second.once('exit', resolve));
        }
      } finally {
        await world.clearFaults();
      }
      expect(await recordsPerChild(world, names)).toEqual(expectedCounts(names));
    },
  );
});

async function certificatesIssued(names: readonly string[]): Promise<number> {
  const counts = await recordsPerChild(world, names);
  return Object.values(counts).reduce(
    (sum, perOperation) => sum + (perOperation['issue-birth-certificate'] ?? 0),
    0,
  );
}

async function waitUntil(probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function spawnConnectors(target: ConnectorWorld): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'connector-process.ts')],
    {
      env: {
        ...process.env,
        CONNECTORS_ZEEBE_ADDRESS: target.engine.address,
        REGISTRIES_URL: target.registriesUrl,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`connector process exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('CONNECTORS_READY')) resolve();
    });
  });
  return child;
}
