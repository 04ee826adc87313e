import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEventSchema } from '../audit/audit-event.entity.ts';
import { recordAudit } from '../audit/audit.ts';
import { UserSchema, type User } from '../users/user.entity.ts';
import { verifyAgainstNobody, verifyPassword } from './passwords.ts';
import { createSession, deleteSession } from './sessions.ts';

/** Failed sign-ins for one username within the window that lock it for the rest of the window. */
export const LOGIN_FAILURES_ALLOWED = 5;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

export const LOGIN_ACTION = 'auth.login';

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string;
  /** Token of the session the browser already has, replaced on success. */
  previousToken: string | undefined;
  now: Date;
}

export type LoginResult =
  | { outcome: 'signed-in'; user: User; token: string }
  | { outcome: 'invalid-credentials' }
  | { outcome: 'locked'; retryAfterSeconds: number };

/**
 * Checks a username and password. Failures are counted from the audit trail,
 * so the lock holds across restarts and across api instances.
 */
export async function login(em: EntityManager, attempt: LoginAttempt): Promise<LoginResult> {
  const username = normalizeUsername(attempt.username);
  const windowStart = new Date(attempt.now.getTime() - LOGIN_FAILURE_WINDOW_MS);
  const failures = await em.find(
    AuditEventSchema,
    { action: LOGIN_ACTION, target: username, outcome: 'failure', at: { $gt: windowStart } },
    { orderBy: { at: 'asc' }, fields: ['at'] },
  );
  const oldest = failures[0];
  if (failures.length >= LOGIN_FAILURES_ALLOWED && oldest !== undefined) {
    await recordAudit(
      em,
      {
        action: LOGIN_ACTION,
        target: username,
        outcome: 'denied',
        ip: attempt.ip,
        details: { reason: 'locked' },
      },
      attempt.now,
    );
    const unlockAt = oldest.at.getTime() + LOGIN_FAILURE_WINDOW_MS;
    return {
      outcome: 'locked',
      retryAfterSeconds: Math.max(1, Math.ceil((unlockAt - attempt.now.getTime()) / 1000)),
    };
  }

  const user = await em.findOne(UserSchema, { username });
  const valid =
    user === null
      ? await verifyAgainstNobody(attempt.password)
      : await verifyPassword(user.passwordHash, attempt.password);
  if (user === null || !valid) {
    await recordAudit(
      em,
      { action: LOGIN_ACTION, target: username, outcome: 'failure', ip: attempt.ip },
      attempt.now,
    );
    return { outcome: 'invalid-credentials' };
  }

  // Rotation: a session token the browser held before signing in is never reused.
  if (attempt.previousToken !== undefined) await deleteSession(em, attempt.previousToken);
  const token = await createSession(em, user, attempt.now);
  await recordAudit(
    em,
    {
      actorId: user.id,
      actorName: user.username,
      action: LOGIN_ACTION,
      target: username,
      outcome: 'success',
      ip: attempt.ip,
    },
    attempt.now,
  );
  return { outcome: 'signed-in', user, token };
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}
