import { Migration } from '@mikro-orm/migrations';

/** Each application's live part progress, kept by the application-progress worker. */
export class Migration20261129122000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app"."application" add column "progress" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app"."application" drop column "progress";`);
  }
}
