import { defineConfig } from 'vitest/config';

// One PostgreSQL for the whole run (test/global-setup.ts); each test file
// creates its own database on it.
export default defineConfig({
  test: {
    projects: [
      'engine',
      'forms',
      'processes',
      'api',
      'designer',
      'designer/vitest.e2e.config.ts',
      'registries',
    ],
    globalSetup: ['./test/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
