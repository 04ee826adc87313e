import type pg from 'pg';

/**
 * What the database says about a commit whose answer never arrived:
 * `landed` — it is durable; `fenced` — it did not land and now never will;
 * `superseded` — another writer committed since, so memory is stale either way.
 */
export type CommitOutcome = 'landed' | 'fenced' | 'superseded';

/**
 * Settles the commit numbered `sequence` after its connection broke
 * (commit-statement.ts numbers every commit). The update waits for the row
 * lock of that commit if its statement is still running on the server — the
 * connection may have died on our side only — so it sees how it ended. When
 * the stored number is still below `sequence` it is moved to `sequence`:
 * if the lost statement reaches the server only now, its compare-and-set
 * fails and it rolls back, so "did not land" stays true.
 */
export async function settleCommit(pool: pg.Pool, sequence: number): Promise<CommitOutcome> {
  const fenced = await pool.query(
    'update engine.key_counter set commit_sequence = $1 where id = 1 and commit_sequence < $1',
    [sequence],
  );
  if (fenced.rowCount === 1) return 'fenced';
  const stored = await pool.query<{ commit_sequence: string }>(
    'select commit_sequence from engine.key_counter where id = 1',
  );
  return Number(stored.rows[0]?.commit_sequence) === sequence ? 'landed' : 'superseded';
}
