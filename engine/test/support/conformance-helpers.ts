import { expect } from 'vitest';
import type { EngineInspector } from '../../src/service.ts';
import {
  grpcCode,
  grpcDetails,
  type ActivateOptions,
  type ConformanceClient,
  type Job,
} from './zeebe-clients.ts';

/**
 * Commands are asynchronous (ZEEBE-COMPAT.md §0.4): a job appears some time
 * after the command that leads to it. These helpers long-poll until it does.
 */
export async function waitForJobs(
  client: ConformanceClient,
  options: ActivateOptions & { count?: number; within?: number },
): Promise<Job[]> {
  const { count = 1, within = 10_000, ...activation } = options;
  const deadline = Date.now() + within;
  const jobs: Job[] = [];
  while (jobs.length < count && Date.now() < deadline) {
    const requestTimeout = Math.max(100, Math.min(2_000, deadline - Date.now()));
    jobs.push(
      ...(await client.activateJobs({
        ...activation,
        maxJobsToActivate: count - jobs.length,
        requestTimeout,
      })),
    );
  }
  return jobs;
}

export async function waitForJob(
  client: ConformanceClient,
  options: ActivateOptions & { within?: number },
): Promise<Job> {
  const [job] = await waitForJobs(client, { ...options, count: 1 });
  if (!job)
    throw new Error(
      `no job of type ${options.type} became activatable within ${options.within ?? 10_000} ms`,
    );
  return job;
}

/** Proves a type has nothing activatable for a while (a long poll that ends empty). */
export async function expectNoJobs(client: ConformanceClient, type: string, forMs = 1_000): Promise<void> {
  expect(await client.activateJobs({ type, requestTimeout: forMs })).toEqual([]);
}

/** The gRPC status a call was rejected with; fails the test if it succeeded. */
export async function rejection(call: Promise<unknown>): Promise<number | undefined> {
  try {
    await call;
  } catch (error) {
    return grpcCode(error);
  }
  throw new Error('expected the call to be rejected, but it succeeded');
}

/** The gRPC status and message a call was rejected with; fails the test if it succeeded. */
export async function rejectionWithDetails(
  call: Promise<unknown>,
): Promise<{ code: number | undefined; details: string }> {
  try {
    await call;
  } catch (error) {
    return { code: grpcCode(error), details: grpcDetails(error) };
  }
  throw new Error('expected the call to be rejected, but it succeeded');
}

/** Polls a read (the inspector) until it satisfies `accept`. */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  within = 10_000,
): Promise<T> {
  const deadline = Date.now() + within;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await sleep(100);
    value = await read();
  }
  return value;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Zeebe keys carry their partition in the top bits: key >> 51 (§2.1). */
export function partitionOf(key: string): number {
  return Number(BigInt(key) >> 51n);
}

/** Waits until an instance has an element in the given state, e.g. a catch event waiting. */
export async function waitForElement(
  inspector: EngineInspector,
  processInstanceKey: string,
  elementId: string,
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED' = 'ACTIVE',
): Promise<void> {
  const view = await eventually(
    () => inspector.getProcessInstance(processInstanceKey),
    (found) =>
      found?.elements.some((element) => element.elementId === elementId && element.state === state) ?? false,
  );
  if (!view?.elements.some((element) => element.elementId === elementId && element.state === state)) {
    throw new Error(`${elementId} of instance ${processInstanceKey} never became ${state}`);
  }
}
