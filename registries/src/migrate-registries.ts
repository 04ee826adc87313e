import pg from 'pg';
import { migrateSchema } from './shared/migrate.ts';
import { DEPARTMENTS } from './shared/registry-context.ts';

/** Creates or updates the four registry schemas; returns the migrations applied now, by schema. */
export async function migrateRegistries(databaseUrl: string): Promise<Record<string, string[]>> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const applied: Record<string, string[]> = {};
    for (const dept of DEPARTMENTS) applied[`registry_${dept}`] = await migrateSchema(pool, dept);
    return applied;
  } finally {
    await pool.end();
  }
}
