import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SessionSchema } from './session.entity.ts';
import { UserSchema, type User } from '../users/user.entity.ts';

/** Signed out after this long without a request. */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** Signed out this long after sign-in, however active. */
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so that reads stay reads. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export const SESSION_COOKIE = 'onething_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Starts a session for the user; returns the token for the cookie (never stored). */
export async function createSession(em: EntityManager, user: User, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await em.insert(SessionSchema, {
    tokenHash: hashToken(token),
    user: user.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS),
  });
  // Housekeeping: this user's sessions that can no longer be used.
  await em.nativeDelete(SessionSchema, {
    user: user.id,
    $or: [{ expiresAt: { $lte: now } }, { lastSeenAt: { $lte: idleCutoff(now) } }],
  });
  return token;
}

/** The signed-in user for a cookie token, or undefined when the session is unknown or expired. */
export async function findSessionUser(
  em: EntityManager,
  token: string,
  now: Date,
): Promise<User | undefined> {
  const tokenHash = hashToken(token);
  const session = await em.findOne(
    SessionSchema,
    { tokenHash, expiresAt: { $gt: now }, lastSeenAt: { $gt: idleCutoff(now) } },
    { populate: ['user'] },
  );
  if (session === null) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await em.nativeUpdate(SessionSchema, { tokenHash }, { lastSeenAt: now });
  }
  return em.findOneOrFail(UserSchema, { id: session.user.id });
}

export async function deleteSession(em: EntityManager, token: string): Promise<void> {
  await em.nativeDelete(SessionSchema, { tokenHash: hashToken(token) });
}

function idleCutoff(now: Date): Date {
  return new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS);
}
