import { loadBundles } from '@onething/processes';
import type { ReadyCheck } from '../../readiness.ts';
import type { Unit, UnitContext } from '../unit.ts';

/**
 * Deploys the BPMN of every bundle in `processes/` to the engine. Idempotent:
 * for the same resource name and bytes the engine answers with the version it
 * already has, so every start may deploy and only a changed file makes a new
 * version.
 */
export function catalogueUnit(): Unit {
  let deployed: { bundle: string; bpmnProcessId: string; version: number }[] | undefined;

  return {
    name: 'catalogue',
    async start({ logger, provided }: UnitContext) {
      const zeebe = provided.zeebe;
      if (zeebe === undefined)
        throw new Error('The catalogue needs the engine: start the engine unit before it');
      const result: { bundle: string; bpmnProcessId: string; version: number }[] = [];
      for (const bundle of loadBundles()) {
        const response = await zeebe.deployResource({
          name: `${bundle.manifest.key}.bpmn`,
          process: Buffer.from(bundle.bpmnXml, 'utf8'),
        });
        for (const { process } of response.deployments) {
          result.push({
            bundle: bundle.manifest.key,
            bpmnProcessId: process.bpmnProcessId,
            version: process.version,
          });
        }
      }
      deployed = result;
      logger.info({ processes: deployed }, 'catalogue deployed');
    },
    async stop() {
      deployed = undefined;
    },
    async ready(): Promise<ReadyCheck> {
      return deployed === undefined ? { ok: false, reason: 'not deployed' } : { ok: true };
    },
  };
}
