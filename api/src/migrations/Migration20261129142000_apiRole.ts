import { Migration } from '@mikro-orm/migrations';

/**
 * The api's own database role, `onething_api` (NOLOGIN): the app's pool
 * switches every connection to it (orm.ts), while migrations keep running as
 * the login user who owns the schema. It may read and write the api's tables
 * but never update, delete or truncate the append-only ones, so not even a
 * bug in the api can rewrite the audit trail. Tables created later by the
 * owner get the same grants (default privileges); a later append-only table
 * revokes `update, delete, truncate` from the role in its own migration.
 */
export class Migration20261129142000_apiRole extends Migration {
  override async up(): Promise<void> {
    // Roles belong to the whole server: another database on it may have created the role already.
    this.addSql(`do $$ begin
      if not exists (select from pg_roles where rolname = 'onething_api') then
        begin
          create role onething_api nologin;
        exception when duplicate_object or unique_violation then null;
        end;
      end if;
      if not pg_has_role(current_user, 'onething_api', 'member') then
        execute format('grant onething_api to %I', current_user);
      end if;
    end $$;`);
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
    this.addSql(
      `revoke update, delete, truncate on "app"."audit_event", "app"."data_access_event", "app"."application_comment", "app"."application_rating" from onething_api;`,
    );
  }
}
