import type { AddressInfo } from 'node:net';
import { startConnectors, type RunningConnectors } from '@onething/engine';
import { startRegistriesServer } from '@onething/registries';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { expect } from 'vitest';
import type { UserTaskBridge } from '../../src/modules/tasks/user-task-bridge.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { startProcessTestApp, startTestTaskBridge, type ProcessTestApp } from './process-app.ts';
import { signIn } from './test-app.ts';

/**
 * Studio dry runs through HTTP: the real app with newborn, the embedded
 * engine, registry connectors, user-task bridge and sandbox registries (on
 * the real clock: a dry run's newborn is born a few days before today).
 */
export interface DryRunWorld {
  t: ProcessTestApp;
  /** Session cookies of designer1, window1 and citizen1. */
  designer: string;
  window1: string;
  citizen1: string;
  /** The current draft of newborn in the Studio. */
  draftVersion(): Promise<{ version: number; publishedKey: string | undefined }>;
  /** POST a dry run of newborn's current draft for citizen1. */
  start(cookie?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  view(id: string): Promise<DryRunDetail>;
  /** Polls the dry run until `ready` says it is there; fails naming where the run stands. */
  until(id: string, what: string, ready: (run: DryRunDetail) => boolean): Promise<DryRunDetail>;
  close(): Promise<void>;
}

export interface DryRunTask {
  id: string;
  elementId: string;
  name: string;
  candidateGroups: string[];
  state: 'open' | 'completed' | 'cancelled';
  form: { components: unknown[] } | null;
}

export interface DryRunDetail {
  id: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED' | 'CANCELLED';
  cancelReason: 'designer' | 'expired' | null;
  processInstanceKey: string;
  bpmnProcessId: string;
  elements: { elementId: string; state: string }[];
  incidents: { elementId: string; errorMessage: string }[];
  outcomes: { service: string; status: string; result?: Record<string, unknown> }[];
  variables: Record<string, unknown>;
  tasks: DryRunTask[];
}

export const openTask = (run: DryRunDetail): DryRunTask | undefined =>
  run.tasks.find((task) => task.state === 'open');

export async function startDryRunWorld(): Promise<DryRunWorld> {
  const registriesDb: TestDatabase = await createTestDatabase('api_dry_run_registries');
  const registries: FastifyInstance = await startRegistriesServer({
    databaseUrl: registriesDb.url,
    port: 0,
    logger: false,
  });
  const registriesUrl = `http://127.0.0.1:${(registries.server.address() as AddressInfo).port}`;
  const t = await startProcessTestApp(['newborn'], { registriesUrl, registriesSandbox: true });
  const connectors: RunningConnectors = startConnectors({
    zeebe: t.zeebe,
    registriesUrl,
    logger: pino({ level: 'silent' }),
    pollInterval: 100,
  });
  const bridge: UserTaskBridge = startTestTaskBridge(t);
  const designer = await signIn(t.app, 'designer1');

  const draftVersion = async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/studio/bundles/newborn',
      headers: { cookie: designer },
    });
    const draft: { version: number; published: { processDefinitionKey: string } | null } = response.json();
    return { version: draft.version, publishedKey: draft.published?.processDefinitionKey };
  };
  const view = async (id: string): Promise<DryRunDetail> => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/studio/dry-runs/${id}`,
      headers: { cookie: designer },
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  return {
    t,
    designer,
    window1: await signIn(t.app, 'window1'),
    citizen1: await signIn(t.app, 'citizen1'),
    draftVersion,
    start: async (cookie = designer) => {
      const { version } = await draftVersion();
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/studio/bundles/newborn/dry-runs',
        headers: { cookie },
        payload: { version, citizen: 'citizen1' },
      });
      return { status: response.statusCode, body: response.json() };
    },
    view,
    until: async (id, what, ready) => {
      const deadline = Date.now() + 45_000;
      let run = await view(id);
      while (!ready(run)) {
        if (Date.now() > deadline) {
          const open = run.elements.filter((e) => e.state === 'ACTIVE').map((e) => e.elementId);
          throw new Error(
            `no ${what}: ${run.state}, active ${open.join(', ')}, incidents ${JSON.stringify(run.incidents)}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
        run = await view(id);
      }
      return run;
    },
    close: async () => {
      await bridge.stop();
      await connectors.stop();
      await t.close();
      await registries.close();
      await registriesDb.drop();
    },
  };
}
