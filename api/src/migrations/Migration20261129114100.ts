import { Migration } from '@mikro-orm/migrations';

/** Citizens' drafts (encrypted) and the uploaded materials of drafts and applications. */
export class Migration20261129114100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "app"."application_draft" ("id" uuid not null, "applicant_id" uuid not null, "bundle_key" varchar(64) not null, "data_cipher" text not null, "step" varchar(64) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "application_draft_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "app"."application_draft" add constraint "application_draft_applicant_id_bundle_key_unique" unique ("applicant_id", "bundle_key");`,
    );

    this.addSql(
      `create table "app"."material" ("id" uuid not null, "owner_id" uuid not null, "draft_id" uuid null, "application_id" uuid null, "kind" varchar(64) not null, "filename" varchar(255) not null, "content_type" varchar(50) not null, "size" int not null, "sha256" varchar(64) not null, "uploaded_at" timestamptz not null, constraint "material_pkey" primary key ("id"), constraint "material_draft_or_application" check ((draft_id is null) <> (application_id is null)));`,
    );
    this.addSql(`create index "material_draft_id_index" on "app"."material" ("draft_id");`);
    this.addSql(`create index "material_application_id_index" on "app"."material" ("application_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "app"."material";`);
    this.addSql(`drop table if exists "app"."application_draft";`);
  }
}
