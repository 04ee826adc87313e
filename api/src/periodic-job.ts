import type { Logger } from 'pino';

export interface PeriodicJobOptions {
  /** Names the job in the logs. */
  name: string;
  /** Pause between runs when a run has nothing more to do. */
  intervalMs: number;
  /**
   * One run; true when it left work behind (a full page), so the next run
   * follows at once. A run that throws is logged and retried after the pause.
   */
  run: () => Promise<boolean>;
  logger: Logger;
}

export interface PeriodicJob {
  /** Stops after the current run (and resolves when it has ended). */
  stop(): Promise<void>;
}

/**
 * A background job of the api that runs again and again in this process:
 * the application-progress worker's rounds, the expiry of abandoned dry
 * runs. Runs never overlap in one process; jobs that several processes run
 * make their runs safe with row locks of their own.
 */
export function startPeriodicJob(options: PeriodicJobOptions): PeriodicJob {
  let running = true;
  let wake: (() => void) | undefined;

  const loop = (async () => {
    while (running) {
      let more = false;
      try {
        more = await options.run();
      } catch (error) {
        options.logger.warn({ err: error, job: options.name }, `${options.name} failed; retrying`);
      }
      if (more || !running) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, options.intervalMs);
      });
    }
  })();

  return {
    stop: async () => {
      running = false;
      wake?.();
      await loop;
    },
  };
}
