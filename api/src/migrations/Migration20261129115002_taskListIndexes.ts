import { Migration } from '@mikro-orm/migrations';

/** Indexes for the clerks' task lists, a page at a time (tasks/task-list.ts). */
export class Migration20261129115002_taskListIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "user_task_open_index" on "app"."user_task" ("created_at", "id") where "state" = 'open';`,
    );
    this.addSql(
      `create index "user_task_completed_index" on "app"."user_task" ("completed_at" desc, "id" desc) where "state" = 'completed';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "app"."user_task_open_index";`);
    this.addSql(`drop index "app"."user_task_completed_index";`);
  }
}
