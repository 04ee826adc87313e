import { Migration } from '@mikro-orm/migrations';

/** Bundle drafts (the Studio) and published versions (the catalogue). */
export class Migration20261129111800_bundleVersions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "app"."bundle_draft" ("key" varchar(64) not null, "version" int not null, "bpmn" text not null, "forms" json not null, "manifest" json not null, "updated_by" varchar(100) not null, "updated_at" timestamptz not null, "seeded_hash" varchar(64) not null, "seeded_draft_version" int not null, "shipped_hash" varchar(64) not null, constraint "bundle_draft_pkey" primary key ("key"));`,
    );

    this.addSql(
      `create table "app"."bundle_version" ("bundle_key" varchar(64) not null, "number" int not null, "bpmn" text not null, "forms" json not null, "manifest" json not null, "bpmn_process_id" varchar(255) not null, "process_definition_key" varchar(32) not null, "engine_version" int not null, "source" varchar(20) not null, "published_by" varchar(100) not null, "published_at" timestamptz not null, constraint "bundle_version_pkey" primary key ("bundle_key", "number"));`,
    );
  }
}
