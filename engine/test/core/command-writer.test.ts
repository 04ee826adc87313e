import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandWriter } from '../../src/core/command-writer.ts';
import { createRuntimeServices } from '../../src/core/runtime-services.ts';
import { KEY_BASE } from '../../src/runtime/entities.ts';
import { loadState } from '../../src/store/load-state.ts';
import { migrate } from '../../src/store/migrations.ts';
import { createCoreDatabase } from './core-support.ts';

describe('the single writer', () => {
  let pool: pg.Pool;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await createCoreDatabase('command_writer') });
    await migrate(pool);
  });
  afterAll(async () => {
    await pool.end();
  });

  it('fails only the command that broke, and runs the rest of its batch on the reloaded state', async () => {
    // given
    const reload = () => loadState(pool, async () => []);
    const writer = new CommandWriter(await reload(), {
      pool,
      services: createRuntimeServices(),
      clock: { now: () => 0 },
      logger: pino({ level: 'silent' }),
      reload,
      seal: () => () => undefined,
    });
    // when
    const first = writer.submit((x) => x.nextKey());
    const broken = writer.submit((x) => {
      x.nextKey();
      throw new Error('a bug');
    });
    const third = writer.submit((x) => x.nextKey());
    // then
    await expect(broken).rejects.toMatchObject({ rejection: 'PROCESSING_ERROR' });
    expect([await first, await third]).toEqual([KEY_BASE + 1, KEY_BASE + 2]);
    const stored = await pool.query<{ value: string }>('select value from engine.key_counter');
    expect(stored.rows[0]?.value).toBe('2');
    await writer.close();
  });
});
