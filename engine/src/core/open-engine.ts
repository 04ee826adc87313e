import pg from 'pg';
import pino from 'pino';
import type { Logger } from 'pino';
import { parseBpmnResource } from '../model/parse-resource.ts';
import type { EngineInspector, EngineService } from '../service.ts';
import { settleCommit } from '../store/commit-outcome.ts';
import { loadState } from '../store/load-state.ts';
import { migrate } from '../store/migrations.ts';
import { acquireWriterLock, type WriterLock } from '../store/writer-lock.ts';
import { createHistoryReader } from '../store/history-reader.ts';
import { startHistoryPruner, type HistoryRetention } from '../store/history-retention.ts';
import { checkMaxMessageSize, DEFAULT_MAX_MESSAGE_SIZE } from '../message-size.ts';
import { CommandWriter, type AfterCommit } from './command-writer.ts';
import { DueScheduler } from './due-scheduler.ts';
import { CoreEngineService } from './engine-service.ts';
import { checkFeel, checkTimer, createRuntimeServices } from './runtime-services.ts';

export interface OpenEngineOptions {
  databaseUrl: string;
  /** Injectable for tests. */
  clock?: { now(): number };
  logger?: Logger;
  /** Delete the history of instances that ended long ago (store/history-retention.ts); unset keeps it forever. */
  historyRetention?: HistoryRetention;
  /**
   * Zeebe's maximum message size in bytes (default 4 MB): a job batch must fit
   * in one response, and a job that never fits gets a MESSAGE_SIZE_EXCEEDED incident.
   */
  maxMessageSize?: number;
}

export interface OpenedEngine {
  service: EngineService;
  inspector: EngineInspector;
  close(): Promise<void>;
}

/** Opens the embedded engine: migrates schema `engine`, recovers state, starts the due-work scheduler. */
export async function openEngine(options: OpenEngineOptions): Promise<OpenedEngine> {
  const clock = options.clock ?? { now: () => Date.now() };
  const retention = options.historyRetention;
  if (retention && !(Number.isFinite(retention.days) && retention.days > 0))
    throw new Error(`historyRetention.days must be a positive number, got ${retention.days}`);
  const maxMessageSize = checkMaxMessageSize(options.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE);
  const logger = options.logger ?? pino({ level: 'info' });
  // A connection attempt that hangs (a blackholed host) fails after 10 s, so the writer
  // can answer UNAVAILABLE instead of hanging; keep-alive notices a dead peer.
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 5,
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  pool.on('error', (error) => logger.error({ err: error }, 'idle engine database connection failed'));
  let lock: WriterLock | undefined;
  try {
    // The lock first: a newer engine started while an older one still runs (a rolling
    // deployment) must not change the schema under that writer (migration 5 drops a table
    // the older engine writes in every commit); it fails here and migrates once it is alone.
    lock = await acquireWriterLock(pool);
    await migrate(pool);
    const writerLock = lock;
    const reload = async () => {
      await writerLock.ensure();
      return loadState(pool, async (name, xml) => {
        const parsed = await parseBpmnResource(name, new TextEncoder().encode(xml), {
          feel: checkFeel,
          timer: checkTimer,
        });
        if (!parsed.ok) throw new Error(`stored resource '${name}' no longer parses: ${parsed.message}`);
        return parsed.processes;
      });
    };
    const state = await reload();
    const writer = new CommandWriter(state, {
      pool,
      services: createRuntimeServices(),
      clock,
      logger,
      reload,
      // Like reload: only the lock holder may decide, or another engine's commits would count.
      settleCommit: async (sequence) => {
        await writerLock.ensure();
        return settleCommit(pool, sequence);
      },
      seal: (x): AfterCommit => service.sealBatch(x),
    });
    const service = new CoreEngineService(
      writer,
      pool,
      { feel: checkFeel, timer: checkTimer },
      maxMessageSize,
    );
    const scheduler = new DueScheduler(writer, clock, logger);
    scheduler.start();
    const pruner = retention && startHistoryPruner(pool, retention, clock, logger);
    logger.info({ instances: state.elementInstances.size, jobs: state.jobs.size }, 'engine opened');
    return {
      service,
      inspector: createHistoryReader(pool),
      async close() {
        scheduler.stop();
        await pruner?.stop();
        await writer.close();
        await writerLock.release();
        await pool.end();
      },
    };
  } catch (error) {
    await lock?.release().catch(() => undefined);
    await pool.end();
    throw error;
  }
}
