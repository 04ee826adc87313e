import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FIELD_DICTIONARY } from '@onething/forms';
import { loadElementTemplates } from '@onething/processes';
import { AppError } from '../../errors.ts';
import { signedInPrincipal } from '../applications/applications.routes.ts';
import { recordAudit } from '../audit/audit.ts';
import { requireRole } from '../auth/access.ts';
import { ErrorResponse } from '../auth/auth.schemas.ts';
import { unsafeBpmn } from './bpmn-safety.ts';
import { getStudioBundle, listStudioBundles, saveDraft } from './drafts.ts';
import { publishBundle } from './publish-bundle.ts';
import {
  DRAFT_BODY_LIMIT,
  DictionaryList,
  DraftConflictResponse,
  PublishBody,
  PublishRejectedResponse,
  Published,
  SaveDraftBody,
  StudioBundleDraft,
  StudioBundleList,
  StudioKeyParams,
  TemplateList,
} from './studio.schemas.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** The Studio: drafts of the bundles, publishing them, and what the modeler needs (templates, dictionary). */
export const studioRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const access = requireRole('designer', 'admin');
  const templates = loadElementTemplates().map((template) => template.json);
  const dictionary = [...FIELD_DICTIONARY.values()].map((field) => ({
    key: field.key,
    label: field.label,
    type: field.type,
    ...(field.source ? { registry: field.source.registry } : {}),
    ...(field.privacy.level === 'sensitive' ? { sensitive: true } : {}),
  }));

  fastify.get(
    '/api/studio/bundles',
    {
      config: { access },
      schema: {
        tags: ['studio'],
        summary: 'Every bundle with its draft and published version',
        response: { 200: StudioBundleList, ...errors },
      },
    },
    async (request) => listStudioBundles(request.em),
  );

  fastify.get(
    '/api/studio/bundles/:key',
    {
      config: { access },
      schema: {
        tags: ['studio'],
        summary: "A bundle's draft: BPMN, forms, bundle.json",
        params: StudioKeyParams,
        response: { 200: StudioBundleDraft, ...errors },
      },
    },
    async (request) => getStudioBundle(request.em, request.params.key),
  );

  fastify.put(
    '/api/studio/bundles/:key',
    {
      config: { access },
      bodyLimit: DRAFT_BODY_LIMIT,
      schema: {
        tags: ['studio'],
        summary: 'Save the draft (optimistic concurrency on version)',
        params: StudioKeyParams,
        body: SaveDraftBody,
        response: { 200: StudioBundleDraft, ...errors, 409: DraftConflictResponse },
      },
    },
    async (request) => {
      const { key } = request.params;
      const { version, bpmn, forms, bundle } = request.body;
      const unsafe = unsafeBpmn(bpmn);
      if (unsafe !== undefined)
        throw new AppError('BPMN_REJECTED', { message: unsafe, fields: { bpmn: unsafe } });
      if (bundle['key'] !== undefined && bundle['key'] !== key) {
        throw new AppError('VALIDATION_FAILED', { fields: { 'bundle.key': `must be "${key}"` } });
      }
      const principal = signedInPrincipal(request);
      return saveDraft(request.em, key, { version, bpmn, forms, manifest: bundle }, principal, new Date());
    },
  );

  fastify.post(
    '/api/studio/bundles/:key/publish',
    {
      config: { access },
      schema: {
        tags: ['studio'],
        summary: 'Check, deploy and publish the draft as the next version',
        params: StudioKeyParams,
        body: PublishBody,
        response: {
          201: Published,
          ...errors,
          409: DraftConflictResponse,
          422: PublishRejectedResponse,
          503: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { key } = request.params;
      const principal = signedInPrincipal(request);
      let outcome: Awaited<ReturnType<typeof publishBundle>>;
      try {
        outcome = await publishBundle(key, request.body.version, {
          em: request.em,
          zeebe: () => fastify.zeebe(),
          principal,
          now: new Date(),
        });
      } catch (error) {
        if (error instanceof AppError && error.code === 'PUBLISH_REJECTED') {
          await recordAudit(request.em, {
            actorId: principal.id,
            actorName: principal.username,
            action: 'studio.publish',
            target: key,
            outcome: 'failure',
            details: { draftVersion: request.body.version },
          });
        }
        throw error;
      }
      const { version } = outcome;
      await recordAudit(request.em, {
        actorId: principal.id,
        actorName: principal.username,
        action: 'studio.publish',
        target: key,
        outcome: 'success',
        details: { draftVersion: request.body.version, version: version.number },
      });
      // This replica serves the new version before answering; the others on the notification.
      await fastify.catalogue.reload();
      return reply.status(201).send({
        version: version.number,
        processDefinitionKey: version.processDefinitionKey,
        publishedAt: version.publishedAt.toISOString(),
        warnings: outcome.warnings,
      });
    },
  );

  fastify.get(
    '/api/studio/templates',
    {
      config: { access },
      schema: {
        tags: ['studio'],
        summary: 'The element templates',
        response: { 200: TemplateList, ...errors },
      },
    },
    async () => templates,
  );

  fastify.get(
    '/api/studio/dictionary',
    {
      config: { access },
      schema: {
        tags: ['studio'],
        summary: 'The field dictionary',
        response: { 200: DictionaryList, ...errors },
      },
    },
    async () => dictionary,
  );
};
