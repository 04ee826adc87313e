export { registriesPlugin, type RegistriesOptions } from './registries.plugin.ts';
export { migrateRegistries } from './migrate-registries.ts';
export { seedRegistries, type SeedOptions, type SeedSummary } from './seed/seed-registries.ts';
export { startRegistriesServer, type RegistriesServerOptions } from './server.ts';
export * as demoPeople from './seed/demo-people.ts';
export type { DemoEmployer, DemoPerson } from './seed/demo-people.ts';
export { DEPARTMENTS, type Dept } from './shared/registry-context.ts';
export {
  BUSINESS_ERRORS,
  TECHNICAL_ERRORS,
  type BusinessCode,
  type ErrorBody,
  type ErrorCode,
} from './errors.ts';
export type { Faults } from './shared/faults.ts';
export { checkIdNumber } from './shared/id-number.ts';
export { maskIdNumbers } from './shared/mask.ts';
