import type { ActivatedJob, CreatedProcessInstance, DeployedProcess, DeployResult } from '../service.ts';

/**
 * Domain results → plain objects for proto-loader's serializer. int64 values
 * stay decimal strings; JSON text fields are never '' because zeebe-node
 * JSON.parses every activated job's variables and headers (§0.2).
 */
export function wireJob(job: ActivatedJob): Record<string, unknown> {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: jsonObjectText(job.customHeaders),
    worker: job.worker,
    retries: job.retries,
    deadline: String(job.deadline),
    variables: jsonObjectText(job.variables),
    tenantId: job.tenantId,
  };
}

function jsonObjectText(text: string): string {
  return text.trim() === '' ? '{}' : text;
}

function wireProcess(process: DeployedProcess): Record<string, unknown> {
  return {
    bpmnProcessId: process.bpmnProcessId,
    version: process.version,
    processDefinitionKey: process.processDefinitionKey,
    resourceName: process.resourceName,
    tenantId: process.tenantId,
  };
}

export function wireDeployResource(result: DeployResult): Record<string, unknown> {
  return {
    key: result.key,
    tenantId: result.tenantId,
    deployments: result.processes.map((process) => ({ process: wireProcess(process) })),
  };
}

export function wireDeployProcess(result: DeployResult): Record<string, unknown> {
  return { key: result.key, processes: result.processes.map(wireProcess) };
}

export function wireCreatedInstance(created: CreatedProcessInstance): Record<string, unknown> {
  return {
    processDefinitionKey: created.processDefinitionKey,
    bpmnProcessId: created.bpmnProcessId,
    version: created.version,
    processInstanceKey: created.processInstanceKey,
    tenantId: created.tenantId,
  };
}

export function wireCompletedInstance(
  created: CreatedProcessInstance,
  variables: string,
): Record<string, unknown> {
  return { ...wireCreatedInstance(created), variables: jsonObjectText(variables) };
}
