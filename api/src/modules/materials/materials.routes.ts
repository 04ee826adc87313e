import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { canSeeApplication } from '../applications/application-access.ts';
import { pinnedMaterials } from '../applications/application-form.ts';
import { ApplicationEventSchema, ApplicationSchema } from '../applications/application.entity.ts';
import { ApplicationIdParams } from '../applications/applications.schemas.ts';
import { signedInPrincipal } from '../applications/applications.routes.ts';
import { recordAudit } from '../audit/audit.ts';
import { requireRole, type Principal } from '../auth/access.ts';
import { ErrorResponse } from '../auth/auth.schemas.ts';
import { recordDataAccess, staffRead } from '../data-access/record-data-access.ts';
import { ApplicationDraftSchema } from '../drafts/application-draft.entity.ts';
import { DraftParams } from '../drafts/drafts.schemas.ts';
import type { MaterialStore } from './material-store.ts';
import { materialView } from './material-view.ts';
import { MaterialSchema } from './material.entity.ts';
import {
  ApplicationMaterialParams,
  DraftMaterialParams,
  Material,
  MaterialFile,
} from './materials.schemas.ts';
import { MATERIAL_MAX_BYTES, receiveUpload } from './receive-upload.ts';
import { sendMaterial } from './send-material.ts';
import { checkUpload, storeMaterial } from './store-material.ts';

export interface MaterialsRoutesOptions {
  /** Where files are kept; without one the material routes answer 503. */
  store: MaterialStore | undefined;
}

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  413: ErrorResponse,
  415: ErrorResponse,
  503: ErrorResponse,
};
const citizen = requireRole('citizen');
/** Editable states: waiting for acceptance, or returned for a supplement. */
const EDITABLE = new Set(['submitted', 'returned']);

/**
 * Uploaded materials of drafts and applications. Multipart is accepted only
 * here (the rest of the api takes JSON). A cross-site page can post a
 * multipart form without a CORS preflight, which is why the security
 * plugin's Origin check and the SameSite=Lax session cookie matter here.
 */
export const materialsRoutes: FastifyPluginAsyncTypebox<MaterialsRoutesOptions> = async (
  fastify,
  options,
) => {
  await fastify.register(multipart, { limits: { fileSize: MATERIAL_MAX_BYTES, files: 1 } });
  const store = (): MaterialStore => {
    if (options.store === undefined) throw new AppError('MATERIALS_UNAVAILABLE');
    return options.store;
  };
  /** A draft is filed under the bundle's current version: its materials are the catalogue's. */
  const kindsOf = (bundleKey: string): string[] => {
    const bundle = fastify.catalogue.get(bundleKey);
    if (bundle === undefined) throw new AppError('BUNDLE_NOT_FOUND');
    return bundle.manifest.materials.map((material) => material.key);
  };

  fastify.post(
    '/api/applications/drafts/:bundleKey/materials',
    {
      config: { access: citizen },
      schema: {
        tags: ['citizen'],
        summary: 'Upload a material to my draft (multipart: file, kind); PDF, JPEG or PNG, at most 10 MB',
        consumes: ['multipart/form-data'],
        params: DraftParams,
        response: { 201: Material, ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const kinds = kindsOf(request.params.bundleKey);
      const files = store();
      const upload = await receiveUpload(request, files);
      // A refused upload leaves nothing behind, not even a new empty draft.
      const draftId = await Promise.resolve()
        .then(() => checkUpload(upload, kinds))
        .then(() => draftFor(request, principal, request.params.bundleKey))
        .catch(async (error: unknown) => {
          await files.remove([upload.file.tempPath]);
          throw error;
        });
      const material = await storeMaterial(
        request.em,
        files,
        upload,
        { ownerId: principal.id, draftId, kinds },
        new Date(),
      );
      await audit(request, principal, 'material.upload', material.id, { draft: request.params.bundleKey });
      return reply.status(201).send(materialView(material));
    },
  );

  fastify.delete(
    '/api/applications/drafts/:bundleKey/materials/:materialId',
    {
      config: { access: citizen },
      schema: {
        tags: ['citizen'],
        summary: 'Remove a material from my draft',
        params: DraftMaterialParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const material = await draftMaterial(request, principal, request.params);
      await request.em.nativeDelete(MaterialSchema, { id: material.id });
      await store().remove([material.id]);
      await audit(request, principal, 'material.delete', material.id, { draft: request.params.bundleKey });
      return reply.status(204).send(null);
    },
  );

  fastify.get(
    '/api/applications/drafts/:bundleKey/materials/:materialId',
    {
      config: { access: citizen },
      schema: {
        tags: ['citizen'],
        summary: 'Download a material of my draft',
        params: DraftMaterialParams,
        response: { 200: MaterialFile, ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const material = await draftMaterial(request, principal, request.params);
      await audit(request, principal, 'material.read', material.id, { draft: request.params.bundleKey });
      return sendMaterial(reply, store(), material);
    },
  );

  fastify.post(
    '/api/applications/:id/materials',
    {
      config: { access: citizen },
      schema: {
        tags: ['applications'],
        summary: 'Add a material to my application while it waits for acceptance or a supplement',
        consumes: ['multipart/form-data'],
        params: ApplicationIdParams,
        response: { 201: Material, ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const application = await request.em.findOne(ApplicationSchema, { id: request.params.id });
      if (application === null || application.applicantId !== principal.id) {
        throw new AppError('APPLICATION_NOT_FOUND');
      }
      if (!EDITABLE.has(application.status)) throw new AppError('APPLICATION_NOT_EDITABLE');
      // The kinds of the version the application was filed under, whatever was published since.
      const kinds = (await pinnedMaterials(fastify.catalogue, application)).map((material) => material.key);
      const files = store();
      const upload = await receiveUpload(request, files);
      const now = new Date();
      const material = await storeMaterial(
        request.em,
        files,
        upload,
        { ownerId: principal.id, applicationId: application.id, kinds },
        now,
      );
      await request.em.insert(ApplicationEventSchema, {
        applicationId: application.id,
        at: now,
        event: 'material.uploaded',
        by: principal.displayName,
        details: { kind: material.kind, materialId: material.id },
      });
      await audit(request, principal, 'material.upload', material.id, { applicationId: application.id });
      return reply.status(201).send(materialView(material));
    },
  );

  fastify.get(
    '/api/applications/:id/materials/:materialId',
    {
      config: { access: requireRole('citizen', 'clerk') },
      schema: {
        tags: ['applications'],
        summary: 'Download a material of an application (owner, or staff who may see the application)',
        params: ApplicationMaterialParams,
        response: { 200: MaterialFile, ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const application = await request.em.findOne(ApplicationSchema, { id: request.params.id });
      const material =
        application === null || !canSeeApplication(principal, application)
          ? null
          : await request.em.findOne(MaterialSchema, {
              id: request.params.materialId,
              applicationId: application.id,
            });
      if (application === null || material === null) {
        await audit(request, principal, 'material.read', request.params.materialId, {}, 'denied');
        throw new AppError('MATERIAL_NOT_FOUND');
      }
      await audit(request, principal, 'material.read', material.id, { applicationId: application.id });
      if (application.applicantId !== principal.id) {
        const bundle = fastify.catalogue.get(application.bundleKey);
        await recordDataAccess(request.em, [
          staffRead({
            citizenId: application.applicantId,
            actor: principal.displayName,
            applicationId: application.id,
            bundleTitle: bundle?.manifest.title ?? {
              'zh-CN': application.bundleKey,
              en: application.bundleKey,
            },
            what: 'material',
            fields: [`materials.${material.kind}`],
            at: new Date(),
          }),
        ]);
      }
      return sendMaterial(reply, store(), material);
    },
  );
};

/** The citizen's draft for the bundle, created empty when an upload comes first. */
async function draftFor(request: FastifyRequest, principal: Principal, bundleKey: string): Promise<string> {
  const existing = await request.em.findOne(
    ApplicationDraftSchema,
    { applicantId: principal.id, bundleKey },
    { fields: ['id'] },
  );
  if (existing !== null) return existing.id;
  const now = new Date();
  const id = randomUUID();
  await request.em
    .createQueryBuilder(ApplicationDraftSchema)
    .insert({
      id,
      applicantId: principal.id,
      bundleKey,
      dataCipher: request.server.personalData.encrypt('{}'),
      step: null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflict(['applicant_id', 'bundle_key'])
    .ignore()
    .execute();
  const created = await request.em.findOneOrFail(
    ApplicationDraftSchema,
    { applicantId: principal.id, bundleKey },
    { fields: ['id'] },
  );
  return created.id;
}

async function draftMaterial(
  request: FastifyRequest,
  principal: Principal,
  params: { bundleKey: string; materialId: string },
) {
  const draft = await request.em.findOne(ApplicationDraftSchema, {
    applicantId: principal.id,
    bundleKey: params.bundleKey,
  });
  const material =
    draft === null
      ? null
      : await request.em.findOne(MaterialSchema, { id: params.materialId, draftId: draft.id });
  if (material === null) throw new AppError('MATERIAL_NOT_FOUND');
  return material;
}

async function audit(
  request: FastifyRequest,
  principal: Principal,
  action: string,
  target: string,
  details: Record<string, unknown>,
  outcome: 'success' | 'denied' = 'success',
): Promise<void> {
  await recordAudit(request.em, {
    actorId: principal.id,
    actorName: principal.username,
    action,
    target,
    outcome,
    ip: request.ip,
    details,
  });
}
