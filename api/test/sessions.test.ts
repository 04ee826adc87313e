import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SESSION_ABSOLUTE_TIMEOUT_MS,
  SESSION_IDLE_TIMEOUT_MS,
  createSession,
  findSessionUser,
} from '../src/modules/auth/sessions.ts';
import { UserSchema } from '../src/modules/users/user.entity.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const MINUTE = 60 * 1000;

async function newSession(at: Date): Promise<string> {
  const em = t.orm.em.fork();
  const user = await em.findOneOrFail(UserSchema, { username: 'citizen2' });
  return createSession(em, user, at);
}

describe('session expiry', () => {
  it('ends a session left idle for longer than the idle timeout', async () => {
    // given
    const start = new Date('2026-03-01T08:00:00Z');
    const token = await newSession(start);

    // then
    const justBefore = new Date(start.getTime() + SESSION_IDLE_TIMEOUT_MS - MINUTE);
    expect((await findSessionUser(t.orm.em.fork(), token, justBefore))?.username).toBe('citizen2');
    const idleTooLong = new Date(justBefore.getTime() + SESSION_IDLE_TIMEOUT_MS + MINUTE);
    expect(await findSessionUser(t.orm.em.fork(), token, idleTooLong)).toBeUndefined();
  });

  it('ends an active session at the absolute timeout', async () => {
    // given a session used every 20 minutes
    const start = new Date('2026-03-02T08:00:00Z');
    const token = await newSession(start);
    let now = start;
    while (now.getTime() + 20 * MINUTE < start.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS) {
      now = new Date(now.getTime() + 20 * MINUTE);
      expect(await findSessionUser(t.orm.em.fork(), token, now)).toBeDefined();
    }

    // when the absolute limit passes
    const after = new Date(start.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS + MINUTE);

    // then
    expect(await findSessionUser(t.orm.em.fork(), token, after)).toBeUndefined();
  });
});
