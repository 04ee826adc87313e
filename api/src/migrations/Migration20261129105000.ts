import { Migration } from '@mikro-orm/migrations';

/** The citizens' data-access log (registry queries and staff reads), append-only. */
export class Migration20261129105000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "app"."data_access_event" ("id" bigserial primary key, "citizen_id" uuid not null, "at" timestamptz not null, "kind" varchar(20) not null, "registry" varchar(20) null, "subject" varchar(50) not null, "subject_id" varchar(32) null, "fields" text[] not null default '{}', "purpose" jsonb not null, "actor" varchar(200) not null, "target" varchar(300) null);`,
    );
    this.addSql(
      `create index "data_access_event_citizen_id_at_index" on "app"."data_access_event" ("citizen_id", "at");`,
    );
    // The citizen's record of who used their data: like the audit trail, never changed or removed.
    this
      .addSql(`create function "app"."data_access_event_is_append_only"() returns trigger language plpgsql as $$
      begin raise exception 'app.data_access_event is append-only'; end $$;`);
    this
      .addSql(`create trigger "data_access_event_no_update_or_delete" before update or delete on "app"."data_access_event"
      for each row execute function "app"."data_access_event_is_append_only"();`);
    this.addSql(`create trigger "data_access_event_no_truncate" before truncate on "app"."data_access_event"
      for each statement execute function "app"."data_access_event_is_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "app"."data_access_event";`);
    this.addSql(`drop function if exists "app"."data_access_event_is_append_only"();`);
  }
}
