import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Security headers, and the defence against cross-site request forgery.
 *
 * Why this is enough without CSRF tokens: the session cookie is
 * SameSite=Lax, so browsers do not send it on cross-site POST/PUT/DELETE at
 * all. Two more layers cover what Lax does not (same-site subdomains, old
 * browsers):
 * - the api accepts request bodies only as application/json (the text/plain
 *   parser is removed; form encodings have no parser, so fastify answers 415).
 *   A cross-origin page can send JSON only after a CORS preflight, which this
 *   api never grants;
 * - a state-changing request whose Origin (or Sec-Fetch-Site) says it comes
 *   from another site is refused before anything else runs.
 */
export const securityPlugin = fp(
  async (fastify: FastifyInstance) => {
    await fastify.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          // The app may be served over plain http on a private network; upgrading
          // its own requests to https would break it there.
          upgradeInsecureRequests: null,
        },
      },
    });
    fastify.removeContentTypeParser('text/plain');
    fastify.addHook('onRequest', async (request) => {
      if (SAFE_METHODS.has(request.method)) return;
      if (isCrossSite(request)) throw new AppError('CROSS_ORIGIN_REJECTED');
    });
  },
  { name: 'onething-security' },
);

function isCrossSite(request: FastifyRequest): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  // `Origin: null` comes from sandboxed frames and file: pages: never our SPA.
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== request.host || new URL(origin).protocol !== `${request.protocol}:`;
  } catch {
    return true;
  }
}
