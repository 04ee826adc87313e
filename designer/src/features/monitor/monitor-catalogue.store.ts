import { defineStore } from 'pinia';
import { ref } from 'vue';
import { monitorApi, type MonitorApi } from './api/monitor.api.ts';
import type { BundleEntry } from './api/monitor.types.ts';

/**
 * The published bundles, loaded once per session, so that the Monitor names bundles and
 * processes by their titles. Without it the pages still work and show the keys.
 */
export const useMonitorCatalogueStore = defineStore('monitor-catalogue', () => {
  const bundles = ref<BundleEntry[]>([]);
  let loading: Promise<void> | null = null;

  function ensureLoaded(api: Pick<MonitorApi, 'bundles'> = monitorApi): Promise<void> {
    loading ??= api.bundles().then(
      (entries) => {
        bundles.value = entries;
      },
      () => {
        // Titles are a nicety here: try again on the next page that asks.
        loading = null;
      },
    );
    return loading;
  }

  return { bundles, ensureLoaded };
});
