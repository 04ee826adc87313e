import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.ts';
import { signedInPrincipal } from '../applications/applications.routes.ts';
import { recordAudit } from '../audit/audit.ts';
import { requireRole } from '../auth/access.ts';
import { ErrorResponse } from '../auth/auth.schemas.ts';
import { recordDataAccess } from '../data-access/record-data-access.ts';
import { UserSchema } from '../users/user.entity.ts';
import { PrefillParams, PrefillResponse } from './prefill.schemas.ts';
import { resolvePrefill } from './resolve-prefill.ts';
import { keepServedPrefill } from './served-prefill.ts';

export interface PrefillRoutesOptions {
  /** Base URL of the department registries; without one, prefill answers with every registry unavailable. */
  registriesUrl: string | undefined;
}

/** `GET /api/bundles/:key/prefill`: what the registries know for the bundle's combined form (免证办). */
export const prefillRoutes: FastifyPluginAsyncTypebox<PrefillRoutesOptions> = async (fastify, options) => {
  fastify.get(
    '/api/bundles/:key/prefill',
    {
      config: { access: requireRole('citizen') },
      schema: {
        tags: ['catalogue'],
        summary: 'Values the registries know about me and my linked people, by form field key',
        params: PrefillParams,
        response: {
          200: PrefillResponse,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request);
      const bundle = fastify.catalogue.get(request.params.key);
      if (bundle === undefined) throw new AppError('BUNDLE_NOT_FOUND');
      const user = await request.em.findOne(UserSchema, { id: principal.id }, { fields: ['idNumberCipher'] });
      const idNumber = user?.idNumberCipher ? fastify.personalData.decrypt(user.idNumberCipher) : undefined;
      // An account without a verified ID number has nobody to ask about.
      if (idNumber === undefined) return { values: {}, sources: {}, unavailable: [] };

      const answer = await resolvePrefill({
        form: bundle.form,
        applicantIdNumber: idNumber,
        registriesUrl: options.registriesUrl,
        requester: `onething prefill ${bundle.manifest.key}`,
        now: () => new Date(),
      });
      // What was served, so that the submission can count what it kept (not what the client claims).
      await keepServedPrefill(request.em, fastify.personalData, {
        citizenId: principal.id,
        bundleKey: bundle.manifest.key,
        values: answer.values,
        now: new Date(),
      });
      const title = bundle.manifest.title;
      await recordDataAccess(
        request.em,
        answer.queries.map((query) => ({
          citizenId: principal.id,
          at: query.at,
          kind: 'registry-query' as const,
          registry: query.registry,
          subject: query.subject,
          subjectIdNumber: query.subjectIdNumber,
          fields: query.fields,
          purpose: { 'zh-CN': `预填「${title['zh-CN']}」申请表`, en: `Prefill the "${title.en}" form` },
          actor: principal.displayName,
          target: bundle.manifest.key,
        })),
      );
      await recordAudit(request.em, {
        actorId: principal.id,
        actorName: principal.username,
        action: 'prefill.read',
        target: bundle.manifest.key,
        outcome: 'success',
        ip: request.ip,
        details: { queries: answer.queries.length, unavailable: answer.unavailable },
      });
      return { values: answer.values, sources: answer.sources, unavailable: answer.unavailable };
    },
  );
};
