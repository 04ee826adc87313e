import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { publicAccess } from '../auth/access.ts';
import type { Readiness } from '../../readiness.ts';

const ReadyCheckSchema = Type.Object({ ok: Type.Boolean(), reason: Type.Optional(Type.String()) });
const ReadyReportSchema = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  checks: Type.Record(Type.String(), ReadyCheckSchema),
});

export interface HealthRoutesOptions {
  readiness: Readiness;
}

/** Liveness (`/health`: the process answers) and readiness (`/ready`: every dependency answers). */
export const healthRoutes: FastifyPluginAsyncTypebox<HealthRoutesOptions> = async (
  fastify,
  { readiness },
) => {
  fastify.get(
    '/health',
    {
      config: { access: publicAccess },
      schema: { tags: ['health'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );

  fastify.get(
    '/ready',
    {
      config: { access: publicAccess },
      schema: { tags: ['health'], response: { 200: ReadyReportSchema, 503: ReadyReportSchema } },
    },
    async (_request, reply) => {
      const report = await readiness.run();
      return reply
        .status(report.ready ? 200 : 503)
        .send({ status: report.ready ? 'ready' : 'not_ready', checks: report.checks });
    },
  );
};
