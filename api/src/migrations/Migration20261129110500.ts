import { Migration } from '@mikro-orm/migrations';

/** The `supervisor` group: supervisors work the escalation and follow-up tasks of their group. */
export class Migration20261129110500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app"."user_account" drop constraint "user_account_groups_known";`);
    this.addSql(
      `alter table "app"."user_account" add constraint "user_account_groups_known" check ("groups" <@ array['window','hr','tax','health','civil','supervisor']::text[]);`,
    );
    // Supervisors who exist already (the demo's supervisor1) join the group their tasks go to.
    this.addSql(
      `update "app"."user_account" set "groups" = array_append("groups", 'supervisor') where 'supervisor' = any("roles") and not 'supervisor' = any("groups");`,
    );
  }
}
