import { watchEffect } from 'vue';
import type { Composer } from 'vue-i18n';
import type { RouteLocationNormalizedLoaded } from 'vue-router';

/** Keeps the tab title and `<html lang>` in step with the page and the chosen language. */
export function syncDocumentHead(
  route: RouteLocationNormalizedLoaded,
  i18n: Pick<Composer, 't' | 'locale'>,
): void {
  watchEffect(() => {
    const appName = i18n.t('app.name');
    const page = route.meta.titleKey ? i18n.t(route.meta.titleKey) : '';
    document.title = page ? `${page} · ${appName}` : appName;
    document.documentElement.lang = i18n.locale.value;
  });
}
