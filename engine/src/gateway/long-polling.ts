import type { Logger } from 'pino';
import type { ActivatedJob, ActivateJobsRequest, EngineService } from '../service.ts';
import { DEFAULT_MAX_MESSAGE_SIZE } from '../message-size.ts';
import { fitToMessage } from './job-batch-size.ts';

/** What a long poll needs from its gRPC call; a plain object in unit tests. */
export interface PollingCall {
  /** Sends ONE response holding the jobs and ends the call; false if the call is gone. */
  deliver(jobs: ActivatedJob[]): boolean;
  /** Ends the call with zero messages. */
  finish(): void;
  fail(error: unknown): void;
  onCancel(listener: () => void): void;
}

/** The builder default of Zeebe's gateway when a request says requestTimeout 0 (§1.5). */
export const DEFAULT_LONG_POLL_MS = 10_000;

export const UNDELIVERED_JOB_MESSAGE = 'the activated job could not be delivered to the worker';

interface Poll {
  request: ActivateJobsRequest;
  call: PollingCall;
  state: 'activating' | 'parked' | 'done';
  timedOut: boolean;
  timer: NodeJS.Timeout | undefined;
}

/** Parked polls of one job type, served first-in first-out. */
interface Lane {
  parked: Poll[];
  /** Counts job-available signals, so a signal during an attempt is not lost. */
  signals: number;
  draining: boolean;
  drainAgain: boolean;
}

/**
 * ActivateJobs long polling as Zeebe's LongPollingActivateJobsHandler does it
 * (ZEEBE-COMPAT.md §1.5): activate now; if nothing, park until jobs of the type
 * may be available or the request timeout runs out; never send an empty message.
 */
export class LongPollingActivator {
  private readonly lanes = new Map<string, Lane>();
  private readonly stopListening: () => void;
  private closed = false;

  constructor(
    private readonly service: EngineService,
    private readonly logger: Logger,
    private readonly maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE,
    private readonly defaultTimeoutMs = DEFAULT_LONG_POLL_MS,
  ) {
    this.stopListening = service.onJobsAvailable((type) => this.jobsAvailable(type));
  }

  async activate(request: ActivateJobsRequest, requestTimeout: number, call: PollingCall): Promise<void> {
    if (this.closed) return call.finish();
    const poll: Poll = { request, call, state: 'activating', timedOut: false, timer: undefined };
    const lane = this.lane(request.type);
    const signalsBefore = lane.signals;
    if (requestTimeout >= 0) {
      const waitMs = requestTimeout === 0 ? this.defaultTimeoutMs : requestTimeout;
      poll.timer = setTimeout(() => this.expire(poll, lane), waitMs);
    }
    call.onCancel(() => this.drop(poll, lane));
    const outcome = await this.attempt(poll);
    if (outcome !== 'empty' || poll.state === 'done') return;
    if (requestTimeout < 0 || poll.timedOut || this.closed) return this.end(poll);
    poll.state = 'parked';
    lane.parked.push(poll);
    if (lane.signals !== signalsBefore) void this.drain(lane);
  }

  /** Ends every parked poll with zero messages and stops listening for jobs. */
  close(): void {
    this.closed = true;
    this.stopListening();
    for (const lane of this.lanes.values()) {
      for (const poll of lane.parked.splice(0)) this.end(poll);
    }
  }

  private jobsAvailable(type: string): void {
    const lane = this.lanes.get(type);
    if (!lane) return;
    lane.signals += 1;
    if (lane.parked.length > 0) void this.drain(lane);
  }

  private async drain(lane: Lane): Promise<void> {
    if (lane.draining) {
      lane.drainAgain = true;
      return;
    }
    lane.draining = true;
    try {
      do {
        lane.drainAgain = false;
        let head = lane.parked[0];
        while (head && !this.closed) {
          head.state = 'activating';
          const outcome = await this.attempt(head);
          if (outcome === 'empty' && head.state === 'activating' && !head.timedOut) {
            head.state = 'parked';
            break;
          }
          remove(lane.parked, head);
          // Timed out while asking the core: end it now that the answer is known.
          if (outcome === 'empty' && head.state === 'activating') this.end(head);
          head = lane.parked[0];
        }
      } while (lane.drainAgain && !this.closed);
    } finally {
      lane.draining = false;
    }
  }

  /** One activation try; delivers the jobs it got, or hands them back if the call is gone. */
  private async attempt(poll: Poll): Promise<'delivered' | 'empty' | 'failed'> {
    let jobs: ActivatedJob[];
    try {
      jobs = await this.service.activateJobs(poll.request);
    } catch (error) {
      this.settle(poll);
      poll.call.fail(error);
      return 'failed';
    }
    if (jobs.length === 0) return 'empty';
    const wasDropped = poll.state === 'done';
    this.settle(poll);
    const { fits, rest } = fitToMessage(jobs, this.maxMessageSize);
    if (wasDropped || !poll.call.deliver(fits)) await this.handBack(jobs);
    else if (rest.length > 0) await this.handBack(rest);
    return 'delivered';
  }

  private expire(poll: Poll, lane: Lane): void {
    poll.timedOut = true;
    if (poll.state !== 'parked') return;
    remove(lane.parked, poll);
    this.end(poll);
  }

  private drop(poll: Poll, lane: Lane): void {
    remove(lane.parked, poll);
    this.settle(poll);
  }

  private end(poll: Poll): void {
    this.settle(poll);
    poll.call.finish();
  }

  private settle(poll: Poll): void {
    poll.state = 'done';
    clearTimeout(poll.timer);
  }

  /** Undeliverable jobs (call gone, or past the message size) become activatable again at once, retries unchanged. */
  private async handBack(jobs: ActivatedJob[]): Promise<void> {
    for (const job of jobs) {
      try {
        await this.service.failJob({
          jobKey: job.key,
          retries: job.retries,
          retryBackOff: 0,
          errorMessage: UNDELIVERED_JOB_MESSAGE,
          variables: '',
        });
      } catch (error) {
        this.logger.warn({ err: error, jobKey: job.key }, 'could not hand back an undelivered job');
      }
    }
  }

  private lane(type: string): Lane {
    let lane = this.lanes.get(type);
    if (!lane) {
      lane = { parked: [], signals: 0, draining: false, drainAgain: false };
      this.lanes.set(type, lane);
    }
    return lane;
  }
}

function remove(polls: Poll[], poll: Poll): void {
  const index = polls.indexOf(poll);
  if (index >= 0) polls.splice(index, 1);
}
