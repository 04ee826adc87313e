import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { requireRole } from '../auth/access.ts';
import { ErrorResponse } from '../auth/auth.schemas.ts';
import { BundleVersionSchema } from '../catalogue/bundle-version.entity.ts';
import { monitorBreaches } from './monitor-breaches.ts';
import { Breaches, ProcessDefinitionParams, Stats, StatsQuery } from './monitor-figures.schemas.ts';
import { daysOf, monitorStats } from './monitor-stats.ts';

const access = requireRole('supervisor', 'admin');
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
/** The default range: the last 30 days. */
const DEFAULT_DAYS = 30;
/** The longest range one request may ask for. */
export const MAX_STATS_DAYS = 366;

/** The Monitor's figures from the api's data: stats, time-limit breaches, the deployed BPMN of a version. */
export const monitorFiguresRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/monitor/stats',
    {
      config: { access },
      schema: {
        tags: ['monitor'],
        summary: 'Throughput per day, durations per department and bundle, prefill share, ratings',
        querystring: StatsQuery,
        response: { 200: Stats, ...errors },
      },
    },
    async (request) => {
      const to = request.query.to ?? shanghaiDay(new Date());
      const from =
        request.query.from ??
        shanghaiDay(new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * 86_400_000));
      const days = daysOf({ from, to }).length;
      if (days === 0 || days > MAX_STATS_DAYS)
        throw new AppError('VALIDATION_FAILED', {
          fields: { from: `from must be on or before to, at most ${MAX_STATS_DAYS} days apart` },
        });
      return monitorStats(request.em, { from, to });
    },
  );

  fastify.get(
    '/api/monitor/breaches',
    {
      config: { access },
      schema: {
        tags: ['monitor'],
        summary: 'Services overdue or due within one working day, most urgent first',
        response: { 200: Breaches, ...errors },
      },
    },
    async (request) => monitorBreaches(request.em, fastify.catalogue, new Date()),
  );

  fastify.get(
    '/api/monitor/processes/:processDefinitionKey/xml',
    {
      config: { access },
      schema: {
        tags: ['monitor'],
        summary: 'The BPMN XML of a deployed process version (for the diagram)',
        params: ProcessDefinitionParams,
        response: { 200: Type.String(), 404: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      // Every version the api deploys (shipped bundles and Studio publications) is kept with its BPMN.
      const version = await request.em.findOne(BundleVersionSchema, {
        processDefinitionKey: request.params.processDefinitionKey,
      });
      if (version === null)
        throw new AppError('NOT_FOUND', { message: 'No process version with this key was deployed here.' });
      return reply.type('application/xml; charset=utf-8').send(version.bpmn);
    },
  );
};

function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
