import { parseArgs } from 'node:util';
import { formatConfigProblems, parseConfig } from '../config.ts';
import { createLogger } from '../launcher/logger.ts';
import { startUnits } from '../launcher/run-units.ts';
import { databaseUnit } from '../launcher/units/database.unit.ts';
import { MIGRATIONS_FOLDER, createOrm, migrate } from '../orm.ts';
import { repoRoot } from '../paths.ts';
import { writeMigrationsIndex } from './write-index.ts';

/**
 * `pnpm --filter @onething/api migration:create [--name <what>] [--blank]`
 *
 * Brings the database (DATABASE_URL, or the embedded one: stop `pnpm start`
 * first) up to date, compares it with the entity definitions, writes the
 * difference as a new migration in src/migrations/ and lists it in index.ts.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, blank: { type: 'boolean', default: false } },
  });
  const parsed = parseConfig(process.env, { repoRoot, cwd: process.env['INIT_CWD'] ?? process.cwd() });
  if (!parsed.ok) {
    console.error(formatConfigProblems(parsed.problems));
    return 2;
  }
  const logger = createLogger(parsed.config.logLevel === 'info' ? 'warn' : parsed.config.logLevel);
  const running = await startUnits([databaseUnit()], parsed.config, logger);
  try {
    const databaseUrl = running.provided.databaseUrl;
    if (databaseUrl === undefined) throw new Error('The database unit provided no database URL');
    const orm = await createOrm(databaseUrl, logger, { as: 'owner' });
    try {
      await migrate(orm);
      const result = await orm
        .getMigrator()
        .createMigration(MIGRATIONS_FOLDER, values.blank, false, values.name);
      if (result.fileName === '') {
        console.log('The database already matches the entities: no migration needed.');
        return 0;
      }
      await writeMigrationsIndex();
      console.log(`Created src/migrations/${result.fileName} and listed it in src/migrations/index.ts.`);
      return 0;
    } finally {
      await orm.close();
    }
  } finally {
    await running.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
