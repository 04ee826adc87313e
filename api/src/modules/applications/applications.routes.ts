import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { applicationComments } from '../comments/comments.ts';
import { ratingOf } from '../ratings/rate-application.ts';
import { recordDataAccess, staffRead } from '../data-access/record-data-access.ts';
import { requireRole, type Principal } from '../auth/access.ts';
import { ErrorResponse } from '../auth/auth.schemas.ts';
import { canSeeApplication, visibleDepartments } from './application-access.ts';
import { maskedData, openApplicationData, valueKeys, visibleData } from './application-data.ts';
import { applicationForm } from './application-form.ts';
import { applicationParts } from './application-parts.ts';
import { ApplicationEventSchema, ApplicationSchema } from './application.entity.ts';
import { materialView } from '../materials/material-view.ts';
import { MaterialSchema } from '../materials/material.entity.ts';
import {
  ApplicationDetail,
  ApplicationFormView,
  ApplicationIdParams,
  ApplicationList,
  SubmitBody,
  SupplementBody,
  SubmitHeaders,
  Submitted,
} from './applications.schemas.ts';
import { submitApplication } from './submit-application.ts';
import { supplementApplication } from './supplement-application.ts';

/** How many applications a list returns (newest first). */
export const APPLICATION_LIST_LIMIT = 200;

export interface ApplicationsRoutesOptions {
  /** Submissions one citizen may make in a time window (default 30 an hour). */
  submitRateLimit?: { max: number; timeWindowMs: number };
}

/** Each submission starts a process and reaches clerks: a citizen submits a few, a script thousands. */
export const DEFAULT_SUBMIT_RATE_LIMIT = { max: 30, timeWindowMs: 60 * 60 * 1000 };

/** `POST /api/applications`, `GET /api/applications`, `GET /api/applications/:id` and its `/form`, `/supplement`. */
export const applicationsRoutes: FastifyPluginAsyncTypebox<ApplicationsRoutesOptions> = async (
  fastify,
  options,
) => {
  const submitLimit = options.submitRateLimit ?? DEFAULT_SUBMIT_RATE_LIMIT;
  fastify.post(
    '/api/applications',
    {
      config: {
        access: requireRole('citizen'),
        rateLimit: {
          max: submitLimit.max,
          timeWindow: submitLimit.timeWindowMs,
          // Per citizen, not per address: citizens behind one NAT do not share a budget.
          keyGenerator: (request) => `submit:${request.principal?.id ?? request.ip}`,
        },
      },
      schema: {
        tags: ['applications'],
        summary: 'Apply for a bundle with its combined form; starts the process',
        headers: SubmitHeaders,
        body: SubmitBody,
        response: {
          201: Submitted,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          422: ErrorResponse,
          429: ErrorResponse,
          503: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const submitted = await submitApplication(
        {
          bundleKey: request.body.bundleKey,
          data: { ...request.body.data },
          ...(request.body.services ? { services: request.body.services } : {}),
          ...(request.headers['idempotency-key']
            ? { idempotencyKey: request.headers['idempotency-key'] }
            : {}),
        },
        {
          em: request.em,
          catalogue: fastify.catalogue,
          cipher: fastify.personalData,
          zeebe: () => fastify.zeebe(),
          principal,
          now: new Date(),
        },
      );
      if (!submitted.replayed) {
        await recordAudit(request.em, {
          actorId: principal.id,
          actorName: principal.username,
          action: 'application.create',
          target: submitted.id,
          outcome: 'success',
          ip: request.ip,
          details: { bundleKey: request.body.bundleKey },
        });
      }
      return reply.status(201).send({ id: submitted.id, status: submitted.status });
    },
  );

  fastify.get(
    '/api/applications',
    {
      config: { access: requireRole('citizen', 'clerk') },
      schema: {
        tags: ['applications'],
        summary: 'My applications (citizen) or those of my groups (clerk); ID numbers masked',
        response: { 200: ApplicationList, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request);
      const where = principal.roles.includes('clerk')
        ? principal.groups.includes('window')
          ? {}
          : { departments: { $overlap: [...principal.groups] } }
        : { applicantId: principal.id };
      const rows = await request.em.find(ApplicationSchema, where, {
        orderBy: { submittedAt: 'desc' },
        limit: APPLICATION_LIST_LIMIT,
      });
      const visible = rows.filter((row) => canSeeApplication(principal, row));
      await recordAudit(request.em, {
        actorId: principal.id,
        actorName: principal.username,
        action: 'application.list',
        outcome: 'success',
        ip: request.ip,
        details: { count: visible.length },
      });
      return visible.map((row) => {
        const data = openApplicationData(fastify.personalData, row.dataCipher);
        const shown =
          row.applicantId === principal.id
            ? data
            : visibleData(data, visibleDepartments(principal, row.departments));
        return {
          id: row.id,
          bundleKey: row.bundleKey,
          status: row.status,
          submittedAt: row.submittedAt.toISOString(),
          updatedAt: row.updatedAt.toISOString(),
          data: maskedData(shown),
        };
      });
    },
  );

  fastify.get(
    '/api/applications/:id',
    {
      config: { access: requireRole('citizen', 'clerk') },
      schema: {
        tags: ['applications'],
        summary: 'One application with its parts and timeline',
        params: ApplicationIdParams,
        response: { 200: ApplicationDetail, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request);
      const row = await request.em.findOne(ApplicationSchema, { id: request.params.id });
      if (row === null || !canSeeApplication(principal, row)) {
        await recordAudit(request.em, {
          actorId: principal.id,
          actorName: principal.username,
          action: 'application.read',
          target: request.params.id,
          outcome: 'denied',
          ip: request.ip,
        });
        throw new AppError('APPLICATION_NOT_FOUND');
      }
      // Parts and titles as the bundle version the citizen applied under has them.
      const bundle = await fastify.catalogue.ofApplication(row);
      const data = openApplicationData(fastify.personalData, row.dataCipher);
      const owner = row.applicantId === principal.id;
      // Full values only for the owner; staff see their departments' share, masked.
      const shown = owner
        ? data
        : maskedData(visibleData(data, visibleDepartments(principal, row.departments)));
      const events = await request.em.find(
        ApplicationEventSchema,
        { applicationId: row.id },
        { orderBy: { at: 'asc', id: 'asc' } },
      );
      const materials = await request.em.find(
        MaterialSchema,
        { applicationId: row.id },
        { orderBy: { uploadedAt: 'asc' } },
      );
      await recordAudit(request.em, {
        actorId: principal.id,
        actorName: principal.username,
        action: 'application.read',
        target: row.id,
        outcome: 'success',
        ip: request.ip,
        details: { view: owner ? 'owner' : 'staff' },
      });
      if (!owner) {
        await recordDataAccess(request.em, [
          staffRead({
            citizenId: row.applicantId,
            actor: principal.displayName,
            applicationId: row.id,
            bundleTitle: bundle.manifest.title,
            what: 'application',
            fields: valueKeys(shown),
            at: new Date(),
          }),
        ]);
      }
      return {
        id: row.id,
        bundleKey: row.bundleKey,
        status: row.status,
        services: [...row.services],
        submittedAt: row.submittedAt.toISOString(),
        data: shown,
        parts: applicationParts(bundle.manifest, row.status, row.services, {
          outcomes: row.outcomes ?? null,
          progress: row.progress ?? null,
          dueDates: row.dueDates ?? null,
        }),
        ...returnedView(row.status, events),
        rating: await ratingOf(request.em, row.id),
        // Approval opinions are the staff's: the citizen's own view leaves them out.
        ...(owner ? {} : { comments: await applicationComments(request.em, row.id) }),
        timeline: events.map((event) => ({
          at: event.at.toISOString(),
          event: event.event,
          by: event.by ?? null,
        })),
        materials: materials.map(materialView),
      };
    },
  );

  fastify.get(
    '/api/applications/:id/form',
    {
      config: { access: requireRole('citizen') },
      schema: {
        tags: ['applications'],
        summary: 'The combined form of my application, at the bundle version it was filed under',
        params: ApplicationIdParams,
        response: {
          200: ApplicationFormView,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) =>
      applicationForm(request.params.id, {
        em: request.em,
        catalogue: fastify.catalogue,
        principal: signedInPrincipal(request),
      }),
  );

  fastify.post(
    '/api/applications/:id/supplement',
    {
      config: { access: requireRole('citizen') },
      schema: {
        tags: ['applications'],
        summary: 'Answer a return for correction with the corrected data',
        params: ApplicationIdParams,
        body: SupplementBody,
        response: {
          200: Submitted,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          503: ErrorResponse,
        },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request);
      await supplementApplication(
        request.params.id,
        { ...request.body.data },
        {
          em: request.em,
          catalogue: fastify.catalogue,
          cipher: fastify.personalData,
          zeebe: () => fastify.zeebe(),
          principal,
          now: new Date(),
        },
      );
      await recordAudit(request.em, {
        actorId: principal.id,
        actorName: principal.username,
        action: 'application.supplement',
        target: request.params.id,
        outcome: 'success',
        ip: request.ip,
      });
      return { id: request.params.id, status: 'submitted' as const };
    },
  );
};

/** The clerk's reason and the fields to fix while returned, from the latest return in the timeline. */
function returnedView(
  status: string,
  events: readonly { event: string; details?: Record<string, unknown> | null }[],
): { returnReason: string | null; returnedFields: string[] } {
  if (status !== 'returned') return { returnReason: null, returnedFields: [] };
  const latest = events.filter((event) => event.event === 'application.returned').at(-1)?.details ?? {};
  const fields = latest.fields;
  return {
    returnReason: typeof latest.reason === 'string' ? latest.reason : null,
    returnedFields: Array.isArray(fields)
      ? fields.filter((field): field is string => typeof field === 'string')
      : [],
  };
}

/** Dotted keys of the values in nested data (what a reader saw). */
export function signedInPrincipal(request: FastifyRequest): Principal {
  // The route's access already required a session; a missing one is a bug.
  if (request.principal === undefined) throw new Error('signed-in route reached without a principal');
  return request.principal;
}
