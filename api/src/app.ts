import type { Zeebe } from '@camunda8/sdk';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { pino, type Logger } from 'pino';
import { AppError } from './errors.ts';
import { applicationsRoutes } from './modules/applications/applications.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import type { Catalogue } from './modules/catalogue/catalogue.ts';
import { catalogue } from './modules/catalogue/catalogue.plugin.ts';
import { dataAccessRoutes } from './modules/data-access/data-access.routes.ts';
import { draftsRoutes } from './modules/drafts/drafts.routes.ts';
import { createMaterialStore } from './modules/materials/material-store.ts';
import { materialsRoutes } from './modules/materials/materials.routes.ts';
import { prefillRoutes } from './modules/prefill/prefill.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { monitorPlugin } from './modules/monitor/monitor.plugin.ts';
import type { PersonalDataCipher } from './modules/people/personal-data-cipher.ts';
import type { Orm } from './orm.ts';
import { designerDist } from './paths.ts';
import { authPlugin } from './plugins/auth.plugin.ts';
import { dbPlugin } from './plugins/db.plugin.ts';
import { docsPlugin } from './plugins/docs.plugin.ts';
import { errorsPlugin } from './plugins/errors.plugin.ts';
import { metricsPlugin } from './plugins/metrics.plugin.ts';
import { securityPlugin } from './plugins/security.plugin.ts';
import { tasksRoutes } from './modules/tasks/tasks.routes.ts';
import { studioRoutes } from './modules/studio/studio.routes.ts';
import { dryRunRoutes } from './modules/studio/dry-run/dry-runs.routes.ts';
import { commentsRoutes } from './modules/comments/comments.routes.ts';
import { ratingsRoutes } from './modules/ratings/ratings.routes.ts';
import { spaPlugin } from './plugins/spa.plugin.ts';
import { zeebePlugin } from './plugins/zeebe.plugin.ts';
import type { Readiness } from './readiness.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Encrypts and hashes personal data (resident ID numbers) at rest. */
    personalData: PersonalDataCipher;
  }
}

export interface AppOptions {
  orm: Orm;
  readiness: Readiness;
  personalData: PersonalDataCipher;
  /**
   * A fixed catalogue, for an app without an engine (tests: catalogueOfFolders);
   * by default the published versions in the database, reloaded on publication.
   */
  catalogue?: Catalogue;
  /** The engine's Zeebe client (the launcher's engine unit opens and closes it); absent in tests without an engine. */
  zeebe?: Zeebe.ZeebeGrpcClient;
  /** The designer build to serve at `/` (default: designer/dist of this repository). */
  spaRoot?: string;
  /** Base URL of the department registries, for prefill; without it prefill finds every registry unavailable. */
  registriesUrl?: string;
  /** The registries at `registriesUrl` are the sandbox: only then may the Studio start dry runs (they register records). */
  registriesSandbox?: boolean;
  /** Submissions one citizen may make in a time window (default: 30 an hour). */
  submitRateLimit?: { max: number; timeWindowMs: number };
  /** Folder of the uploaded materials (`<dataDir>/materials`); without it the material routes answer 503. */
  materialsDir?: string;
}

/**
 * The whole api as one plugin: infrastructure first, then the routes of each
 * domain. Not encapsulated, so that its hooks (access, errors) also cover
 * routes that the launcher or tests register beside it.
 */
const appPlugin: FastifyPluginAsync<AppOptions> = async (fastify, options) => {
  fastify.decorate('personalData', options.personalData);
  await fastify.register(errorsPlugin);
  await fastify.register(securityPlugin);
  await fastify.register(dbPlugin, { orm: options.orm, readiness: options.readiness });
  await fastify.register(authPlugin);
  await fastify.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', { retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
  await fastify.register(metricsPlugin);
  await fastify.register(docsPlugin);

  await fastify.register(healthRoutes, { readiness: options.readiness });
  await fastify.register(authRoutes);
  await fastify.register(zeebePlugin, { client: options.zeebe });
  await fastify.register(catalogue, { databaseUrl: databaseUrlOf(options.orm), fixed: options.catalogue });
  await fastify.register(applicationsRoutes, {
    ...(options.submitRateLimit ? { submitRateLimit: options.submitRateLimit } : {}),
  });
  await fastify.register(prefillRoutes, { registriesUrl: options.registriesUrl });
  await fastify.register(dataAccessRoutes);
  const materialStore =
    options.materialsDir === undefined ? undefined : createMaterialStore(options.materialsDir);
  await fastify.register(materialsRoutes, { store: materialStore });
  await fastify.register(draftsRoutes, { store: materialStore });
  await fastify.register(tasksRoutes);
  await fastify.register(studioRoutes);
  await fastify.register(dryRunRoutes, {
    databaseUrl: databaseUrlOf(options.orm),
    registriesUrl: options.registriesUrl,
    sandbox: options.registriesSandbox ?? false,
  });
  await fastify.register(commentsRoutes);
  await fastify.register(ratingsRoutes);
  await fastify.register(monitorPlugin, { databaseUrl: databaseUrlOf(options.orm), zeebe: options.zeebe });

  await fastify.register(spaPlugin, { root: options.spaRoot ?? designerDist });
};

export const app = fp(appPlugin, { name: 'onething-app' });

export interface BuildAppOptions extends AppOptions {
  /** Request logs go here; omit for none (tests). */
  logger?: Logger;
  trustProxy?: boolean | number | string[];
}

/** A Fastify instance with the app registered (not listening: see server.ts). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { logger, trustProxy, ...appOptions } = options;
  const loggerInstance: FastifyBaseLogger = logger ?? pino({ level: 'silent' });
  const fastify = Fastify({
    loggerInstance,
    trustProxy: toTrustProxy(trustProxy ?? false),
    // While draining at shutdown, new requests get 503 instead of waiting.
    return503OnClosing: true,
  });
  await fastify.register(app, appOptions);
  return fastify;
}

function databaseUrlOf(orm: Orm): string {
  const url = orm.config.get('clientUrl');
  if (url === undefined) throw new Error('The ORM was configured without a clientUrl');
  return url;
}

/** A hop count means "trust that many proxies in front of us". */
function toTrustProxy(
  value: boolean | number | string[],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value !== 'number') return value;
  return (_address, hop) => hop < value;
}
