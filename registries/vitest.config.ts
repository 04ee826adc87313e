import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'registries',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', '*.test.ts', '*/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
