import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { ApplicationSchema } from '../applications/application.entity.ts';
import {
  ProgressFailureSchema,
  type ProgressFailure,
} from '../applications/progress/progress-failure.entity.ts';
import { DEFAULT_RETRY_POLICY, retryFailures } from '../applications/progress/progress-failures.ts';
import { recordAudit } from '../audit/audit.ts';
import { requireRole } from '../auth/access.ts';
import { ErrorResponse } from '../auth/auth.schemas.ts';
import { signedInPrincipal } from '../applications/applications.routes.ts';
import { ProgressFailureParams, ProgressFailureView } from './progress-failures.schemas.ts';

const access = requireRole('supervisor', 'admin');
const errors = { 401: ErrorResponse, 403: ErrorResponse };
const MAX_LISTED = 200;

/**
 * Applications whose live progress could not be applied (the
 * application-progress worker's failures): listed for supervisors and
 * admins, who may ask for a retry once the cause is fixed.
 */
export const progressFailuresRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/monitor/progress-failures',
    {
      config: { access },
      schema: {
        tags: ['monitor'],
        summary: 'Applications whose progress failed to apply, last failure first (at most 200)',
        response: { 200: Type.Array(ProgressFailureView), ...errors },
      },
    },
    async (request) => {
      const rows = await request.em.find(
        ProgressFailureSchema,
        {},
        { orderBy: { lastSeenAt: 'desc', applicationId: 'asc' }, limit: MAX_LISTED },
      );
      return views(request.em, rows);
    },
  );

  fastify.post(
    '/api/monitor/progress-failures/:applicationId/retry',
    {
      config: { access },
      schema: {
        tags: ['monitor'],
        summary: "Retry an application's progress at once, with a new series of attempts",
        params: ProgressFailureParams,
        response: { 200: ProgressFailureView, 404: ErrorResponse, ...errors },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request);
      const { applicationId } = request.params;
      const changed = await retryFailures(request.em, DEFAULT_RETRY_POLICY, new Date(), applicationId);
      if (changed === 0)
        throw new AppError('NOT_FOUND', { message: 'No progress failure for this application.' });
      await recordAudit(request.em, {
        actorId: principal.id,
        actorName: principal.username,
        action: 'monitor.progress-failure.retry',
        target: applicationId,
        outcome: 'success',
        ip: request.ip,
      });
      const row = await request.em.fork().findOneOrFail(ProgressFailureSchema, { applicationId });
      const [view] = await views(request.em, [row]);
      if (view === undefined) throw new Error('a progress failure without its view');
      return view;
    },
  );
};

async function views(em: EntityManager, rows: readonly ProgressFailure[]): Promise<ProgressFailureView[]> {
  const bundles = new Map(
    rows.length === 0
      ? []
      : (
          await em.find(
            ApplicationSchema,
            { id: { $in: rows.map((row) => row.applicationId) } },
            { fields: ['id', 'bundleKey'] },
          )
        ).map((application) => [application.id, application.bundleKey]),
  );
  return rows.map((row) => ({
    applicationId: row.applicationId,
    bundleKey: bundles.get(row.applicationId) ?? null,
    processInstanceKey: row.processInstanceKey ?? null,
    position: row.position,
    error: row.error,
    attempts: row.attempts,
    state: row.state,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    nextAttemptAt: row.state === 'set_aside' ? null : row.nextAttemptAt.toISOString(),
  }));
}
