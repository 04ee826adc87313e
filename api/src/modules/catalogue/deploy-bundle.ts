import type { Zeebe } from '@camunda8/sdk';
import type { DeployResourceResponse, ProcessDeployment } from '@camunda8/sdk/dist/zeebe/types';
import { AppError } from '../../errors.ts';
import type { ContentProblem } from './check-content.ts';
import { deployProblems } from './deploy-problems.ts';

export interface Deployment {
  bpmnProcessId: string;
  processDefinitionKey: string;
  engineVersion: number;
}

export type DeployResult = { ok: true; deployment: Deployment } | { ok: false; problems: ContentProblem[] };

/**
 * Deploys a bundle's BPMN as resource `<key>.bpmn`. The engine answers the same
 * bytes as its latest version with that version (no new one), so deploying
 * again is harmless. A refusal comes back as problems by element; an engine
 * that cannot be reached is ENGINE_UNAVAILABLE.
 */
export async function deployBundle(
  zeebe: Zeebe.ZeebeGrpcClient,
  key: string,
  bpmn: string,
  processId: string,
): Promise<DeployResult> {
  let response: DeployResourceResponse<ProcessDeployment>;
  try {
    response = await zeebe.deployResource({ name: `${key}.bpmn`, process: Buffer.from(bpmn, 'utf8') });
  } catch (error) {
    const problems = deployProblems(error);
    if (problems === undefined) throw Object.assign(new AppError('ENGINE_UNAVAILABLE'), { cause: error });
    return { ok: false, problems };
  }
  const process = response.deployments.map((d) => d.process).find((p) => p.bpmnProcessId === processId);
  if (process === undefined) {
    return {
      ok: false,
      problems: [{ source: 'deploy', message: `the engine deployed no process with the id "${processId}"` }],
    };
  }
  return {
    ok: true,
    deployment: {
      bpmnProcessId: process.bpmnProcessId,
      processDefinitionKey: String(process.processDefinitionKey),
      engineVersion: process.version,
    },
  };
}
