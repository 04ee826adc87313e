/**
 * Zeebe's maximum message size (ZEEBE-COMPAT.md §0.1): 4 MB by default. It
 * bounds every gRPC message in both directions, and an activated job batch
 * must fit in one ActivateJobsResponse.
 */
export const DEFAULT_MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

/** Smallest accepted setting: a job with its headers must still fit. */
export const MIN_MAX_MESSAGE_SIZE = 32 * 1024;
/** Largest accepted setting (Zeebe caps it at 128 MB). */
export const MAX_MAX_MESSAGE_SIZE = 128 * 1024 * 1024;

/**
 * An upper bound for the protobuf framing of one ActivatedJob beyond its
 * text: field tags, length prefixes, the int64 keys, retries and deadline,
 * and the repeated-field wrapper in the response.
 */
const JOB_FRAMING_BYTES = 512;

/** Room for the response's own framing (gRPC message prefix, outer tags). */
const RESPONSE_FRAMING_BYTES = 1024;

/** The text fields of an activated job, as sent on the wire. */
export interface JobText {
  type: string;
  bpmnProcessId: string;
  elementId: string;
  customHeaders: string;
  worker: string;
  variables: string;
  tenantId: string;
}

/** Bytes one activated job takes at most in an ActivateJobsResponse. */
export function activatedJobBytes(job: JobText): number {
  return (
    Buffer.byteLength(job.type) +
    Buffer.byteLength(job.bpmnProcessId) +
    Buffer.byteLength(job.elementId) +
    Buffer.byteLength(job.customHeaders) +
    Buffer.byteLength(job.worker) +
    Buffer.byteLength(job.variables) +
    Buffer.byteLength(job.tenantId) +
    JOB_FRAMING_BYTES
  );
}

/** What the jobs of one response may take together under a message size. */
export function jobBatchLimit(maxMessageSize: number): number {
  return maxMessageSize - RESPONSE_FRAMING_BYTES;
}

/** Throws for a setting outside the accepted range (a configuration error, found at start). */
export function checkMaxMessageSize(value: number): number {
  if (!Number.isInteger(value) || value < MIN_MAX_MESSAGE_SIZE || value > MAX_MAX_MESSAGE_SIZE)
    throw new Error(
      `maxMessageSize must be a whole number of bytes from ${MIN_MAX_MESSAGE_SIZE} to ${MAX_MAX_MESSAGE_SIZE}, got ${value}`,
    );
  return value;
}

/** 4194304 → "4 MB", 70000 → "68.4 KB": for messages people read. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} B`;
}

function trim(value: number): string {
  return String(Math.round(value * 10) / 10);
}
