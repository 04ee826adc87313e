import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventSchema } from '../src/modules/audit/audit-event.entity.ts';
import { API_ROLE } from '../src/orm.ts';
import { withClient } from './support/database.ts';
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

const APPEND_ONLY = ['audit_event', 'data_access_event', 'application_comment', 'application_rating'];

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

  it('may not change any append-only table, nor the migrations, nor the schema', async () => {
    const em = t.orm.em.fork();
    for (const table of APPEND_ONLY) {
      await expect(em.getConnection().execute(`delete from app.${table}`)).rejects.toThrow(
        /permission denied/,
      );
    }
    await expect(em.getConnection().execute('delete from app.mikro_orm_migrations')).rejects.toThrow(
      /permission denied/,
    );
    await expect(em.getConnection().execute('create table app.stray (id int)')).rejects.toThrow(
      /permission denied/,
    );
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
    expect(tables.rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(APPEND_ONLY));
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
