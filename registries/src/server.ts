import Fastify, { type FastifyInstance } from 'fastify';
import { migrateRegistries } from './migrate-registries.ts';
import { registriesPlugin, type RegistriesOptions } from './registries.plugin.ts';
import { seedRegistries } from './seed/seed-registries.ts';
import { maskIdNumbers } from './shared/mask.ts';

export interface RegistriesServerOptions extends Omit<RegistriesOptions, 'pool' | 'databaseUrl'> {
  readonly databaseUrl: string;
  readonly port?: number;
  readonly host?: string;
  /** Load the demo data (idempotent). Default true. */
  readonly seed?: boolean;
  readonly logger?: boolean;
}

/** Runs the registries alone (`onething registries`): migrate, seed, listen. */
export async function startRegistriesServer(options: RegistriesServerOptions): Promise<FastifyInstance> {
  const { databaseUrl, port = 4000, host = '127.0.0.1', seed = true, logger = true, ...plugin } = options;
  await migrateRegistries(databaseUrl);
  if (seed) await seedRegistries(databaseUrl);
  const app = Fastify({
    logger: logger
      ? {
          redact: ['req.headers["x-registry-admin-token"]'],
          // ID numbers travel in query paths: never log them in full.
          serializers: {
            req: (request: { method: string; url: string }) => ({
              method: request.method,
              url: maskIdNumbers(request.url),
            }),
          },
        }
      : false,
  });
  await app.register(registriesPlugin, { ...plugin, databaseUrl });
  app.get('/health', async () => ({ status: 'ok' }));
  await app.listen({ port, host });
  return app;
}
