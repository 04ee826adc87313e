import { readdir, readFile } from 'node:fs/promises';
import type pg from 'pg';
import { withTransaction } from './db.ts';
import type { Dept } from './registry-context.ts';

export function schemaOf(dept: Dept): string {
  return `registry_${dept}`;
}

const COMMON_DIR = new URL('./migrations/', import.meta.url);

async function sqlFiles(dir: URL): Promise<{ name: string; url: URL }[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  return names.map((name) => ({ name, url: new URL(name, dir) }));
}

/**
 * Applies the common and the department's plain SQL migrations to the
 * department's schema, each once, recorded in the schema's `migrations` table.
 * Returns the names applied now. Concurrent callers serialise on a lock.
 */
export async function migrateSchema(pool: pg.Pool, dept: Dept): Promise<string[]> {
  const schema = schemaOf(dept);
  const files = [
    ...(await sqlFiles(COMMON_DIR)),
    ...(await sqlFiles(new URL(`../${dept}/migrations/`, import.meta.url))),
  ];
  return withTransaction(pool, async (client) => {
    await client.query(`select pg_advisory_xact_lock(hashtext('onething-registries-migrate'))`);
    await client.query(`create schema if not exists ${schema}`);
    await client.query(`set local search_path to ${schema}`);
    await client.query(
      'create table if not exists migrations (name text primary key, applied_at timestamptz not null default now())',
    );
    const done = await client.query<{ name: string }>('select name from migrations');
    const applied = new Set(done.rows.map((row) => row.name));
    const now: string[] = [];
    for (const file of files) {
      if (applied.has(file.name)) continue;
      await client.query(await readFile(file.url, 'utf8'));
      await client.query('insert into migrations (name) values ($1)', [file.name]);
      now.push(file.name);
    }
    return now;
  });
}
