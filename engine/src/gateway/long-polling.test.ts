import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivatedJob, ActivateJobsRequest } from '../service.ts';
import { InMemoryEngineService } from '../../test/support/in-memory-engine-service.ts';
import { DEFAULT_MAX_MESSAGE_SIZE } from '../message-size.ts';
import { LongPollingActivator, UNDELIVERED_JOB_MESSAGE, type PollingCall } from './long-polling.ts';

const logger = pino({ level: 'silent' });

function request(type = 'work', maxJobsToActivate = 10): ActivateJobsRequest {
  return {
    type,
    worker: 'test-worker',
    timeout: 60_000,
    maxJobsToActivate,
    fetchVariable: [],
    tenantIds: ['<default>'],
  };
}

/** A call that records what the poller did to it. */
function recordingCall(options: { accepts?: boolean } = {}) {
  const events: string[] = [];
  const delivered: ActivatedJob[][] = [];
  let cancel: () => void = () => undefined;
  let settle: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (settle = resolve));
  const call: PollingCall = {
    deliver: (jobs) => {
      events.push('deliver');
      delivered.push(jobs);
      settle();
      return options.accepts ?? true;
    },
    finish: () => {
      events.push('finish');
      settle();
    },
    fail: () => {
      events.push('fail');
      settle();
    },
    onCancel: (listener) => (cancel = listener),
  };
  return { call, events, delivered, done, cancel: () => cancel() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LongPollingActivator', () => {
  const activators: LongPollingActivator[] = [];
  const activatorFor = (service: InMemoryEngineService, defaultTimeoutMs?: number) => {
    const activator = new LongPollingActivator(service, logger, DEFAULT_MAX_MESSAGE_SIZE, defaultTimeoutMs);
    activators.push(activator);
    return activator;
  };
  afterEach(() => activators.splice(0).forEach((activator) => activator.close()));

  it('hands parked polls the jobs first-in first-out, one poll ending per available batch', async () => {
    // given
    const service = new InMemoryEngineService();
    const activator = activatorFor(service);
    const first = recordingCall();
    const second = recordingCall();
    await activator.activate(request('work', 1), 5_000, first.call);
    await activator.activate(request('work', 1), 5_000, second.call);

    // when
    const jobKey = service.addJob('work');
    await first.done;

    // then
    expect(first.delivered).toEqual([[expect.objectContaining({ key: jobKey })]]);
    expect(second.events).toEqual([]);
    service.addJob('work');
    await second.done;
    expect(second.events).toEqual(['deliver']);
  });

  it('uses the default long poll when requestTimeout is 0', async () => {
    // given
    const service = new InMemoryEngineService();
    const activator = activatorFor(service, 150);
    const poll = recordingCall();
    const started = Date.now();

    // when
    await activator.activate(request(), 0, poll.call);
    await poll.done;

    // then
    expect(poll.events).toEqual(['finish']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('hands jobs back with unchanged retries when the call is gone by the time they are delivered', async () => {
    // given
    const service = new InMemoryEngineService();
    const activator = activatorFor(service);
    const poll = recordingCall({ accepts: false });
    await activator.activate(request(), 5_000, poll.call);

    // when
    const jobKey = service.addJob('work', { retries: 2 });
    await poll.done;
    await sleep(20);

    // then
    expect(service.calls.filter((call) => call.method === 'failJob').map((call) => call.args[0])).toEqual([
      { jobKey, retries: 2, retryBackOff: 0, errorMessage: UNDELIVERED_JOB_MESSAGE, variables: '' },
    ]);
    expect(service.job(jobKey)?.state).toBe('activatable');
  });

  it('sends only what fits in one 4 MB message and hands the rest back at once', async () => {
    // given
    const service = new InMemoryEngineService();
    const big = `{"scan":"${'x'.repeat(3 * 1024 * 1024)}"}`;
    const first = service.addJob('scans', { variables: big });
    const second = service.addJob('scans', { variables: big, retries: 2 });
    const activator = activatorFor(service);
    const poll = recordingCall();

    // when
    await activator.activate(request('scans'), -1, poll.call);

    // then
    expect(poll.delivered.map((jobs) => jobs.map((job) => job.key))).toEqual([[first]]);
    expect(service.calls.filter((call) => call.method === 'failJob').map((call) => call.args[0])).toEqual([
      { jobKey: second, retries: 2, retryBackOff: 0, errorMessage: UNDELIVERED_JOB_MESSAGE, variables: '' },
    ]);
    expect(service.job(second)?.state).toBe('activatable');
  });

  it('hands back jobs a cancelled poll obtained while the core was still activating them', async () => {
    // given
    const service = new InMemoryEngineService();
    service.addJob('work');
    service.activationDelayMs = 50;
    const activator = activatorFor(service);
    const poll = recordingCall();

    // when
    const activation = activator.activate(request(), 5_000, poll.call);
    poll.cancel();
    await activation;

    // then
    expect(poll.events).toEqual([]);
    expect(service.calls.filter((call) => call.method === 'failJob')).toHaveLength(1);
  });

  it('drops a cancelled parked poll so the next poll gets the job', async () => {
    // given
    const service = new InMemoryEngineService();
    const activator = activatorFor(service);
    const cancelled = recordingCall();
    const waiting = recordingCall();
    await activator.activate(request(), 5_000, cancelled.call);
    await activator.activate(request(), 5_000, waiting.call);

    // when
    cancelled.cancel();
    service.addJob('work');
    await waiting.done;

    // then
    expect(cancelled.events).toEqual([]);
    expect(waiting.events).toEqual(['deliver']);
  });

  it('finishes a poll that times out while the core is still looking, once the core found nothing', async () => {
    // given
    const service = new InMemoryEngineService();
    service.activationDelayMs = 80;
    const activator = activatorFor(service);
    const poll = recordingCall();

    // when
    await activator.activate(request(), 20, poll.call);

    // then
    expect(poll.events).toEqual(['finish']);
  });

  it('does not lose a job that became available while the first attempt was running', async () => {
    // given
    const service = new InMemoryEngineService();
    service.activationDelayMs = 40;
    const activator = activatorFor(service);
    const poll = recordingCall();

    // when
    const activation = activator.activate(request(), 5_000, poll.call);
    await sleep(10);
    service.addJob('work');
    await activation;
    await poll.done;

    // then
    expect(poll.events).toEqual(['deliver']);
  });

  it('ends every parked poll with zero messages on close', async () => {
    // given
    const service = new InMemoryEngineService();
    const activator = activatorFor(service);
    const polls = [recordingCall(), recordingCall()];
    for (const poll of polls) await activator.activate(request(), 60_000, poll.call);

    // when
    activator.close();

    // then
    expect(polls.map((poll) => poll.events)).toEqual([['finish'], ['finish']]);
  });
});
