import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type {} from 'vitest';
import { startEmbeddedPostgres } from '@onething/api/embedded-postgres';

/**
 * Starts one PostgreSQL for the whole test run, unless DATABASE_URL names one
 * (tests then create their databases there). Tests read the maintenance URL
 * with `inject('postgresUrl')`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.DATABASE_URL;
  if (external) {
    project.provide('postgresUrl', external);
    return async () => undefined;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'onething-test-pg-'));
  const port = 55000 + Math.floor(Math.random() * 5000);
  const postgres = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
  project.provide('postgresUrl', postgres.url);
  return () => postgres.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
