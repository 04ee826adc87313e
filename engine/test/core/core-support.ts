import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { inject } from 'vitest';
import { openEngine, type OpenedEngine } from '../../src/core/open-engine.ts';
import type { ActivatedJob, EngineService } from '../../src/service.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** A fresh database on the run's PostgreSQL (one per test file). */
export async function createCoreDatabase(label: string): Promise<string> {
  const maintenanceUrl = inject('postgresUrl');
  const name = `core_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: maintenanceUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(public current = Date.UTC(2026, 0, 1, 9, 0, 0)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export function openCoreEngine(databaseUrl: string, clock?: ManualClock): Promise<OpenedEngine> {
  return openEngine({ databaseUrl, clock, logger: pino({ level: process.env.ENGINE_TEST_LOG ?? 'silent' }) });
}

const NAMESPACES =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="http://bpmn.io/schema/bpmn"';

/** A BPMN document with one executable process; `extra` goes next to the process (messages, errors). */
export function bpmn(processId: string, body: string, extra = ''): Uint8Array {
  return new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${NAMESPACES} id="Definitions_${processId}">` +
      `<bpmn:process id="${processId}" isExecutable="true">${body}</bpmn:process>${extra}</bpmn:definitions>`,
  );
}

export function serviceTask(id: string, type: string, inner = ''): string {
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"/>${inner}</bpmn:extensionElements></bpmn:serviceTask>`;
}

export function flow(id: string, from: string, to: string, condition?: string): string {
  if (condition === undefined) return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

/** none start → one service task → none end. */
export function oneTaskProcess(processId: string, type: string, taskInner = ''): Uint8Array {
  return bpmn(
    processId,
    `<bpmn:startEvent id="Start"/>${serviceTask('Task', type, taskInner)}<bpmn:endEvent id="End"/>` +
      flow('Flow_1', 'Start', 'Task') +
      flow('Flow_2', 'Task', 'End'),
  );
}

export async function deploy(service: EngineService, name: string, content: Uint8Array) {
  return service.deploy([{ name, content }], '');
}

export async function create(service: EngineService, bpmnProcessId: string, variables = '') {
  return service.createProcessInstance({
    bpmnProcessId,
    version: -1,
    processDefinitionKey: '',
    variables,
    startInstructions: [],
    tenantId: '',
  });
}

export function activate(
  service: EngineService,
  type: string,
  options: { max?: number; timeout?: number; fetch?: string[] } = {},
): Promise<ActivatedJob[]> {
  return service.activateJobs({
    type,
    worker: 'test-worker',
    timeout: options.timeout ?? 60_000,
    maxJobsToActivate: options.max ?? 10,
    fetchVariable: options.fetch ?? [],
    tenantIds: [],
  });
}

export async function activateOne(
  service: EngineService,
  type: string,
  options: { timeout?: number; fetch?: string[] } = {},
): Promise<ActivatedJob> {
  const [job] = await activate(service, type, { ...options, max: 1 });
  if (!job) throw new Error(`expected an activatable job of type '${type}'`);
  return job;
}

/** Polls until `check` passes (due work runs on the engine's ~100 ms scheduler). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
