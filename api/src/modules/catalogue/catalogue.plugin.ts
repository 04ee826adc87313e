import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { AppError } from '../../errors.ts';
import { publicAccess } from '../auth/access.ts';
import { ErrorResponse } from '../auth/auth.schemas.ts';
import type { Catalogue, CatalogueBundle } from './catalogue.ts';
import { listenForPublications } from './catalogue-listener.ts';
import { LiveCatalogue, fixedCatalogue, type ReloadableCatalogue } from './live-catalogue.ts';
import { BundleDetail, BundleKeyParams, BundleList, type BundleSummary } from './catalogue.schemas.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The current published version of each bundle with its combined form (reloaded on every publication). */
    catalogue: ReloadableCatalogue;
  }
}

export interface CataloguePluginOptions {
  /** Where the api's tables are: the catalogue listens there for publications of other replicas. */
  databaseUrl: string;
  /** A fixed catalogue instead (an app without an engine: tests); nothing is read from the database then. */
  fixed?: Catalogue | undefined;
}

/**
 * Decorates `catalogue` for the other modules and serves `GET /api/bundles`,
 * `GET /api/bundles/:key`. The catalogue is loaded from the published versions
 * in the database at start and again whenever a version is published, here or
 * on another replica (LISTEN/NOTIFY).
 */
const cataloguePlugin: FastifyPluginAsyncTypebox<CataloguePluginOptions> = async (fastify, options) => {
  let catalogue: ReloadableCatalogue;
  if (options.fixed !== undefined) {
    catalogue = fixedCatalogue(options.fixed);
  } else {
    const live = new LiveCatalogue(fastify.orm, fastify.log.child({ module: 'catalogue' }));
    await live.reload();
    const listener = await listenForPublications(
      options.databaseUrl,
      () => live.reload(),
      fastify.log.child({ module: 'catalogue' }),
    );
    fastify.addHook('onClose', async () => listener.close());
    catalogue = live;
  }
  fastify.decorate('catalogue', catalogue);

  fastify.get(
    '/api/bundles',
    {
      config: { access: publicAccess },
      schema: { tags: ['catalogue'], summary: 'The published bundles', response: { 200: BundleList } },
    },
    async () => catalogue.list().map(summary),
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
      const bundle = catalogue.get(request.params.key);
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
