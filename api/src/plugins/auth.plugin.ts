import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../errors.ts';
import { decideAccess, isAccess, type Access, type Principal } from '../modules/auth/access.ts';
import { SESSION_ABSOLUTE_TIMEOUT_MS, SESSION_COOKIE, findSessionUser } from '../modules/auth/sessions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; required on every route (modules/auth/access.ts). */
    access?: Access;
  }
  interface FastifyRequest {
    /** The signed-in person, when the request carries a valid session cookie. */
    principal: Principal | undefined;
    /** The raw session token from the cookie, when it names a live session. */
    sessionToken: string | undefined;
  }
  interface FastifyReply {
    startSession(token: string): FastifyReply;
    endSession(): FastifyReply;
  }
  interface FastifyInstance {
    /** Every route registered so far with its declared access (for tests and docs). */
    routeAccessTable(): RouteAccessEntry[];
  }
}

export interface RouteAccessEntry {
  method: string;
  url: string;
  access: Access | undefined;
}

/**
 * Sessions and authorization. Loads the principal from the session cookie
 * and enforces each route's declared `config.access` in onRequest, before
 * the body is parsed. An app with a route that declares no access refuses to
 * start (onReady), so a route cannot forget authorization.
 */
export const authPlugin = fp(
  async (fastify: FastifyInstance) => {
    await fastify.register(cookie);
    const routes: RouteOptions[] = [];

    fastify.addHook('onRoute', (route) => {
      routes.push(route);
    });
    fastify.decorate('routeAccessTable', () =>
      routes.flatMap((route) =>
        [route.method].flat().map((method) => ({ method, url: route.url, access: route.config?.access })),
      ),
    );
    fastify.addHook('onReady', async () => {
      const undeclared = routes.filter((route) => !isAccess(route.config?.access));
      if (undeclared.length > 0) {
        const list = undeclared.map((route) => `${[route.method].flat().join(',')} ${route.url}`).join('; ');
        throw new Error(`Routes without a declared access (config.access): ${list}`);
      }
    });

    fastify.decorateRequest('principal', undefined);
    fastify.decorateRequest('sessionToken', undefined);
    fastify.decorateReply('startSession', function (this: FastifyReply, token: string) {
      return this.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions(this.request),
        maxAge: Math.floor(SESSION_ABSOLUTE_TIMEOUT_MS / 1000),
      });
    });
    fastify.decorateReply('endSession', function (this: FastifyReply) {
      return this.clearCookie(SESSION_COOKIE, cookieOptions(this.request));
    });

    fastify.addHook('onRequest', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token !== undefined && token !== '') {
        const user = await findSessionUser(request.em, token, new Date());
        if (user === undefined) {
          reply.endSession();
        } else {
          request.sessionToken = token;
          request.principal = {
            id: user.id,
            username: user.username,
            displayName: user.displayName,
            roles: user.roles,
            groups: user.groups,
          };
        }
      }
      // The not-found handler has no route config; it serves only errors and the SPA shell.
      if (request.is404) return;
      const access = request.routeOptions.config.access;
      if (!isAccess(access)) throw new AppError('FORBIDDEN');
      const decision = decideAccess(access, request.principal);
      if (decision === 'unauthenticated') throw new AppError('UNAUTHENTICATED');
      if (decision === 'forbidden') throw new AppError('FORBIDDEN');
    });
  },
  { name: 'onething-auth', dependencies: ['onething-db'] },
);

function cookieOptions(request: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    // Behind a TLS-terminating proxy this relies on TRUST_PROXY for X-Forwarded-Proto.
    secure: request.protocol === 'https',
  };
}
