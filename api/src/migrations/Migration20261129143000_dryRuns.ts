import { Migration } from '@mikro-orm/migrations';

/** The Studio's dry runs of a bundle draft and their user tasks (kept out of the clerks' task table). */
export class Migration20261129143000_dryRuns extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "app"."dry_run" ("id" uuid not null, "bundle_key" varchar(64) not null, "draft_version" int not null, "citizen" varchar(64) not null, "bpmn" text not null, "forms" json not null, "manifest" json not null, "bpmn_process_id" varchar(255) not null, "process_definition_key" varchar(32) not null, "process_instance_key" varchar(32) not null, "state" varchar(20) not null, "started_by" varchar(100) not null, "started_at" timestamptz not null, "cancelled_at" timestamptz null, constraint "dry_run_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "dry_run_bundle_key_index" on "app"."dry_run" ("bundle_key");`);
    this.addSql(
      `alter table "app"."dry_run" add constraint "dry_run_process_instance_key_unique" unique ("process_instance_key");`,
    );
    this.addSql(
      `create table "app"."dry_run_task" ("id" uuid not null, "job_key" varchar(32) not null, "process_instance_key" varchar(32) not null, "element_id" varchar(255) not null, "candidate_groups" text[] not null default '{}', "form_key" varchar(255) null, "state" varchar(20) not null, "variables_cipher" text not null, "created_at" timestamptz not null, "completed_at" timestamptz null, "completed_by" varchar(100) null, constraint "dry_run_task_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "app"."dry_run_task" add constraint "dry_run_task_job_key_unique" unique ("job_key");`,
    );
    this.addSql(
      `create index "dry_run_task_process_instance_key_index" on "app"."dry_run_task" ("process_instance_key");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "app"."dry_run_task" cascade;`);
    this.addSql(`drop table if exists "app"."dry_run" cascade;`);
  }
}
