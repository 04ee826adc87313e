import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { GROUPS, ROLES, type Group, type Role } from './roles.ts';

/**
 * A person who signs in: citizen or staff. Roles and groups are fixed
 * catalogues (roles.ts), stored as arrays and checked by the database.
 * A citizen's resident ID number is stored only encrypted, with a keyed hash
 * for lookups (modules/people/personal-data-cipher.ts).
 */
export const UserSchema = defineEntity({
  name: 'User',
  schema: 'app',
  tableName: 'user_account',
  properties: (p) => ({
    id: p.uuid().primary(),
    username: p.string().length(64).unique(),
    displayName: p.string().length(200),
    passwordHash: p.string().length(255).hidden(),
    roles: p.array<Role>().columnType('text[]').default('{}'),
    groups: p.array<Group>().columnType('text[]').default('{}'),
    idNumberCipher: p.text().nullable(),
    idNumberHash: p.string().length(64).nullable().unique(),
    createdAt: p.datetime().columnType('timestamptz'),
  }),
  checks: [
    { name: 'user_account_roles_known', expression: `roles <@ ${textArray(ROLES)}` },
    { name: 'user_account_groups_known', expression: `groups <@ ${textArray(GROUPS)}` },
  ],
});

function textArray(values: readonly string[]): string {
  return `array[${values.map((value) => `'${value}'`).join(',')}]::text[]`;
}

export type User = InferEntity<typeof UserSchema>;
