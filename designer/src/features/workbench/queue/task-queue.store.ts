import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { http } from '../../../app/http.ts';
import { useSessionStore } from '../../../app/session.store.ts';
import { createTasksApi } from '../api/tasks.api.ts';
import type { BundleInfo, TaskSummary } from '../api/task.types.ts';
import { NO_FILTERS, filterQueue, queueCounts, type QueueContext, type QueueFilters } from './task-queue.ts';

export const tasksApi = createTasksApi(http);

export type QueueTab = 'open' | 'done';

/**
 * The clerk's queue: the open tasks of their groups (theirs told apart by user id), the done
 * ones on demand, and the filters, kept while the clerk goes into a task and back.
 */
export const useTaskQueueStore = defineStore('workbench-queue', () => {
  const session = useSessionStore();
  const open = ref<TaskSummary[]>([]);
  const done = ref<TaskSummary[]>([]);
  const bundles = ref<BundleInfo[]>([]);
  const tab = ref<QueueTab>('open');
  const filters = ref<QueueFilters>({ ...NO_FILTERS });
  const loading = ref(false);
  const error = ref<unknown>(null);
  const loadedAt = ref<Date | null>(null);
  /** The clock the time-left texts and filters use; ticks with every load and every minute. */
  const now = ref(new Date());
  /** What the last finished task action said, shown once on the queue (completed, returned). */
  const notice = ref<string | null>(null);

  const context = computed<QueueContext>(() => ({ now: now.value, userId: session.user?.id ?? '' }));
  const current = computed(() => (tab.value === 'open' ? open.value : done.value));
  const visible = computed(() =>
    tab.value === 'open'
      ? filterQueue(open.value, filters.value, context.value)
      : filterQueue(done.value, { ...filters.value, due: 'all', assignment: 'all' }, context.value),
  );
  const counts = computed(() => queueCounts(current.value, filters.value, context.value));

  let loadCount = 0;

  /** Loads the open queue and, on the done tab, the done list; the last call wins. */
  async function refresh(): Promise<void> {
    const ticket = ++loadCount;
    loading.value = true;
    try {
      const [openTasks, doneTasks, catalogue] = await Promise.all([
        tasksApi.list('open'),
        tab.value === 'done' ? tasksApi.list('done') : Promise.resolve(done.value),
        bundles.value.length > 0 ? Promise.resolve(bundles.value) : tasksApi.bundles().catch(() => []),
      ]);
      if (ticket !== loadCount) return;
      open.value = openTasks;
      done.value = doneTasks;
      bundles.value = catalogue;
      error.value = null;
      loadedAt.value = new Date();
      now.value = new Date();
    } catch (cause) {
      if (ticket === loadCount) error.value = cause;
    } finally {
      if (ticket === loadCount) loading.value = false;
    }
  }

  function showTab(next: QueueTab): Promise<void> {
    tab.value = next;
    return refresh();
  }

  function setFilters(changed: Partial<QueueFilters>): void {
    filters.value = { ...filters.value, ...changed };
  }

  function clearFilters(): void {
    filters.value = { ...NO_FILTERS };
  }

  function tick(): void {
    now.value = new Date();
  }

  function bundleTitle(key: string | null, locale: string): string {
    if (key === null) return '';
    const bundle = bundles.value.find((candidate) => candidate.key === key);
    return bundle?.title[locale] ?? bundle?.title['zh-CN'] ?? key;
  }

  return {
    open,
    done,
    bundles,
    tab,
    filters,
    loading,
    error,
    loadedAt,
    now,
    notice,
    context,
    visible,
    counts,
    current,
    refresh,
    showTab,
    setFilters,
    clearFilters,
    tick,
    bundleTitle,
  };
});
