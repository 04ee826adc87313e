import type { ActivatedJobRecord } from '../runtime/job-commands.ts';
import { DEFAULT_TENANT, type ActivatedJob } from '../service.ts';

export function toActivatedJob(record: ActivatedJobRecord): ActivatedJob {
  const job = record.job;
  return {
    key: String(job.key),
    type: job.type,
    processInstanceKey: String(job.processInstanceKey),
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.version,
    processDefinitionKey: String(job.definitionKey),
    elementId: job.elementId,
    elementInstanceKey: String(job.elementInstanceKey),
    customHeaders: job.customHeaders,
    worker: job.worker,
    retries: job.retries,
    deadline: job.deadline,
    variables: record.variables,
    tenantId: DEFAULT_TENANT,
  };
}
