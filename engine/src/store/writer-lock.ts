import type pg from 'pg';

const LOCK_NAME = 'onething.engine.writer';

export interface WriterLock {
  /**
   * Makes sure the lock is still held: a session lock dies with its
   * connection (a database outage), so after one it is taken again — or this
   * fails if another engine took it meanwhile. Recovery calls it before
   * reloading the state.
   */
  ensure(): Promise<void>;
  release(): Promise<void>;
}

async function lockOn(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  try {
    const result = await client.query<{ locked: boolean }>(
      'select pg_try_advisory_lock(hashtext($1)) as locked',
      [LOCK_NAME],
    );
    if (result.rows[0]?.locked !== true)
      throw new Error('another engine is already running on this database (writer lock is held)');
    return client;
  } catch (error) {
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

/**
 * One writer per database: the engine holds a session advisory lock on a
 * dedicated connection while it is open, so a second engine on the same
 * schema fails fast instead of corrupting state.
 */
export async function acquireWriterLock(pool: pg.Pool): Promise<WriterLock> {
  let client: pg.PoolClient | undefined = await lockOn(pool);
  const watch = (held: pg.PoolClient) => {
    const lost = () => {
      if (client !== held) return;
      client = undefined;
      held.release(true);
    };
    held.on('error', lost);
    held.on('end', lost);
  };
  watch(client);
  return {
    ensure: async () => {
      if (client) return;
      client = await lockOn(pool);
      watch(client);
    },
    release: async () => {
      const held = client;
      client = undefined;
      if (!held) return;
      try {
        await held.query('select pg_advisory_unlock(hashtext($1))', [LOCK_NAME]);
      } finally {
        held.release();
      }
    },
  };
}
