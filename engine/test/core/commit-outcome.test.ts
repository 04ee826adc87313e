import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Changes } from '../../src/runtime/changes.ts';
import { commitChanges } from '../../src/store/commit-changes.ts';
import { settleCommit } from '../../src/store/commit-outcome.ts';
import { migrate } from '../../src/store/migrations.ts';
import { createCoreDatabase } from './core-support.ts';

/** A batch that only moved the key counter. */
function keysUsed(): Changes {
  const changes = new Changes();
  changes.keyCounterChanged = true;
  return changes;
}

describe('settling a commit whose answer was lost', () => {
  let pool: pg.Pool;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await createCoreDatabase('commit_outcome'), max: 3 });
    await migrate(pool);
  });
  afterAll(async () => {
    await pool.end();
  });

  const stored = async () =>
    (
      await pool.query<{ value: string; commit_sequence: string }>(
        'select value, commit_sequence from engine.key_counter where id = 1',
      )
    ).rows[0];

  it('numbers every commit in the statement that writes it', async () => {
    // given
    const before = Number((await stored())?.commit_sequence);
    // when
    await commitChanges(pool, keysUsed(), { keyCounter: 7, commitSequence: before + 1 }, 0);
    await commitChanges(pool, new Changes(), { keyCounter: 7, commitSequence: before + 2 }, 0);
    // then
    expect(await stored()).toEqual({ value: '7', commit_sequence: String(before + 2) });
  });

  it('says a commit that is stored landed, and one that another commit followed is superseded', async () => {
    // given
    const sequence = Number((await stored())?.commit_sequence) + 1;
    await commitChanges(pool, keysUsed(), { keyCounter: 8, commitSequence: sequence }, 0);
    // when
    const landed = await settleCommit(pool, sequence);
    const older = await settleCommit(pool, sequence - 1);
    // then
    expect([landed, older]).toEqual(['landed', 'superseded']);
  });

  it('fences a commit that did not land, so its statement is refused if it reaches the server later', async () => {
    // given
    const before = await stored();
    const sequence = Number(before?.commit_sequence) + 1;
    // when
    const outcome = await settleCommit(pool, sequence);
    const late = commitChanges(pool, keysUsed(), { keyCounter: 99, commitSequence: sequence }, 0);
    // then
    expect(outcome).toBe('fenced');
    await expect(late).rejects.toThrow(/commit sequence/);
    expect(await stored()).toEqual({ value: before?.value, commit_sequence: String(sequence) });
    await commitChanges(pool, keysUsed(), { keyCounter: 100, commitSequence: sequence + 1 }, 0);
    expect(await stored()).toEqual({ value: '100', commit_sequence: String(sequence + 1) });
  });

  it('waits for a commit still running on the server and reports how it ended', async () => {
    // given a commit's transaction that has numbered itself but not finished
    const sequence = Number((await stored())?.commit_sequence) + 1;
    const running = await pool.connect();
    await running.query('begin');
    await running.query('update engine.key_counter set commit_sequence = $1 where id = 1', [sequence]);
    // when
    const settling = settleCommit(pool, sequence);
    const early = await Promise.race([
      settling,
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300)),
    ]);
    await running.query('commit');
    running.release();
    // then
    expect(early).toBe('still waiting');
    expect(await settling).toBe('landed');
  });
});
