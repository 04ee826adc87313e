import type { ActivatedJob } from '../service.ts';

/** Room left in a 4 MB gRPC message for the jobs themselves. */
export const MAX_JOB_BATCH_BYTES = 4 * 1024 * 1024 - 64 * 1024;

/** Field names, keys, tags and framing of one ActivatedJob, beyond its text fields. */
const JOB_OVERHEAD_BYTES = 512;

/**
 * Splits activated jobs into what fits in one ActivateJobsResponse and the
 * rest, which the gateway hands back, as Zeebe's gateway does when a batch
 * would exceed the message size. The first job always goes: a single job too
 * large for any message is the core's to turn into an incident.
 */
export function fitToMessage(
  jobs: ActivatedJob[],
  limit = MAX_JOB_BATCH_BYTES,
): { fits: ActivatedJob[]; rest: ActivatedJob[] } {
  let used = 0;
  let count = 0;
  for (const job of jobs) {
    const size = jobBytes(job);
    if (count > 0 && used + size > limit) break;
    used += size;
    count += 1;
  }
  return { fits: jobs.slice(0, count), rest: jobs.slice(count) };
}

function jobBytes(job: ActivatedJob): number {
  const text =
    job.variables +
    job.customHeaders +
    job.type +
    job.bpmnProcessId +
    job.elementId +
    job.worker +
    job.tenantId;
  return Buffer.byteLength(text, 'utf8') + JOB_OVERHEAD_BYTES;
}
