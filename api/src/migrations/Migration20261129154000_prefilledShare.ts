import { Migration } from '@mikro-orm/migrations';

/** What prefill served each citizen (keyed hashes) and, per application, its filled and prefilled field counts. */
export class Migration20261129154000_prefilledShare extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "app"."served_prefill" ("citizen_id" uuid not null, "bundle_key" varchar(64) not null, "value_hashes" jsonb not null, "served_at" timestamptz not null, "expires_at" timestamptz not null, constraint "served_prefill_pkey" primary key ("citizen_id", "bundle_key"));`,
    );
    this.addSql(`create index "served_prefill_expires_at_index" on "app"."served_prefill" ("expires_at");`);
    this.addSql(
      `alter table "app"."application" add column "filled_fields" int null, add column "prefilled_fields" int null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "app"."application" drop column "filled_fields", drop column "prefilled_fields";`,
    );
    this.addSql(`drop table if exists "app"."served_prefill" cascade;`);
  }
}
