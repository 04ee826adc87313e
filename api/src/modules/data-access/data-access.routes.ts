import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { signedInPrincipal } from '../applications/applications.routes.ts';
import { requireRole } from '../auth/access.ts';
import { ErrorResponse } from '../auth/auth.schemas.ts';
import { DataAccessEventSchema } from './data-access-event.entity.ts';
import { DataAccessList, DataAccessQuery } from './data-access.schemas.ts';

/** How many entries one page of the log holds. */
export const DATA_ACCESS_PAGE = 200;

/** `GET /api/me/data-access`: the signed-in citizen's data-access log, newest first. */
export const dataAccessRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/me/data-access',
    {
      config: { access: requireRole('citizen') },
      schema: {
        tags: ['citizen'],
        summary: 'Who asked the registries about me and who read my data (newest first, 200 a page)',
        querystring: DataAccessQuery,
        response: { 200: DataAccessList, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request);
      const before = request.query.before === undefined ? undefined : new Date(request.query.before);
      const rows = await request.em.find(
        DataAccessEventSchema,
        { citizenId: principal.id, ...(before === undefined ? {} : { at: { $lt: before } }) },
        { orderBy: { at: 'desc', id: 'desc' }, limit: DATA_ACCESS_PAGE },
      );
      return rows.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        kind: row.kind,
        ...(row.registry ? { registry: row.registry } : {}),
        subject: row.subject,
        ...(row.subjectId ? { subjectId: row.subjectId } : {}),
        fields: [...row.fields],
        purpose: row.purpose,
        actor: row.actor,
      }));
    },
  );
};
