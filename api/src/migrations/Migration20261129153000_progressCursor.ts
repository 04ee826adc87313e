import { Migration } from '@mikro-orm/migrations';

/**
 * The application-progress worker follows the engine's history change feed
 * by a cursor instead of polling every followed application. Its row starts
 * at the feed's beginning with the one-time sweep over the applications the
 * polling worker followed still to do.
 */
export class Migration20261129153000_progressCursor extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "app"."progress_cursor" ("name" varchar(64) not null, "position" bigint not null default '0', "sweeping" boolean not null default true, "swept_up_to" uuid null, "updated_at" timestamptz not null, constraint "progress_cursor_pkey" primary key ("name"));`,
    );
    this.addSql(
      `insert into "app"."progress_cursor" ("name", "position", "sweeping", "updated_at") values ('engine-history', 0, true, now());`,
    );
    this.addSql(
      `create index "application_process_instance_key_index" on "app"."application" ("process_instance_key");`,
    );
    this.addSql(
      `create index "application_accepted_progress_index" on "app"."application" ("id") where "status" = 'accepted' and "progress" is not null and not "progress_final";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "app"."application_process_instance_key_index";`);
    this.addSql(`drop index "app"."application_accepted_progress_index";`);
    this.addSql(`drop table "app"."progress_cursor";`);
  }
}
