import type { ProcessModel } from '../model/process-model.ts';
import type { DeployedDefinition } from './entities.ts';
import type { Execution } from './execution.ts';
import { scheduleTimerStarts } from './timer-starts.ts';
import { startFromBufferedMessages } from './messages.ts';

export interface DeployResource {
  name: string;
  checksum: string;
  xml: string;
  processes: ProcessModel[];
}

export interface DeployOutcome {
  deploymentKey: number;
  definitions: DeployedDefinition[];
}

/**
 * Versioning (§2.2): a process whose latest version has the same resource
 * name and checksum is a duplicate; otherwise it gets highest + 1. The
 * definition keys are taken before the deployment key, as in Zeebe.
 */
export function deploy(x: Execution, resources: readonly DeployResource[]): DeployOutcome {
  const definitions: DeployedDefinition[] = [];
  const fresh: { definition: DeployedDefinition; xml: string }[] = [];
  for (const resource of resources) {
    for (const model of resource.processes) {
      const latest = x.state.latest(model.bpmnProcessId);
      if (latest && latest.checksum === resource.checksum && latest.resourceName === resource.name) {
        definitions.push(latest);
        continue;
      }
      const definition: DeployedDefinition = {
        key: x.nextKey(),
        bpmnProcessId: model.bpmnProcessId,
        version: (latest?.version ?? 0) + 1,
        resourceName: resource.name,
        checksum: resource.checksum,
        deploymentKey: 0,
        model,
      };
      definitions.push(definition);
      fresh.push({ definition, xml: resource.xml });
    }
  }
  const deploymentKey = x.nextKey();
  for (const { definition, xml } of fresh) {
    const stored = { ...definition, deploymentKey };
    definitions[definitions.indexOf(definition)] = stored;
    x.state.putDefinition(stored);
    x.changes.definitions.push({ definition: stored, xml });
    scheduleTimerStarts(x, stored);
    x.enqueue(() => startFromBufferedMessages(x, stored.bpmnProcessId));
  }
  x.changes.deployments.push({ key: deploymentKey, at: x.now });
  return { deploymentKey, definitions };
}
