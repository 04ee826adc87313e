import { startConnectors, type RunningConnectors } from '@onething/engine';
import type { ReadyCheck } from '../../readiness.ts';
import type { Unit, UnitContext } from '../unit.ts';

/**
 * The job workers: the registry connectors, one SDK job worker per registry
 * operation, on the shared Zeebe client. Stopping lets the jobs in hand finish.
 */
export function workersUnit(): Unit {
  let connectors: RunningConnectors | undefined;

  return {
    name: 'workers',
    async start({ config, logger, provided }: UnitContext) {
      const zeebe = provided.zeebe;
      if (zeebe === undefined)
        throw new Error('The workers need the engine: start the engine unit before them');
      const registriesUrl = provided.registriesUrl ?? config.registriesUrl;
      if (registriesUrl === undefined)
        throw new Error(
          'The workers need the registries: set REGISTRIES_URL or start the registries unit before them',
        );
      connectors = startConnectors({ zeebe, registriesUrl, logger });
      logger.info({ jobTypes: connectors.jobTypes.length, registriesUrl }, 'registry connectors polling');
    },
    async stop() {
      await connectors?.stop();
      connectors = undefined;
    },
    async ready(): Promise<ReadyCheck> {
      return connectors === undefined ? { ok: false, reason: 'not started' } : { ok: true };
    },
  };
}
