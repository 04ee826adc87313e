import { createPersonalDataCipher } from '../../modules/people/personal-data-cipher.ts';
import { startUserTaskBridge, type UserTaskBridge } from '../../modules/tasks/user-task-bridge.ts';
import { createOrm, type Orm } from '../../orm.ts';
import type { ReadyCheck } from '../../readiness.ts';
import { resolveSecretKey } from '../secret-key.ts';
import type { Unit, UnitContext } from '../unit.ts';

/**
 * The user-task bridge: turns every `io.camunda.zeebe:userTask` job into a
 * clerk's task row. It uses the api's tables, so in `start` it runs after the
 * api unit has migrated them; run exactly one per deployment (it lives in the
 * `workers` part, not in each api replica).
 */
export function taskBridgeUnit(): Unit {
  let orm: Orm | undefined;
  let bridge: UserTaskBridge | undefined;

  return {
    name: 'task-bridge',
    async start({ config, logger, provided }: UnitContext) {
      const zeebe = provided.zeebe;
      if (zeebe === undefined)
        throw new Error('The task bridge needs the engine: start the engine unit before it');
      const databaseUrl = provided.databaseUrl ?? config.databaseUrl;
      if (databaseUrl === undefined)
        throw new Error('The task bridge needs the application database: set DATABASE_URL');
      const personalData = createPersonalDataCipher(await resolveSecretKey(config, logger));
      orm = await createOrm(databaseUrl, logger.child({ part: 'orm' }));
      bridge = startUserTaskBridge({ zeebe, orm, personalData, logger });
      logger.info('user-task bridge polling');
    },
    async stop() {
      await bridge?.stop();
      bridge = undefined;
      await orm?.close();
      orm = undefined;
    },
    async ready(): Promise<ReadyCheck> {
      return bridge === undefined ? { ok: false, reason: 'not started' } : { ok: true };
    },
  };
}
