import { onBeforeUnmount, ref, shallowRef, type Ref, type ShallowRef } from 'vue';

export interface Resource<T> {
  data: ShallowRef<T | undefined>;
  error: Ref<unknown>;
  loading: Ref<boolean>;
  /** Loads again; a load still running is aborted, so an older answer never wins. */
  reload(): Promise<void>;
}

/** One thing a page loads from the api, with its loading and error state. */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const data = shallowRef<T>();
  const error = ref<unknown>(null);
  const loading = ref(false);
  let current: AbortController | null = null;

  async function reload(): Promise<void> {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    loading.value = true;
    error.value = null;
    try {
      const value = await load(controller.signal);
      if (current === controller) data.value = value;
    } catch (cause) {
      if (current === controller) error.value = cause;
    } finally {
      if (current === controller) loading.value = false;
    }
  }

  onBeforeUnmount(() => current?.abort());
  return { data, error, loading, reload };
}
