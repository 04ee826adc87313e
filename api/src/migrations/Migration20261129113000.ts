import { Migration } from '@mikro-orm/migrations';

/**
 * Staff feedback and the Monitor's figures: approval comments and ratings
 * (both append-only), follow-up tasks without an engine job, and the
 * acceptance, due dates and completion times of applications.
 */
export class Migration20261129113000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app"."user_task" add column "origin" varchar(20) not null default 'engine';`);
    this.addSql(`alter table "app"."user_task" alter column "job_key" drop not null;`);
    this.addSql(`alter table "app"."user_task" alter column "process_instance_key" drop not null;`);
    this.addSql(`alter table "app"."user_task" alter column "bpmn_process_id" drop not null;`);
    this.addSql(`alter table "app"."user_task" alter column "element_id" drop not null;`);
    this.addSql(`alter table "app"."user_task" alter column "job_deadline" drop not null;`);

    this.addSql(`alter table "app"."application" add column "accepted_at" timestamptz null;`);
    this.addSql(`alter table "app"."application" add column "due_dates" jsonb null;`);
    this.addSql(`alter table "app"."application" add column "completed_at" timestamptz null;`);

    this.addSql(
      `create table "app"."application_comment" ("id" uuid not null, "application_id" uuid null, "task_id" uuid not null, "at" timestamptz not null, "author_id" uuid not null, "author" varchar(64) not null, "author_name" varchar(200) not null, "group" varchar(20) not null, "text" varchar(1000) not null, constraint "application_comment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "application_comment_application_id_at_index" on "app"."application_comment" ("application_id", "at");`,
    );
    this.addSql(
      `create index "application_comment_task_id_at_index" on "app"."application_comment" ("task_id", "at");`,
    );

    this.addSql(
      `create table "app"."application_rating" ("application_id" uuid not null, "bundle_key" varchar(64) not null, "rater_id" uuid not null, "score" smallint not null, "comment" varchar(500) null, "rated_at" timestamptz not null, "follow_up_task_id" uuid null, constraint "application_rating_pkey" primary key ("application_id"), constraint "application_rating_score_range" check (score >= 1 and score <= 5));`,
    );
    this.addSql(
      `create index "application_rating_rated_at_index" on "app"."application_rating" ("rated_at");`,
    );

    // What was said and how the service was rated are records: never changed or removed.
    for (const table of ['application_comment', 'application_rating']) {
      this.addSql(`create function "app"."${table}_is_append_only"() returns trigger language plpgsql as $$
        begin raise exception 'app.${table} is append-only'; end $$;`);
      this.addSql(`create trigger "${table}_no_update_or_delete" before update or delete on "app"."${table}"
        for each row execute function "app"."${table}_is_append_only"();`);
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "app"."${table}"
        for each statement execute function "app"."${table}_is_append_only"();`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "app"."application_rating";`);
    this.addSql(`drop function if exists "app"."application_rating_is_append_only"();`);
    this.addSql(`drop table if exists "app"."application_comment";`);
    this.addSql(`drop function if exists "app"."application_comment_is_append_only"();`);
  }
}
