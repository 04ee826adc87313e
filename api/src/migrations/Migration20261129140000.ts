import { Migration } from '@mikro-orm/migrations';

/**
 * Whether the application-progress worker has read the application's process to its end:
 * until then it keeps following the application after it completed, so parts that finished
 * just before the completion still get their timeline entries.
 */
export class Migration20261129140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "app"."application" add column "progress_final" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app"."application" drop column "progress_final";`);
  }
}
