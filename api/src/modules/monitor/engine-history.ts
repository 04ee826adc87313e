import { createHistoryReader, type HistoryReader } from '@onething/engine';
import pg from 'pg';
import { AppError } from '../../errors.ts';

/** PostgreSQL's "undefined_table": the engine never ran on this database. */
const UNDEFINED_TABLE = '42P01';

export interface EngineHistory {
  /** Runs a read on the engine's history; a database without it answers 503, not 500. */
  read<T>(work: (reader: HistoryReader) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The engine's history (what Operate shows for Zeebe), read from the engine's
 * schema in the api's own database. With ZEEBE_ADDRESS pointing at a Zeebe
 * cluster, that schema does not exist and the Monitor's history is unavailable.
 */
export function openEngineHistory(databaseUrl: string): EngineHistory {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const reader = createHistoryReader(pool);
  return {
    async read(work) {
      try {
        return await work(reader);
      } catch (error) {
        if (error instanceof pg.DatabaseError && error.code === UNDEFINED_TABLE) {
          throw new AppError('SERVICE_UNAVAILABLE', {
            message: 'The engine history is not in this database (is an external Zeebe in use?).',
          });
        }
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
