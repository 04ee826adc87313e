import { startRegistriesServer } from './server.ts';

// `tsx registries/src/main.ts`: the registries as their own process.
// DATABASE_URL (required), REGISTRIES_PORT (4000), REGISTRIES_HOST (127.0.0.1),
// REGISTRIES_ADMIN_TOKEN (enables fault injection; never set it in production).
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is required');
  process.exit(1);
}
const app = await startRegistriesServer({
  databaseUrl,
  port: Number(process.env.REGISTRIES_PORT ?? 4000),
  host: process.env.REGISTRIES_HOST ?? '127.0.0.1',
  adminToken: process.env.REGISTRIES_ADMIN_TOKEN || undefined,
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
