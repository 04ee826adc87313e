import { computed, ref, shallowRef, type Ref } from 'vue';
import type { ApplicationForStaff, BundleDetail, TaskComment, TaskDetail } from '../api/task.types.ts';
import { tasksApi } from '../queue/task-queue.store.ts';
import {
  availableActions,
  isReturnable,
  taskRelation,
  type TaskAction,
  type Viewer,
} from './task-actions.ts';
import { taskFailure, type TaskFailure } from './task-errors.ts';

/**
 * One task page's state: the task, what surrounds it (application, bundle), and the action
 * in flight. Actions go through `perform`, so busy state, failures and reloads after a
 * conflict are handled the same way for all of them.
 */
export function useTaskPage(taskId: Ref<string>, viewer: Ref<Viewer>) {
  const task = shallowRef<TaskDetail | null>(null);
  const application = shallowRef<ApplicationForStaff | null>(null);
  const applicationError = ref<unknown>(null);
  const bundle = shallowRef<BundleDetail | null>(null);
  const comments = ref<TaskComment[]>([]);
  const loadError = ref<unknown>(null);
  const loading = ref(false);
  const busy = ref<TaskAction | null>(null);
  const failure = ref<TaskFailure | null>(null);

  const relation = computed(() => (task.value ? taskRelation(task.value, viewer.value) : 'closed'));
  const returnable = computed(() => (task.value ? isReturnable(task.value) : false));
  const actions = computed(() =>
    task.value === null
      ? []
      : availableActions({ relation: relation.value, returnable: returnable.value, busy: busy.value }),
  );

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const loaded = await tasksApi.get(taskId.value);
      task.value = loaded;
      comments.value = loaded.comments;
      loadError.value = null;
      await Promise.all([loadApplication(loaded), loadBundle(loaded)]);
    } catch (error) {
      loadError.value = error;
      task.value = null;
    } finally {
      loading.value = false;
    }
  }

  async function loadApplication(loaded: TaskDetail): Promise<void> {
    if (loaded.applicationId === null || !viewer.value.readsApplications) return;
    try {
      application.value = await tasksApi.application(loaded.applicationId);
      applicationError.value = null;
    } catch (error) {
      // The task stays workable without the application's details (materials, results).
      applicationError.value = error;
    }
  }

  async function loadBundle(loaded: TaskDetail): Promise<void> {
    if (loaded.bundleKey === null || bundle.value?.key === loaded.bundleKey) return;
    // Without the catalogue entry the summary falls back to the data's own paths.
    bundle.value = await tasksApi.bundle(loaded.bundleKey).catch(() => null);
  }

  /**
   * Runs an action; true when it succeeded. A failure is kept in `failure`; when it means the
   * task changed under the clerk, the task is reloaded so the page shows what is true now.
   */
  async function perform(action: TaskAction, call: () => Promise<void>): Promise<boolean> {
    if (!actions.value.includes(action)) return false;
    busy.value = action;
    failure.value = null;
    try {
      await call();
      return true;
    } catch (error) {
      const mapped = taskFailure(error);
      failure.value = mapped;
      if (mapped.refresh) await load();
      return false;
    } finally {
      busy.value = null;
    }
  }

  const id = () => taskId.value;
  return {
    task,
    application,
    applicationError,
    bundle,
    comments,
    loadError,
    loading,
    busy,
    failure,
    relation,
    returnable,
    actions,
    load,
    claim: () => perform('claim', () => tasksApi.claim(id())),
    unclaim: () => perform('unclaim', () => tasksApi.unclaim(id())),
    complete: (variables: Record<string, unknown>) =>
      perform('complete', () => tasksApi.complete(id(), variables)),
    returnForCorrection: (reason: string, fields: readonly string[]) =>
      perform('return', () => tasksApi.returnForCorrection(id(), reason, fields)),
    addComment: (text: string) =>
      perform('comment', async () => {
        const added = await tasksApi.addComment(id(), text);
        comments.value = [...comments.value, added];
      }),
    clearFailure: () => (failure.value = null),
  };
}
