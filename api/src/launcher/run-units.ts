import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { Readiness } from '../readiness.ts';
import type { Provided, Unit, UnitContext } from './unit.ts';

export interface RunningUnits {
  readiness: Readiness;
  /** What the started units provided (the database URL, ...). */
  provided: Provided;
  /** Stops the started units in reverse order; safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Starts units in order. If one fails, the ones already started are stopped
 * (in reverse) and the error is rethrown.
 */
export async function startUnits(
  units: readonly Unit[],
  config: Config,
  logger: Logger,
): Promise<RunningUnits> {
  const readiness = new Readiness();
  const provided: Provided = {};
  const started: Unit[] = [];
  let stopping: Promise<void> | undefined;

  const stop = () => {
    stopping ??= (async () => {
      for (const unit of [...started].reverse()) {
        const unitLogger = logger.child({ unit: unit.name });
        try {
          unitLogger.info('stopping');
          await unit.stop();
          unitLogger.info('stopped');
        } catch (error) {
          unitLogger.error({ err: error }, 'did not stop cleanly');
        }
      }
    })();
    return stopping;
  };

  for (const unit of units) {
    const context: UnitContext = { config, logger: logger.child({ unit: unit.name }), readiness, provided };
    try {
      context.logger.info('starting');
      await unit.start(context);
      started.push(unit);
      context.logger.info('started');
    } catch (error) {
      // A unit that failed half-way may hold resources: give it the chance to release them.
      started.push(unit);
      await stop();
      throw error;
    }
    if (unit.name !== 'api') readiness.register(unit.name, () => unit.ready());
  }
  return { readiness, provided, stop };
}
