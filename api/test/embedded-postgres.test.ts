import { inject, describe, it, expect } from 'vitest';
import pg from 'pg';
import { ensureDatabase } from '../src/postgres/embedded-postgres.ts';

describe('ensureDatabase', () => {
  it('creates a missing database once and leaves an existing one alone', async () => {
    // given
    const maintenanceUrl = inject('postgresUrl');
    const name = `ensure_${process.pid}_${Date.now()}`;

    // when
    await ensureDatabase(maintenanceUrl, name);
    await ensureDatabase(maintenanceUrl, name);

    // then
    const client = new pg.Client({ connectionString: maintenanceUrl });
    await client.connect();
    try {
      const found = await client.query('select count(*)::int as n from pg_database where datname = $1', [
        name,
      ]);
      expect(found.rows[0].n).toBe(1);
      await client.query(`drop database ${pg.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
  });
});
