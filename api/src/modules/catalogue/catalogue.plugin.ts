import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { AppError } from '../../errors.ts';
import { publicAccess } from '../auth/access.ts';
import { ErrorResponse } from '../auth/auth.schemas.ts';
import type { Catalogue, CatalogueBundle } from './catalogue.ts';
import { BundleDetail, BundleKeyParams, BundleList, type BundleSummary } from './catalogue.schemas.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The published bundles with their combined forms (built once at start). */
    catalogue: Catalogue;
  }
}

/** Decorates `catalogue` for the other modules and serves `GET /api/bundles`, `GET /api/bundles/:key`. */
const cataloguePlugin: FastifyPluginAsyncTypebox<{ catalogue: Catalogue }> = async (fastify, options) => {
  fastify.decorate('catalogue', options.catalogue);

  fastify.get(
    '/api/bundles',
    {
      config: { access: publicAccess },
      schema: { tags: ['catalogue'], summary: 'The published bundles', response: { 200: BundleList } },
    },
    async () => options.catalogue.list().map(summary),
  );

  fastify.get(
    '/api/bundles/:key',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['catalogue'],
        summary: 'One bundle with its services and combined form',
        params: BundleKeyParams,
        response: { 200: BundleDetail, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const bundle = options.catalogue.get(request.params.key);
      if (bundle === undefined) throw new AppError('BUNDLE_NOT_FOUND');
      return {
        ...summary(bundle),
        services: bundle.manifest.services.map((s) => ({
          key: s.key,
          title: s.title,
          department: s.department,
          timeLimitDays: s.timeLimitDays,
          requires: [...s.requires],
        })),
        form: { ...bundle.form },
      };
    },
  );
};

export const catalogue = fp(cataloguePlugin, { name: 'onething-catalogue' });

function summary({ manifest, version }: CatalogueBundle): BundleSummary {
  return {
    key: manifest.key,
    title: manifest.title,
    summary: manifest.summary,
    departments: [...manifest.departments],
    materials: manifest.materials.map((m) => ({
      key: m.key,
      name: m.name,
      description: m.description,
      required: m.required,
    })),
    timeLimitDays: manifest.timeLimitDays,
    version,
  };
}
