import { Migration } from '@mikro-orm/migrations';

/** People and sign-in: accounts, sessions and the append-only audit trail, in schema `app`. */
export class Migration20261129080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "app";`);

    this.addSql(`create table "app"."user_account" (
      "id" uuid not null,
      "username" varchar(64) not null,
      "display_name" varchar(200) not null,
      "password_hash" varchar(255) not null,
      "roles" text[] not null default '{}',
      "groups" text[] not null default '{}',
      "id_number_cipher" text null,
      "id_number_hash" varchar(64) null,
      "created_at" timestamptz not null,
      constraint "user_account_pkey" primary key ("id"),
      constraint "user_account_roles_known" check ("roles" <@ array['citizen','clerk','designer','supervisor','admin']::text[]),
      constraint "user_account_groups_known" check ("groups" <@ array['window','hr','tax','health','civil']::text[])
    );`);
    this.addSql(
      `alter table "app"."user_account" add constraint "user_account_username_unique" unique ("username");`,
    );
    this.addSql(
      `alter table "app"."user_account" add constraint "user_account_id_number_hash_unique" unique ("id_number_hash");`,
    );

    this.addSql(`create table "app"."session" (
      "token_hash" varchar(64) not null,
      "user_id" uuid not null,
      "created_at" timestamptz not null,
      "last_seen_at" timestamptz not null,
      "expires_at" timestamptz not null,
      constraint "session_pkey" primary key ("token_hash")
    );`);
    this.addSql(`create index "session_user_id_index" on "app"."session" ("user_id");`);
    this.addSql(`alter table "app"."session" add constraint "session_user_id_foreign"
      foreign key ("user_id") references "app"."user_account" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "app"."audit_event" (
      "id" bigserial primary key,
      "at" timestamptz not null,
      "actor_id" uuid null,
      "actor_name" varchar(200) null,
      "action" varchar(100) not null,
      "target" varchar(300) null,
      "outcome" varchar(20) not null,
      "ip" varchar(64) null,
      "details" jsonb null
    );`);
    this.addSql(
      `create index "audit_event_action_target_at_index" on "app"."audit_event" ("action", "target", "at");`,
    );
    // The audit trail is evidence: nobody, not even the api, may change or remove an entry.
    this.addSql(`create function "app"."audit_event_is_append_only"() returns trigger language plpgsql as $$
      begin raise exception 'app.audit_event is append-only'; end $$;`);
    this
      .addSql(`create trigger "audit_event_no_update_or_delete" before update or delete on "app"."audit_event"
      for each row execute function "app"."audit_event_is_append_only"();`);
    this.addSql(`create trigger "audit_event_no_truncate" before truncate on "app"."audit_event"
      for each statement execute function "app"."audit_event_is_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "app"."audit_event";`);
    this.addSql(`drop function if exists "app"."audit_event_is_append_only"();`);
    this.addSql(`drop table if exists "app"."session";`);
    this.addSql(`drop table if exists "app"."user_account";`);
  }
}
