import { createApp } from 'vue';
import '../ui/theme.css';
import App from './App.vue';
import { createShell } from './shell.ts';

async function bootstrap(): Promise<void> {
  const shell = await createShell();
  const app = createApp(App);
  for (const plugin of shell.plugins) app.use(plugin);
  await shell.router.isReady();
  app.mount('#app');
}

void bootstrap();
