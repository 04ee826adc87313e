import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const platform = 'http://127.0.0.1:3000';

// The heavy editors and charts get chunks of their own, loaded only by the areas that use them
// (Studio, Monitor), so the Portal's first load stays small. Order matters: the first group
// that matches a module takes it.
const heavyLibraries = [
  // Vite's preload helper serves every lazy import; left alone, it lands in the first chunk that
  // imports lazily itself (@camunda/linting does), which would pull bpmn-js into the first load.
  { name: 'vendor', test: /vite[\\/]preload-helper/ },
  // The viewer alone is what citizens load to apply; the editor (Studio) builds on it.
  { name: 'form-js-viewer', test: /[\\/]node_modules[\\/]@bpmn-io[\\/]form-js-viewer[\\/]/ },
  { name: 'form-js', test: /[\\/]node_modules[\\/](@bpmn-io[\\/]form-js[^\\/]*)[\\/]/ },
  {
    name: 'bpmn',
    test: /[\\/]node_modules[\\/](bpmn-js[^\\/]*|diagram-js[^\\/]*|bpmn-moddle|moddle[^\\/]*|zeebe-bpmn-moddle|camunda-bpmn-js-behaviors|@bpmn-io[\\/][^\\/]+|@camunda[\\/]linting|bpmnlint[^\\/]*)[\\/]/,
  },
  { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/ },
  // What every page needs (Vue, router, i18n, the shell's Element Plus parts) changes less often
  // than the app's own code, so it gets a chunk of its own that browsers keep cached.
  { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial' as const] },
];

export default defineConfig({
  plugins: [vue()],
  define: {
    // vue-i18n feature flags: Composition API only, no devtools hooks in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: {
      '/api': platform,
      '/health': platform,
      '/ready': platform,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: heavyLibraries },
      },
    },
  },
});
