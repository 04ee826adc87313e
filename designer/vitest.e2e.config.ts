import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// Browser tests against the real platform (built SPA + api on a fresh database) in Debian's
// chromium. Under the root config the test run's PostgreSQL is used; run alone
// (`npx vitest run --config designer/vitest.e2e.config.ts`) the test starts its own.
export default defineProject({
  // Also when run alone from the repository root, paths are relative to this folder.
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'designer-e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    // Building the SPA and starting the platform (migrations, seeding) happen in beforeAll.
    hookTimeout: 300_000,
  },
});
