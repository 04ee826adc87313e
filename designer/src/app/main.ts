import { createPinia } from 'pinia';
import { createApp } from 'vue';
import '../ui/theme.css';
import App from './App.vue';
import { http } from './http.ts';
import { i18n } from './i18n/index.ts';
import { createAppRouter } from './router.ts';
import { useSessionStore } from './session.store.ts';
import { redirectToSignInOnUnauthorized } from './unauthorized.ts';

async function bootstrap(): Promise<void> {
  const app = createApp(App);
  const pinia = createPinia();
  app.use(pinia);
  app.use(i18n);

  // Know who is signed in before the first route is chosen; if the server cannot say,
  // the routing guard asks again on the next navigation.
  await useSessionStore(pinia)
    .ensureLoaded()
    .catch(() => null);

  const router = createAppRouter();
  redirectToSignInOnUnauthorized(http, router);
  app.use(router);
  await router.isReady();
  app.mount('#app');
}

void bootstrap();
