import { defineProject } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineProject({
  plugins: [vue()],
  test: {
    name: 'designer',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    // Element Plus's per-component style entries import .css from node_modules; inlining lets
    // Vite handle them instead of Node.
    server: { deps: { inline: ['element-plus'] } },
  },
});
