import { Migration } from '@mikro-orm/migrations';

/**
 * The tables that only ever grow: the audit trail, the citizens' data-access
 * log, the applications' timeline, staff comments and ratings. A trigger
 * refuses changes to each (even the owner's), and the api's role holds no
 * update, delete or truncate right on them.
 */
const APPEND_ONLY_TABLES = [
  'audit_event',
  'data_access_event',
  'application_event',
  'application_comment',
  'application_rating',
] as const;

/**
 * Creates the role if the server has none yet and lets the login user become
 * it. On PostgreSQL 16+ a role created under CREATEROLE comes with ADMIN but
 * without SET for its creator, so "may SET ROLE" is what is checked, not mere
 * membership. Exported for the test that runs it as a non-superuser.
 */
export function ensureRoleSql(role: string): string {
  return `do $$
    declare can_set boolean;
    begin
      if not exists (select from pg_roles where rolname = '${role}') then
        begin
          create role ${role} nologin;
        exception when duplicate_object or unique_violation then null;
        end;
      end if;
      if current_setting('server_version_num')::int >= 160000 then
        can_set := pg_has_role(current_user, '${role}', 'SET');
      else
        can_set := pg_has_role(current_user, '${role}', 'MEMBER');
      end if;
      if not can_set then
        begin
          execute format('grant ${role} to %I', current_user);
        exception when insufficient_privilege then
          raise exception 'the login user % may not become the role ${role}', current_user
            using hint = format('As a superuser: CREATE ROLE ${role} NOLOGIN; GRANT ${role} TO %I;', current_user);
        end;
      end if;
    end $$;`;
}

/**
 * The api's own database role, `onething_api` (NOLOGIN): the app's pool
 * switches every connection to it (orm.ts), while migrations keep running as
 * the login user who owns the schema. It may read and write the api's tables
 * but never update, delete or truncate the append-only ones, so not even a
 * bug in the api can rewrite the audit trail. Tables created later by the
 * owner get the same grants (default privileges); a later append-only table
 * revokes `update, delete, truncate` from the role in its own migration.
 */
export class Migration20261129150500_apiRole extends Migration {
  override async up(): Promise<void> {
    this.addSql(ensureRoleSql('onething_api'));
    this.addSql(`grant usage on schema "app" to onething_api;`);
    this.addSql(`grant select, insert, update, delete on all tables in schema "app" to onething_api;`);
    this.addSql(`grant usage, select on all sequences in schema "app" to onething_api;`);
    this.addSql(
      `alter default privileges in schema "app" grant select, insert, update, delete on tables to onething_api;`,
    );
    this.addSql(`alter default privileges in schema "app" grant usage, select on sequences to onething_api;`);
    // The migrations' own bookkeeping is the owner's alone.
    this.addSql(`revoke all on "app"."mikro_orm_migrations" from onething_api;`);
    this.addSql(`revoke all on sequence "app"."mikro_orm_migrations_id_seq" from onething_api;`);
    // The timeline was append-only by use alone: it gets the trigger the other append-only tables have.
    this
      .addSql(`create function "app"."application_event_is_append_only"() returns trigger language plpgsql as $$
      begin raise exception 'app.application_event is append-only'; end $$;`);
    this
      .addSql(`create trigger "application_event_no_update_or_delete" before update or delete on "app"."application_event"
      for each row execute function "app"."application_event_is_append_only"();`);
    this.addSql(`create trigger "application_event_no_truncate" before truncate on "app"."application_event"
      for each statement execute function "app"."application_event_is_append_only"();`);
    const tables = APPEND_ONLY_TABLES.map((table) => `"app"."${table}"`).join(', ');
    this.addSql(`revoke update, delete, truncate on ${tables} from onething_api;`);
  }
}
