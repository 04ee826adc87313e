import type pg from 'pg';

const LOCK_NAME = 'onething.engine.writer';

/**
 * One writer per database: the engine holds a session advisory lock on a
 * dedicated connection while it is open, so a second engine on the same
 * schema fails fast instead of corrupting state.
 */
export async function acquireWriterLock(pool: pg.Pool): Promise<() => Promise<void>> {
  const client = await pool.connect();
  try {
    const result = await client.query<{ locked: boolean }>(
      'select pg_try_advisory_lock(hashtext($1)) as locked',
      [LOCK_NAME],
    );
    if (result.rows[0]?.locked !== true)
      throw new Error('another engine is already running on this database (writer lock is held)');
  } catch (error) {
    client.release();
    throw error;
  }
  return async () => {
    try {
      await client.query('select pg_advisory_unlock(hashtext($1))', [LOCK_NAME]);
    } finally {
      client.release();
    }
  };
}
