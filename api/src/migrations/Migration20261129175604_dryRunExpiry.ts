import { Migration } from '@mikro-orm/migrations';

/**
 * Dry runs remember the designer's last act on them (start, task completed)
 * so that abandoned ones expire, and why a run was cancelled. Existing runs
 * take their start or their last completed task; cancelled ones were the
 * designer's.
 */
export class Migration20261129175604_dryRunExpiry extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "app"."dry_run" add column "cancel_reason" varchar(20) null, add column "last_activity_at" timestamptz null;`,
    );
    this.addSql(
      `update "app"."dry_run" r set "last_activity_at" = greatest(r."started_at", (select max(t."completed_at") from "app"."dry_run_task" t where t."process_instance_key" = r."process_instance_key")), "cancel_reason" = case when r."state" = 'cancelled' then 'designer' end;`,
    );
    this.addSql(`alter table "app"."dry_run" alter column "last_activity_at" set not null;`);
    this.addSql(
      `create index "dry_run_state_last_activity_at_index" on "app"."dry_run" ("state", "last_activity_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "app"."dry_run_state_last_activity_at_index";`);
    this.addSql(`alter table "app"."dry_run" drop column "cancel_reason", drop column "last_activity_at";`);
  }
}
