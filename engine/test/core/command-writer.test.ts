import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandWriter } from '../../src/core/command-writer.ts';
import { createRuntimeServices } from '../../src/core/runtime-services.ts';
import { KEY_BASE } from '../../src/runtime/entities.ts';
import { settleCommit } from '../../src/store/commit-outcome.ts';
import { loadState } from '../../src/store/load-state.ts';
import { migrate } from '../../src/store/migrations.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';
import { createCoreDatabase } from './core-support.ts';

/** A writer over `pool` whose batches only draw keys; `sealed` counts the afterCommit calls. */
async function keyWriter(pool: pg.Pool, sealed = { count: 0 }): Promise<CommandWriter> {
  const reload = () => loadState(pool, async () => []);
  return new CommandWriter(await reload(), {
    pool,
    services: createRuntimeServices(),
    clock: { now: () => 0 },
    logger: pino({ level: 'silent' }),
    reload,
    settleCommit: (sequence) => settleCommit(pool, sequence),
    seal: () => () => {
      sealed.count += 1;
    },
  });
}

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
    const writer = await keyWriter(pool);
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

describe('the single writer when a commit loses its connection', () => {
  let directUrl: string;
  let proxy: TcpProxy;
  let pool: pg.Pool;

  beforeAll(async () => {
    directUrl = await createCoreDatabase('command_writer_lost');
    const direct = new URL(directUrl);
    proxy = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port) });
    pool = new pg.Pool({ connectionString: proxy.through(directUrl) });
    await migrate(pool);
  });
  afterAll(async () => {
    await pool.end();
    await proxy.cut();
  });

  const storedKeys = async () => {
    const admin = new pg.Client({ connectionString: directUrl });
    await admin.connect();
    try {
      const result = await admin.query<{ value: string }>('select value from engine.key_counter');
      return result.rows[0]?.value;
    } finally {
      await admin.end();
    }
  };

  it('answers a batch whose commit landed although its answer was lost, and runs its afterCommit once', async () => {
    // given
    const sealed = { count: 0 };
    const writer = await keyWriter(pool, sealed);
    const before = await writer.submit((x) => x.nextKey());
    const countBefore = sealed.count;
    // when the server commits the next batch but the engine never hears back
    const fault = proxy.breakNext('engine_commit_', 'drop-reply');
    const key = await writer.submit((x) => x.nextKey());
    await fault;
    // then
    expect(key).toBe(before + 1);
    expect(sealed.count).toBe(countBefore + 1);
    expect(await storedKeys()).toBe(String(key - KEY_BASE));
    expect(await writer.submit((x) => x.nextKey())).toBe(key + 1);
    await writer.close();
  });

  it('answers UNAVAILABLE for a batch whose statement never reached the server, and forgets its effects', async () => {
    // given
    const sealed = { count: 0 };
    const writer = await keyWriter(pool, sealed);
    const before = await writer.submit((x) => x.nextKey());
    const countBefore = sealed.count;
    // when
    const fault = proxy.breakNext('engine_commit_', 'drop-request');
    const lost = await writer.submit((x) => x.nextKey()).catch((error: unknown) => error);
    await fault;
    // then
    expect(lost).toMatchObject({ rejection: 'UNAVAILABLE' });
    expect(sealed.count).toBe(countBefore);
    expect(await storedKeys()).toBe(String(before - KEY_BASE));
    expect(await writer.submit((x) => x.nextKey())).toBe(before + 1);
    await writer.close();
  });
});
