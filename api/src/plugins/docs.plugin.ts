import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { publicAccess } from '../modules/auth/access.ts';

/** The OpenAPI document at `/api/docs/json` and its UI at `/api/docs`, built from the route schemas. */
export const docsPlugin = fp(
  async (fastify: FastifyInstance) => {
    await fastify.register(swagger, {
      openapi: {
        info: { title: 'OneThing API', version: '0.1.0', description: 'One application, every department.' },
        components: {
          securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'onething_session' } },
        },
      },
    });
    // The UI's own routes are public; they are declared here because the
    // plugin that adds them knows nothing of our access rules.
    await fastify.register(async (docs) => {
      docs.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: publicAccess };
        route.schema = { ...route.schema, hide: true };
      });
      await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    });
  },
  { name: 'onething-docs' },
);
