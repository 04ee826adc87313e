import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import type { User } from '../users/user.entity.ts';
import { publicAccess, signedIn, type Principal } from './access.ts';
import { ErrorResponse, LoginBody, UserResponse, type UserView } from './auth.schemas.ts';
import { login } from './login.ts';
import { SESSION_COOKIE, deleteSession } from './sessions.ts';

/** Sign-in attempts per client address per minute, whatever the username. */
export const LOGIN_REQUESTS_PER_IP_PER_MINUTE = 20;

/** `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`. */
export const authRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/api/auth/login',
    {
      config: {
        access: publicAccess,
        rateLimit: { max: LOGIN_REQUESTS_PER_IP_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: LoginBody,
        response: { 200: UserResponse, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = await login(request.em, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        previousToken: request.cookies[SESSION_COOKIE],
        now: new Date(),
      });
      if (result.outcome === 'locked')
        throw new AppError('LOGIN_RATE_LIMITED', { retryAfter: result.retryAfterSeconds });
      if (result.outcome === 'invalid-credentials') throw new AppError('INVALID_CREDENTIALS');
      reply.startSession(result.token);
      return { user: userView(result.user) };
    },
  );

  fastify.post(
    '/api/auth/logout',
    {
      config: { access: signedIn },
      schema: {
        tags: ['auth'],
        summary: 'Sign out; ends the session on the server',
        response: { 204: Type.Null(), 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const principal = currentPrincipal(request.principal);
      if (request.sessionToken !== undefined) await deleteSession(request.em, request.sessionToken);
      await recordAudit(request.em, {
        actorId: principal.id,
        actorName: principal.username,
        action: 'auth.logout',
        target: principal.username,
        outcome: 'success',
        ip: request.ip,
      });
      return reply.endSession().status(204).send();
    },
  );

  fastify.get(
    '/api/auth/me',
    {
      config: { access: signedIn },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in person',
        response: { 200: UserResponse, 401: ErrorResponse },
      },
    },
    async (request) => ({ user: userView(currentPrincipal(request.principal)) }),
  );
};

function currentPrincipal(principal: Principal | undefined): Principal {
  // The route's access already required a session; a missing one is a bug.
  if (principal === undefined) throw new Error('signed-in route reached without a principal');
  return principal;
}

function userView(user: User | Principal): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: [...user.roles],
    groups: [...user.groups],
  };
}
