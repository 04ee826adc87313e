import { EngineError } from '../errors.ts';
import { parseBpmnResource, type ResourceCheckers } from '../model/parse-resource.ts';
import type { DeployResource } from '../runtime/deploy.ts';
import type { Resource } from '../service.ts';

const INTENT = 'CREATE';

function kindOf(name: string): 'bpmn' | 'dmn' | 'form' | undefined {
  if (name.endsWith('.bpmn') || name.endsWith('.xml')) return 'bpmn';
  if (name.endsWith('.dmn')) return 'dmn';
  if (name.endsWith('.form')) return 'form';
  return undefined;
}

/**
 * Parses and validates every resource of a deployment outside the writer
 * (parsing is the slow part). All-or-nothing: one IA lists every problem.
 */
export async function prepareDeployment(
  resources: readonly Resource[],
  checkers: ResourceCheckers,
): Promise<DeployResource[]> {
  if (resources.length === 0)
    throw new EngineError(
      'INVALID_ARGUMENT',
      INTENT,
      'Expected to deploy at least one resource, but none given',
    );
  const errors: string[] = [];
  const prepared: DeployResource[] = [];
  for (const resource of resources) {
    const kind = kindOf(resource.name);
    if (kind === undefined) {
      errors.push(
        `'${resource.name}': Expected the resource name to end with '.bpmn', '.xml', '.dmn' or '.form', but the resource type is unknown`,
      );
      continue;
    }
    if (kind !== 'bpmn') {
      errors.push(
        `'${resource.name}': ${kind === 'dmn' ? 'DMN decisions are' : 'forms are'} not supported by this engine`,
      );
      continue;
    }
    const parsed = await parseBpmnResource(resource.name, resource.content, checkers);
    if (!parsed.ok) errors.push(parsed.message);
    else
      prepared.push({
        name: resource.name,
        checksum: parsed.checksum,
        xml: parsed.xml,
        processes: parsed.processes,
      });
  }
  const owners = new Map<string, string>();
  for (const resource of prepared) {
    for (const process of resource.processes) {
      const owner = owners.get(process.bpmnProcessId);
      if (owner !== undefined)
        errors.push(
          `'${resource.name}': Duplicated process id in resources '${owner}' and '${resource.name}': '${process.bpmnProcessId}'`,
        );
      owners.set(process.bpmnProcessId, resource.name);
    }
  }
  if (errors.length > 0) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      INTENT,
      `Expected to deploy new resources, but encountered the following errors:\n${errors.join('\n')}`,
    );
  }
  return prepared;
}
