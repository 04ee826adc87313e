import { defineStore } from 'pinia';
import { ref } from 'vue';
import { monitorApi, type MonitorApi } from './api/monitor.api.ts';
import type { BundleEntry, ServiceEntry } from './api/monitor.types.ts';

/**
 * The published bundles (and, when a page asks, a bundle's services), loaded once per session,
 * so that the Monitor names bundles, processes and services by their titles. Without them the
 * pages still work and show the keys.
 */
export const useMonitorCatalogueStore = defineStore('monitor-catalogue', () => {
  const bundles = ref<BundleEntry[]>([]);
  const services = ref<Record<string, ServiceEntry[]>>({});
  let loading: Promise<void> | null = null;
  const loadingServices = new Map<string, Promise<void>>();

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

  function ensureServices(
    bundleKey: string,
    api: Pick<MonitorApi, 'bundleServices'> = monitorApi,
  ): Promise<void> {
    let pending = loadingServices.get(bundleKey);
    if (!pending) {
      pending = api.bundleServices(bundleKey).then(
        (entries) => {
          services.value = { ...services.value, [bundleKey]: entries };
        },
        () => {
          loadingServices.delete(bundleKey);
        },
      );
      loadingServices.set(bundleKey, pending);
    }
    return pending;
  }

  return { bundles, services, ensureLoaded, ensureServices };
});
