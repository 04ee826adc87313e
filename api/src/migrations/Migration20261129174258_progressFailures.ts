import { Migration } from '@mikro-orm/migrations';

/**
 * Applications whose progress failed to apply: retried with back-off, then
 * set aside, while the history cursor moves on for every other application.
 */
export class Migration20261129174258_progressFailures extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "app"."progress_failure" ("application_id" uuid not null, "process_instance_key" varchar(32) null, "position" bigint not null, "error" text not null, "attempts" int not null, "retries_left" int not null, "state" varchar(20) not null, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, "next_attempt_at" timestamptz not null, constraint "progress_failure_pkey" primary key ("application_id"));`,
    );
    this.addSql(
      `create index "progress_failure_state_next_attempt_at_index" on "app"."progress_failure" ("state", "next_attempt_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "app"."progress_failure" cascade;`);
  }
}
