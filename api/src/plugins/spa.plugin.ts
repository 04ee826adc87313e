import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { publicAccess } from '../modules/auth/access.ts';

export interface SpaPluginOptions {
  /** The designer's build output (index.html and assets). */
  root: string;
}

/** Paths that belong to the server, never to the SPA's client-side router. */
const SERVER_PATHS = /^\/(api|metrics|health|ready)(\/|$)/;

/**
 * Serves the built designer SPA at `/`: its files, and index.html for any
 * other browser GET so that client-side routes survive a reload. Unknown
 * server paths get the 404 error shape. Without a build, `/` says so (503).
 */
export const spaPlugin = fp<SpaPluginOptions>(
  async (fastify: FastifyInstance, { root }) => {
    const built = existsSync(join(root, 'index.html'));
    if (built) {
      await fastify.register(async (spa) => {
        spa.addHook('onRoute', (route) => {
          route.config = { ...route.config, access: publicAccess };
          route.schema = { ...route.schema, hide: true };
        });
        await spa.register(fastifyStatic, { root, prefix: '/', wildcard: true, index: ['index.html'] });
      });
    } else {
      fastify.get('/', { config: { access: publicAccess }, schema: { hide: true } }, async () => {
        throw new AppError('SPA_NOT_BUILT');
      });
    }

    fastify.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0] ?? '/';
      const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !SERVER_PATHS.test(path);
      if (!wantsPage) throw new AppError('NOT_FOUND');
      if (!built) throw new AppError('SPA_NOT_BUILT');
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'onething-spa' },
);
