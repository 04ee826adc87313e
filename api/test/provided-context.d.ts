// The root test setup (test/global-setup.ts) provides the maintenance URL of
// the run's PostgreSQL; this declares it for the api's typecheck.
declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
export {};
