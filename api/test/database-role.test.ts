import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureRoleSql } from '../src/migrations/Migration20261129150500_apiRole.ts';
import { AuditEventSchema } from '../src/modules/audit/audit-event.entity.ts';
import { API_ROLE, createOrm, migrate } from '../src/orm.ts';
import { createOwnedTestDatabase, withClient } from './support/database.ts';
import { signIn, startTestApp, type TestApp } from './support/test-app.ts';

// The api works as the role onething_api, even though its login user owns
// the tables: append-only tables cannot be changed through its connections.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** Each append-only table with a row the api would write into it. */
const APPEND_ONLY: Record<string, string> = {
  audit_event: `insert into app.audit_event (at, action, outcome) values (now(), 'test.append', 'success')`,
  data_access_event: `insert into app.data_access_event (citizen_id, at, kind, subject, purpose, actor)
    values (gen_random_uuid(), now(), 'staff-read', 'applicant', '{"zh-CN":"测试","en":"test"}', 'window1')`,
  application_event: `insert into app.application_event (application_id, at, event, by)
    values (gen_random_uuid(), now(), 'test.append', 'window1')`,
  application_comment: `insert into app.application_comment (id, task_id, at, author_id, author, author_name, "group", text)
    values (gen_random_uuid(), gen_random_uuid(), now(), gen_random_uuid(), 'tax1', '税务', 'tax', '同意')`,
  application_rating: `insert into app.application_rating (application_id, bundle_key, rater_id, score, rated_at)
    values (gen_random_uuid(), 'newborn', gen_random_uuid(), 5, now())`,
};

describe("the api's database role", () => {
  it("is the role of the app's connections, not the login user who owns the tables", async () => {
    // when
    const [row] = await t.orm.em
      .fork()
      .getConnection()
      .execute<{ current_user: string; session_user: string }[]>('select current_user, session_user');
    const owners = await withClient(t.database.url, (client) =>
      client.query<{ tableowner: string }>(
        "select distinct tableowner from pg_tables where schemaname = 'app'",
      ),
    );

    // then
    expect(row?.current_user).toBe(API_ROLE);
    expect(owners.rows.map((owner) => owner.tableowner)).toEqual([row?.session_user]);
  });

  it('cannot update, delete or truncate the audit trail through the ORM', async () => {
    // given an audit entry written by a sign-in
    await signIn(t.app, 'admin');
    const em = t.orm.em.fork();

    // then
    await expect(
      em.nativeUpdate(AuditEventSchema, { action: 'auth.login' }, { outcome: 'failure' }),
    ).rejects.toThrow(/permission denied/);
    await expect(em.nativeDelete(AuditEventSchema, { action: 'auth.login' })).rejects.toThrow(
      /permission denied/,
    );
    await expect(em.getConnection().execute('truncate app.audit_event')).rejects.toThrow(/permission denied/);
    expect(await em.count(AuditEventSchema, { action: 'auth.login' })).toBeGreaterThan(0);
  });

  it.each(Object.entries(APPEND_ONLY))(
    'may insert into %s but neither update, delete nor truncate it',
    async (table, insert) => {
      const connection = t.orm.em.fork().getConnection();

      // when
      await connection.execute(insert);

      // then the row is there and stays
      const column = table === 'application_rating' ? 'score' : 'id';
      await expect(connection.execute(`update app.${table} set ${column} = ${column}`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(connection.execute(`delete from app.${table}`)).rejects.toThrow(/permission denied/);
      await expect(connection.execute(`truncate app.${table}`)).rejects.toThrow(/permission denied/);
      const [count] = await connection.execute<{ n: number }[]>(
        `select count(*)::int as n from app.${table}`,
      );
      expect(count?.n).toBeGreaterThan(0);
    },
  );

  it('may not change the migrations, nor the schema', async () => {
    const connection = t.orm.em.fork().getConnection();
    await expect(connection.execute('delete from app.mikro_orm_migrations')).rejects.toThrow(
      /permission denied/,
    );
    await expect(connection.execute('create table app.stray (id int)')).rejects.toThrow(/permission denied/);
  });

  it('keeps updating and deleting the tables the api changes', async () => {
    // given a session the sign-in wrote
    await signIn(t.app, 'window1');
    const connection = t.orm.em.fork().getConnection();

    // when
    const touched = await connection.execute('update app.session set last_seen_at = now()', [], 'run');
    await connection.execute('update app.user_task set state = state where false');
    await connection.execute('update app.bundle_version set engine_version = engine_version where false');
    await connection.execute('delete from app.application_draft where false');

    // then
    expect(touched).toMatchObject({ affectedRows: expect.any(Number) });
  });

  it('holds no update right on a table that a trigger makes append-only', async () => {
    // Every append-only table (trigger function `*_is_append_only`) must revoke the role's rights too.
    const tables = await withClient(t.database.url, (client) =>
      client.query<{ table_name: string; can_update: boolean; can_delete: boolean; can_truncate: boolean }>(
        `select distinct c.relname as table_name,
                has_table_privilege($1, c.oid, 'UPDATE') as can_update,
                has_table_privilege($1, c.oid, 'DELETE') as can_delete,
                has_table_privilege($1, c.oid, 'TRUNCATE') as can_truncate
           from pg_trigger tg join pg_class c on c.oid = tg.tgrelid join pg_proc p on p.oid = tg.tgfoid
          where c.relnamespace = 'app'::regnamespace and p.proname like '%append_only%'
          order by 1`,
        [API_ROLE],
      ),
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual(Object.keys(APPEND_ONLY).sort());
    expect(tables.rows.filter((row) => row.can_update || row.can_delete || row.can_truncate)).toEqual([]);
  });

  it('still does the normal work: signs in, reads, writes sessions and audits', async () => {
    // when
    const cookie = await signIn(t.app, 'citizen1');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });

    // then
    expect(me.statusCode).toBe(200);
    expect(out.statusCode).toBe(204);
    expect(await t.orm.em.fork().count(AuditEventSchema, { action: 'auth.logout' })).toBe(1);
  });
});

describe('an external database whose login user is no superuser', () => {
  it('migrates as its owner and works as the api role the DBA granted it', async () => {
    // given
    const database = await createOwnedTestDatabase('external_role');
    const orm = await createOrm(database.url);
    try {
      // when
      await migrate(orm);
      const connection = orm.em.fork().getConnection();
      await connection.execute(APPEND_ONLY.audit_event ?? '');

      // then
      const [row] = await connection.execute<{ current_user: string; session_user: string }[]>(
        'select current_user, session_user',
      );
      expect(row).toEqual({ current_user: API_ROLE, session_user: database.owner });
      await expect(connection.execute('delete from app.audit_event')).rejects.toThrow(/permission denied/);
    } finally {
      await orm.close();
      await database.drop();
    }
  });

  it('creates the role under CREATEROLE and grants itself the right to become it', async () => {
    // given a role name no other database on the server has made yet
    const database = await createOwnedTestDatabase('createrole', { as: 'createrole' });
    const role = `api_${randomBytes(4).toString('hex')}`;
    try {
      // when
      const current = await withClient(database.url, async (client) => {
        await client.query(ensureRoleSql(role));
        await client.query(ensureRoleSql(role));
        await client.query(`set role ${role}`);
        return client.query<{ current_user: string }>('select current_user');
      });

      // then
      expect(current.rows[0]?.current_user).toBe(role);
    } finally {
      await withClient(inject('postgresUrl'), (client) => client.query(`drop role if exists ${role}`));
      await database.drop();
    }
  });

  it('names the grant to ask the DBA for when the role exists and is not its to grant', async () => {
    // given a role a superuser made
    const database = await createOwnedTestDatabase('foreign_role', { as: 'createrole' });
    const role = `api_${randomBytes(4).toString('hex')}`;
    await withClient(inject('postgresUrl'), (client) => client.query(`create role ${role} nologin`));
    try {
      // when
      const attempt = withClient(database.url, (client) => client.query(ensureRoleSql(role)));

      // then
      await expect(attempt).rejects.toThrow(`may not become the role ${role}`);
    } finally {
      await withClient(inject('postgresUrl'), (client) => client.query(`drop role if exists ${role}`));
      await database.drop();
    }
  });
});
