import { flushPromises, mount } from '@vue/test-utils';
import { vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from './App.vue';
import { createShell } from './shell.ts';

/** The whole app, bootstrapped as main.ts does, at a path; `fetch` is faked by the caller. */
export async function mountAppAt(path: string) {
  const shell = await createShell(createMemoryHistory());
  const wrapper = mount(App, { global: { plugins: shell.plugins }, attachTo: document.body });
  await shell.router.push(path);
  await shell.router.isReady();
  await flushPromises();
  return {
    wrapper,
    router: shell.router,
    unmount() {
      wrapper.unmount();
      shell.dispose();
    },
  };
}

/** Waits for what an action leads to; the first visit of a lazily loaded view compiles it. */
export function eventually(assertion: () => void) {
  return vi.waitFor(async () => {
    await flushPromises();
    assertion();
  }, 15_000);
}
