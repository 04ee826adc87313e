import { activatedJobBytes, jobBatchLimit } from '../message-size.ts';
import type { ActivatedJob } from '../service.ts';

/**
 * Splits activated jobs into what fits in one ActivateJobsResponse under the
 * configured message size and the rest, which the gateway hands back, as
 * Zeebe's gateway does when writing a batch fails (§1.5). The core already
 * activates only what fits, so this is the gateway's own guarantee for any
 * EngineService. The first job always goes: a job too large for any message
 * is the core's to turn into an incident.
 */
export function fitToMessage(
  jobs: ActivatedJob[],
  maxMessageSize: number,
): { fits: ActivatedJob[]; rest: ActivatedJob[] } {
  const limit = jobBatchLimit(maxMessageSize);
  let used = 0;
  let count = 0;
  for (const job of jobs) {
    const size = activatedJobBytes(job);
    if (count > 0 && used + size > limit) break;
    used += size;
    count += 1;
  }
  return { fits: jobs.slice(0, count), rest: jobs.slice(count) };
}
