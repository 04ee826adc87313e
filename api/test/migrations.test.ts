import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsList } from '../src/migrations/index.ts';
import { MIGRATIONS_FOLDER, createOrm, migrate, type Orm } from '../src/orm.ts';
import { createTestDatabase, withClient, type TestDatabase } from './support/database.ts';

let database: TestDatabase;
let orm: Orm;
beforeAll(async () => {
  database = await createTestDatabase('migrations');
  // The schema tooling runs as the owner, as migration:create does.
  orm = await createOrm(database.url, undefined, { as: 'owner' });
});
afterAll(async () => {
  await orm.close();
  await database.drop();
});

describe('migrations', () => {
  it('apply to an empty database and create the tables in schema app', async () => {
    // when
    const applied = await migrate(orm);

    // then
    expect(applied).toEqual(migrationsList.map((migration) => migration.name));
    const tables = await withClient(database.url, (client) =>
      client.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'app' order by table_name",
      ),
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual([
      'application',
      'application_comment',
      'application_draft',
      'application_event',
      'application_rating',
      'audit_event',
      'bundle_draft',
      'bundle_version',
      'data_access_event',
      'dry_run',
      'dry_run_task',
      'material',
      'mikro_orm_migrations',
      'progress_cursor',
      'progress_failure',
      'served_prefill',
      'session',
      'user_account',
      'user_task',
    ]);
  });

  it('apply nothing the second time', async () => {
    expect(await migrate(orm)).toEqual([]);
  });

  it('leave the database matching the entity definitions, ignoring the other parts schemas', async () => {
    // given tables of the engine and a registry in the same database
    await withClient(database.url, async (client) => {
      await client.query(
        'create schema engine; create table engine.process_instance (key bigint primary key)',
      );
      await client.query('create schema registry_hr; create table registry_hr.person (id text primary key)');
      await client.query('create table public.stray (id int)');
    });

    // when the schema generator compares entities with the live database (as migration:create does)
    const diff = await orm.getMigrator().checkMigrationNeeded();

    // then an entity changed without a migration would show up here, and other schemas never do
    expect(diff).toBe(false);
  });

  it('make the audit trail append-only', async () => {
    await withClient(database.url, async (client) => {
      await client.query(
        "insert into app.audit_event (at, action, outcome) values (now(), 'test.append', 'success')",
      );
      await expect(client.query("update app.audit_event set outcome = 'failure'")).rejects.toThrow(
        /append-only/,
      );
      await expect(client.query('delete from app.audit_event')).rejects.toThrow(/append-only/);
      await expect(client.query('truncate app.audit_event')).rejects.toThrow(/append-only/);
    });
  });

  it('make the citizens’ data-access log append-only', async () => {
    await withClient(database.url, async (client) => {
      await client.query(
        `insert into app.data_access_event (citizen_id, at, kind, subject, purpose, actor)
         values (gen_random_uuid(), now(), 'staff-read', 'applicant', '{"zh-CN":"测试","en":"test"}', 'window1')`,
      );
      await expect(client.query("update app.data_access_event set actor = 'nobody'")).rejects.toThrow(
        /append-only/,
      );
      await expect(client.query('delete from app.data_access_event')).rejects.toThrow(/append-only/);
      await expect(client.query('truncate app.data_access_event')).rejects.toThrow(/append-only/);
    });
  });

  it('refuse roles and groups outside the catalogue', async () => {
    await withClient(database.url, async (client) => {
      await expect(
        client.query(
          `insert into app.user_account (id, username, display_name, password_hash, roles, created_at)
           values (gen_random_uuid(), 'mallory', 'Mallory', 'x', '{root}', now())`,
        ),
      ).rejects.toThrow(/user_account_roles_known/);
    });
  });

  it('list every migration file of the folder', () => {
    const files = readdirSync(MIGRATIONS_FOLDER)
      .filter((file) => /^Migration\d{14}.*\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''));
    expect(migrationsList.map((migration) => migration.name)).toEqual(files.sort());
  });
});
