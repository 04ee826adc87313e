import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApplicationIdParams } from '../applications/applications.schemas.ts';
import { signedInPrincipal } from '../applications/applications.routes.ts';
import { recordAudit } from '../audit/audit.ts';
import { requireRole } from '../auth/access.ts';
import { ErrorResponse } from '../auth/auth.schemas.ts';
import { rateApplication } from './rate-application.ts';
import { RatingBody, RatingView } from './ratings.schemas.ts';

/** `POST /api/applications/:id/rating`: the citizen's rating of a completed application (好差评). */
export const ratingsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/api/applications/:id/rating',
    {
      config: { access: requireRole('citizen') },
      schema: {
        tags: ['applications'],
        summary: 'Rate my completed application, once; a score of 2 or less opens a follow-up',
        params: ApplicationIdParams,
        body: RatingBody,
        response: {
          201: RatingView,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const rating = await rateApplication(request.params.id, request.body, {
        em: request.em,
        cipher: fastify.personalData,
        principal,
        now: new Date(),
      });
      await recordAudit(request.em, {
        actorId: principal.id,
        actorName: principal.username,
        action: 'application.rate',
        target: request.params.id,
        outcome: 'success',
        ip: request.ip,
        details: { score: rating.score },
      });
      return reply.status(201).send(rating);
    },
  );
};
