export { startEmbeddedPostgres, ensureDatabase } from './postgres/embedded-postgres.ts';
