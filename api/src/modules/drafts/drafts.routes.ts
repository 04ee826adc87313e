import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { openApplicationData } from '../applications/application-data.ts';
import { signedInPrincipal } from '../applications/applications.routes.ts';
import { requireRole } from '../auth/access.ts';
import { ErrorResponse } from '../auth/auth.schemas.ts';
import type { MaterialStore } from '../materials/material-store.ts';
import { materialView } from '../materials/material-view.ts';
import { MaterialSchema } from '../materials/material.entity.ts';
import { ApplicationDraftSchema } from './application-draft.entity.ts';
import { keepFormKeys } from './draft-data.ts';
import { DraftBody, DraftDetail, DraftList, DraftParams, DraftSummary } from './drafts.schemas.ts';

export interface DraftsRoutesOptions {
  /** Where the drafts' materials are kept (deleting a draft deletes its files). */
  store: MaterialStore | undefined;
}

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const access = requireRole('citizen');

/** A citizen's unfinished applications: one draft per bundle, encrypted at rest. */
export const draftsRoutes: FastifyPluginAsyncTypebox<DraftsRoutesOptions> = async (fastify, options) => {
  fastify.get(
    '/api/applications/drafts',
    {
      config: { access },
      schema: {
        tags: ['citizen'],
        summary: 'My drafts',
        response: { 200: DraftList, ...errors },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request);
      const drafts = await request.em.find(
        ApplicationDraftSchema,
        { applicantId: principal.id },
        { orderBy: { updatedAt: 'desc' }, fields: ['bundleKey', 'step', 'updatedAt'] },
      );
      return drafts.map((draft) => ({
        bundleKey: draft.bundleKey,
        step: draft.step ?? null,
        updatedAt: draft.updatedAt.toISOString(),
      }));
    },
  );

  fastify.get(
    '/api/applications/drafts/:bundleKey',
    {
      config: { access },
      schema: {
        tags: ['citizen'],
        summary: 'My draft for a bundle, with its materials',
        params: DraftParams,
        response: { 200: DraftDetail, ...errors },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request);
      const draft = await request.em.findOne(ApplicationDraftSchema, {
        applicantId: principal.id,
        bundleKey: request.params.bundleKey,
      });
      if (draft === null) throw new AppError('DRAFT_NOT_FOUND');
      const materials = await request.em.find(
        MaterialSchema,
        { draftId: draft.id },
        { orderBy: { uploadedAt: 'asc' } },
      );
      return {
        bundleKey: draft.bundleKey,
        data: openApplicationData(fastify.personalData, draft.dataCipher),
        step: draft.step ?? null,
        updatedAt: draft.updatedAt.toISOString(),
        materials: materials.map(materialView),
      };
    },
  );

  fastify.put(
    '/api/applications/drafts/:bundleKey',
    {
      config: { access },
      schema: {
        tags: ['citizen'],
        summary: 'Save my draft (not validated; only keys of the combined form are kept)',
        params: DraftParams,
        body: DraftBody,
        response: { 200: DraftSummary, ...errors },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request);
      const bundle = fastify.catalogue.get(request.params.bundleKey);
      if (bundle === undefined) throw new AppError('BUNDLE_NOT_FOUND');
      const data = keepFormKeys(
        { ...request.body.data },
        bundle.fields.map((field) => field.key),
      );
      const now = new Date();
      const values = {
        dataCipher: fastify.personalData.encrypt(JSON.stringify(data)),
        step: request.body.step ?? null,
        updatedAt: now,
      };
      // One statement, so that two saves at once cannot make two drafts.
      await request.em
        .createQueryBuilder(ApplicationDraftSchema)
        .insert({
          id: randomUUID(),
          applicantId: principal.id,
          bundleKey: bundle.manifest.key,
          createdAt: now,
          ...values,
        })
        .onConflict(['applicant_id', 'bundle_key'])
        .merge(['data_cipher', 'step', 'updated_at'])
        .execute();
      return { bundleKey: bundle.manifest.key, step: values.step, updatedAt: now.toISOString() };
    },
  );

  fastify.delete(
    '/api/applications/drafts/:bundleKey',
    {
      config: { access },
      schema: {
        tags: ['citizen'],
        summary: 'Discard my draft and its materials',
        params: DraftParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const draft = await request.em.findOne(ApplicationDraftSchema, {
        applicantId: principal.id,
        bundleKey: request.params.bundleKey,
      });
      if (draft === null) throw new AppError('DRAFT_NOT_FOUND');
      const materials = await request.em.find(MaterialSchema, { draftId: draft.id }, { fields: ['id'] });
      await request.em.transactional(async (tx) => {
        await tx.nativeDelete(MaterialSchema, { draftId: draft.id });
        await tx.nativeDelete(ApplicationDraftSchema, { id: draft.id });
      });
      // Files go after the rows: a file left by a crash here has no row and is never served.
      await options.store?.remove(materials.map((material) => material.id));
      return reply.status(204).send(null);
    },
  );
};
