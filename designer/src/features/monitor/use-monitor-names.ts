import { useI18n } from 'vue-i18n';
import { isLocale } from '../../app/i18n/index.ts';
import type { InstanceState } from './api/monitor.types.ts';
import { bundleKeyOfProcess } from './instances/instance-filters.ts';
import { useMonitorCatalogueStore } from './monitor-catalogue.store.ts';

/** Names for the codes the Monitor's data carries, in the user's language. */
export function useMonitorNames() {
  const { t, te, locale } = useI18n();
  const catalogue = useMonitorCatalogueStore();
  void catalogue.ensureLoaded();

  const language = () => (isLocale(locale.value) ? locale.value : 'zh-CN');

  function bundleName(bundleKey: string): string {
    const bundle = catalogue.bundles.find((entry) => entry.key === bundleKey);
    return bundle ? bundle.title[language()] : bundleKey;
  }

  /** A service of a bundle by its title; its details are asked for the first time it is named. */
  function serviceName(bundleKey: string, serviceKey: string): string {
    const known = catalogue.services[bundleKey];
    if (known === undefined) void catalogue.ensureServices(bundleKey);
    const service = known?.find((entry) => entry.key === serviceKey);
    return service ? service.title[language()] : serviceKey;
  }

  function processName(processId: string): string {
    const bundleKey = bundleKeyOfProcess(processId);
    return bundleKey === null ? processId : bundleName(bundleKey);
  }

  function departmentName(department: string): string {
    return te(`groups.${department}`) ? t(`groups.${department}`) : department;
  }

  function stateName(state: InstanceState): string {
    return t(`monitor.states.${state}`);
  }

  function incidentTypeName(errorType: string): string {
    const key = `monitor.incidents.types.${errorType}`;
    return te(key) ? t(key) : errorType;
  }

  function dateTime(iso: string | null): string {
    if (iso === null) return '—';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }

  return {
    catalogue,
    language,
    bundleName,
    serviceName,
    processName,
    departmentName,
    stateName,
    incidentTypeName,
    dateTime,
  };
}
