import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, type FieldErrors } from '../errors.ts';
import { registerDocumentRoutes } from './documents.ts';
import type { Faults } from './faults.ts';
import type { RegistryContext } from './registry-context.ts';

/**
 * Everything one registry has besides its own routes: the fault gate, the one
 * error handler, 404s in the error shape, documents and the admin endpoints.
 */
export function setUpRegistry(
  app: FastifyInstance,
  ctx: RegistryContext,
  adminToken: string | undefined,
): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.includes('/_admin/')) return;
    const gate = await ctx.faults.gate();
    if (gate === 'unavailable') return reply.code(503).send(errorBody('REGISTRY_UNAVAILABLE'));
    if (gate === 'timeout') return reply.code(504).send(errorBody('REGISTRY_TIMEOUT'));
  });
  app.setErrorHandler((error: FastifyError, request, reply) => handleError(error, request, reply));
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody('ROUTE_NOT_FOUND')));
  registerDocumentRoutes(app, ctx);
  if (adminToken) registerAdminRoutes(app, ctx, adminToken);
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.validation) {
    const fields: FieldErrors = {};
    for (const issue of error.validation) {
      const missing =
        issue.params && 'missingProperty' in issue.params ? String(issue.params.missingProperty) : '';
      const path = [issue.instancePath.replace(/^\//, '').replaceAll('/', '.'), missing]
        .filter(Boolean)
        .join('.');
      fields[path || String(error.validationContext ?? 'body')] = issue.message ?? 'invalid';
    }
    return reply.code(400).send(errorBody('INVALID_INPUT', undefined, fields));
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.code(error.statusCode).send(errorBody('INVALID_INPUT', error.message));
  }
  request.log.error({ err: error }, 'registry request failed');
  return reply.code(500).send(errorBody('INTERNAL_ERROR'));
}

const rate = { type: 'number', minimum: 0, maximum: 1 };
const millis = { type: 'integer', minimum: 0, maximum: 600_000 };
const faultsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    latencyMs: millis,
    latencyJitterMs: millis,
    errorRate: rate,
    timeoutRate: rate,
    lostResponseRate: rate,
    hangMs: millis,
    outage: { type: 'boolean' },
  },
};

function registerAdminRoutes(app: FastifyInstance, ctx: RegistryContext, adminToken: string): void {
  const expected = createHash('sha256').update(adminToken).digest();
  const authorised = (request: FastifyRequest): boolean => {
    const given = request.headers['x-registry-admin-token'];
    if (typeof given !== 'string') return false;
    return timingSafeEqual(createHash('sha256').update(given).digest(), expected);
  };
  app.register(async (admin) => {
    admin.addHook('onRequest', async (request, reply) => {
      if (!authorised(request)) return reply.code(401).send(errorBody('ADMIN_UNAUTHORIZED'));
    });
    admin.get('/_admin/faults', async () => ctx.faults.current);
    admin.put<{ Body: Partial<Faults> }>(
      '/_admin/faults',
      { schema: { body: faultsSchema } },
      async (request) => {
        request.log.warn({ dept: ctx.dept, faults: request.body }, 'registry faults injected');
        return ctx.faults.set(request.body);
      },
    );
    admin.delete('/_admin/faults', async () => ctx.faults.clear());
  });
}
