import { activateJobs, type ActivatedJobRecord } from '../runtime/job-commands.ts';
import type { Execution } from '../runtime/execution.ts';
import { toActivatedJob } from './activated-job.ts';
import type { JobStreams, OpenStream } from './job-streams.ts';

/** A job activated for a stream in the batch that made it activatable; pushed once that batch is durable. */
export interface StreamPush {
  record: ActivatedJobRecord;
  stream: OpenStream;
}

/**
 * Runs at the end of a batch (§1.6): every job that became activatable in it,
 * and whose type has an open stream, is activated for one of those streams
 * in the same batch — one transaction, no second commit. Jobs a stream just
 * handed back are left for the long polls, so a failing stream cannot spin.
 */
export function activateForStreams(x: Execution, streams: JobStreams, maxMessageSize: number): StreamPush[] {
  const pushes: StreamPush[] = [];
  for (const jobKey of [...x.changes.activatableJobs]) {
    if (x.changes.yieldedJobs.has(jobKey)) continue;
    const job = x.state.jobs.get(jobKey);
    if (!job || job.state !== 'ACTIVATABLE') continue;
    const stream = streams.next(job.type);
    if (!stream) continue;
    const [record] = activateJobs(
      x,
      {
        type: job.type,
        worker: stream.request.worker,
        timeout: stream.request.timeout,
        maxJobsToActivate: 1,
        fetchVariable: stream.request.fetchVariable,
        maxMessageSize,
      },
      [jobKey],
    );
    if (record) pushes.push({ record, stream });
  }
  return pushes;
}

/**
 * Pushes committed activations to their streams; returns the keys of jobs
 * whose stream was gone, which the caller hands back (job yield) so they are
 * activatable again at once with unchanged retries.
 */
export function deliver(pushes: readonly StreamPush[]): number[] {
  const failed: number[] = [];
  for (const { record, stream } of pushes) {
    let delivered = false;
    try {
      delivered = stream.sink.push(toActivatedJob(record));
    } catch {
      delivered = false;
    }
    if (!delivered) failed.push(record.job.key);
  }
  return failed;
}
