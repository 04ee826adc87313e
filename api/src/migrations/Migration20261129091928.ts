import { Migration } from '@mikro-orm/migrations';

/** Applications with their timeline, and the clerks' user tasks. */
export class Migration20261129091928 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "app"."application" ("id" uuid not null, "bundle_key" varchar(64) not null, "bundle_version" varchar(32) not null, "applicant_id" uuid not null, "status" varchar(20) not null, "services" text[] not null, "departments" text[] not null, "data_cipher" text not null, "id_number_hashes" text[] not null default '{}', "idempotency_key" varchar(200) null, "process_instance_key" varchar(32) null, "outcomes" jsonb null, "submitted_at" timestamptz not null, "updated_at" timestamptz not null, constraint "application_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "application_applicant_id_index" on "app"."application" ("applicant_id");`);
    this.addSql(
      `alter table "app"."application" add constraint "application_applicant_id_idempotency_key_unique" unique ("applicant_id", "idempotency_key");`,
    );
    this.addSql(
      `create index "application_id_number_hashes_index" on "app"."application" using gin ("id_number_hashes");`,
    );

    this.addSql(
      `create table "app"."application_event" ("id" bigserial primary key, "application_id" uuid not null, "at" timestamptz not null, "event" varchar(100) not null, "by" varchar(200) null, "details" jsonb null);`,
    );
    this.addSql(
      `create index "application_event_application_id_at_index" on "app"."application_event" ("application_id", "at");`,
    );

    this.addSql(
      `create table "app"."user_task" ("id" uuid not null, "job_key" varchar(32) not null, "process_instance_key" varchar(32) not null, "bpmn_process_id" varchar(255) not null, "element_id" varchar(255) not null, "name" varchar(255) not null, "candidate_groups" text[] not null default '{}', "assignee_id" uuid null, "assignee_name" varchar(200) null, "form_key" varchar(255) null, "due_date" timestamptz null, "application_id" uuid null, "bundle_key" varchar(64) null, "state" varchar(20) not null, "variables_cipher" text not null, "job_deadline" timestamptz not null, "created_at" timestamptz not null, "completed_at" timestamptz null, "completed_by" varchar(200) null, constraint "user_task_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "app"."user_task" add constraint "user_task_job_key_unique" unique ("job_key");`,
    );
    this.addSql(
      `create index "user_task_process_instance_key_index" on "app"."user_task" ("process_instance_key");`,
    );
    this.addSql(`create index "user_task_application_id_index" on "app"."user_task" ("application_id");`);
  }
}
