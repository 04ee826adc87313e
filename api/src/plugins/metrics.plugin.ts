import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { publicAccess } from '../modules/auth/access.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Prometheus registry of this app; other parts add their metrics to it. */
    metrics: Registry;
  }
}

/** Prometheus metrics at `/metrics`: process defaults and request durations by route. */
export const metricsPlugin = fp(
  async (fastify: FastifyInstance) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    fastify.decorate('metrics', registry);

    fastify.addHook('onResponse', async (request, reply) => {
      // The route pattern, not the URL, so that ids do not explode the label set.
      const route = request.is404 ? 'not_found' : (request.routeOptions.url ?? 'unknown');
      duration.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });

    fastify.get(
      '/metrics',
      { config: { access: publicAccess }, schema: { hide: true } },
      async (_request, reply) => {
        const body = await registry.metrics();
        return reply.type(registry.contentType).send(body);
      },
    );
  },
  { name: 'onething-metrics' },
);
