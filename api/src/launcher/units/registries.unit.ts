import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { maskIdNumbers, migrateRegistries, registriesPlugin, seedRegistries } from '@onething/registries';
import type { ReadyCheck } from '../../readiness.ts';
import type { Unit, UnitContext } from '../unit.ts';

/** The port `onething registries` listens on unless REGISTRIES_PORT says otherwise. */
export const DEFAULT_REGISTRIES_PORT = 4000;
const PROBE_TIMEOUT_MS = 1_500;

export interface RegistriesUnitOptions {
  /**
   * `onething registries` serves them on REGISTRIES_PORT (default 4000);
   * inside `start` they take an ephemeral loopback port unless REGISTRIES_PORT is set.
   */
  standalone: boolean;
}

/**
 * The department registries: the external ones at REGISTRIES_URL, or else the
 * sandbox registries on their own loopback server (not on the api's port: they
 * answer personal-data queries without a sign-in, as a department system
 * behind the platform would). Migrated on every start, seeded with the demo
 * residents on the demo configuration only. Their fault-injection endpoints
 * exist only when REGISTRIES_ADMIN_TOKEN is set.
 */
export function registriesUnit({ standalone }: RegistriesUnitOptions): Unit {
  let server: FastifyInstance | undefined;
  let url: string | undefined;

  return {
    name: 'registries',
    async start({ config, logger, provided }: UnitContext) {
      if (config.registriesUrl !== undefined) {
        url = config.registriesUrl.replace(/\/+$/, '');
        logger.info({ url }, 'using the registries at REGISTRIES_URL');
        provided.registriesUrl = url;
        provided.registriesSandbox = config.registriesSandbox;
        return;
      }
      const databaseUrl = provided.databaseUrl ?? config.databaseUrl;
      if (databaseUrl === undefined)
        throw new Error('The sandbox registries need a database: start the database unit before them');
      const applied = await migrateRegistries(databaseUrl);
      logger.info({ applied }, 'registry schemas are up to date');
      if (config.demo) {
        const seeded = await seedRegistries(databaseUrl);
        logger.info(seeded, 'registry demo residents present');
      }
      // ID numbers travel in query paths: request logs show the masked path and no headers.
      const requestLogger: FastifyBaseLogger = logger.child(
        {},
        {
          serializers: {
            req: (request: { method: string; url: string }) => ({
              method: request.method,
              url: maskIdNumbers(request.url),
            }),
          },
        },
      );
      const registries = Fastify({ loggerInstance: requestLogger });
      server = registries;
      await registries.register(registriesPlugin, {
        databaseUrl,
        ...(config.registriesAdminToken === undefined ? {} : { adminToken: config.registriesAdminToken }),
      });
      registries.get('/health', async () => ({ status: 'ok' }));
      const port = config.registriesPort ?? (standalone ? DEFAULT_REGISTRIES_PORT : 0);
      await registries.listen({ host: config.registriesHost, port });
      const bound = registries.server.address();
      url = `http://${loopbackFor(config.registriesHost)}:${typeof bound === 'object' && bound !== null ? bound.port : port}`;
      if (config.registriesAdminToken !== undefined)
        logger.warn(
          'registry fault injection is enabled (REGISTRIES_ADMIN_TOKEN is set): never in production',
        );
      logger.info({ url }, 'sandbox registries listening');
      provided.registriesUrl = url;
      provided.registriesSandbox = true;
    },
    async stop() {
      await server?.close();
      server = undefined;
    },
    async ready(): Promise<ReadyCheck> {
      if (url === undefined) return { ok: false, reason: 'not started' };
      // The sandbox has /health; real registries may not, so any answer short of a 5xx will do.
      const probe = server === undefined ? `${url}/` : `${url}/health`;
      try {
        const response = await fetch(probe, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
        await response.body?.cancel();
        return response.status < 500 ? { ok: true } : { ok: false, reason: `answered ${response.status}` };
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

/** The address other parts of this process use to reach a server bound to `host`. */
function loopbackFor(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
