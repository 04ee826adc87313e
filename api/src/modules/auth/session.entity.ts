import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { UserSchema } from '../users/user.entity.ts';

/**
 * A server-side sign-in session. The cookie carries a random token; only its
 * SHA-256 is stored, so a copy of the table cannot be used to sign in.
 */
export const SessionSchema = defineEntity({
  name: 'Session',
  schema: 'app',
  tableName: 'session',
  properties: (p) => ({
    tokenHash: p.string().length(64).primary(),
    user: p.manyToOne(UserSchema).deleteRule('cascade').index(),
    createdAt: p.datetime().columnType('timestamptz'),
    lastSeenAt: p.datetime().columnType('timestamptz'),
    expiresAt: p.datetime().columnType('timestamptz'),
  }),
});

export type Session = InferEntity<typeof SessionSchema>;
