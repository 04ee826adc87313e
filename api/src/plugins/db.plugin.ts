import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../orm.ts';
import type { Readiness } from '../readiness.ts';

declare module 'fastify' {
  interface FastifyInstance {
    orm: Orm;
  }
  interface FastifyRequest {
    /** This request's own unit of work (a fork of the ORM's entity manager). */
    em: EntityManager;
  }
}

export interface DbPluginOptions {
  orm: Orm;
  readiness: Readiness;
}

/** MikroORM for the app: a fresh entity manager per request, and the `database` readiness check. */
export const dbPlugin = fp<DbPluginOptions>(
  async (fastify: FastifyInstance, { orm, readiness }) => {
    fastify.decorate('orm', orm);
    fastify.decorateRequest('em', {
      getter() {
        throw new Error('request.em is set in onRequest; it is not available before');
      },
    });
    fastify.addHook('onRequest', async (request) => {
      Object.defineProperty(request, 'em', { value: orm.em.fork(), enumerable: false });
    });
    readiness.register('database', async () => {
      await orm.em.getConnection().execute('select 1');
      return { ok: true };
    });
  },
  { name: 'onething-db' },
);
