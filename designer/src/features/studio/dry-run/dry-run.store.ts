import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { isApiError, type FieldErrors } from '../../../errors.ts';
import { elementStates, type ElementState } from '../../monitor/instance/element-states.ts';
import { parsePublishProblems, type PublishProblem } from '../studio.types.ts';
import { dryRunApi } from './dry-run-api.instance.ts';
import type { DryRun, DryRunSummary, DryRunTask, TestCitizens } from './dry-run.types.ts';

/** How often a running dry run is asked for its progress. */
export const POLL_MS = 1_000;

/** Why a start or a completion did not happen, for the panel to show beside the control. */
export type DryRunRefusal =
  | { kind: 'rejected'; problems: PublishProblem[] }
  | { kind: 'fields'; fields: FieldErrors; message: string }
  | { kind: 'error'; error: unknown };

/**
 * The dry-run panel of the Studio: the test citizens, the one run followed (polled while the
 * engine runs it), its element states for the diagram's overlays (the Monitor's computation),
 * and the designer's actions on it. The diagram shows the BPMN the run started with, which
 * may differ from what the editor holds by now. The bundle's recent runs are listed so that a
 * designer can come back to one (reopened as a just-started run is shown).
 */
export const useDryRunStore = defineStore('studio-dry-run', () => {
  const citizens = shallowRef<TestCitizens | null>(null);
  const citizen = ref<string | null>(null);
  const run = shallowRef<DryRun | null>(null);
  const bpmn = ref<string | null>(null);
  const busy = ref<'loading' | 'starting' | 'opening' | 'completing' | 'cancelling' | null>(null);
  /** The bundle's latest runs; `null` until the first list arrived. */
  const runs = shallowRef<DryRunSummary[] | null>(null);
  const runsLoading = ref(false);
  /** The list could not be read: shown instead of it. */
  const runsError = shallowRef<unknown>(null);
  let listedBundle: string | null = null;
  const refusal = shallowRef<DryRunRefusal | null>(null);
  /** A poll failed (the api or engine is away): shown, and polling goes on. */
  const pollError = shallowRef<unknown>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let following: string | null = null;

  const running = computed(() => run.value?.state === 'ACTIVE');
  const states = computed<ElementState[]>(() =>
    run.value ? [...elementStates(run.value.elements, run.value.incidents).values()] : [],
  );
  const openTasks = computed<DryRunTask[]>(() => run.value?.tasks.filter((t) => t.state === 'open') ?? []);
  const activeIncidents = computed(() => run.value?.incidents.filter((i) => i.state === 'ACTIVE') ?? []);

  async function open(): Promise<void> {
    if (citizens.value) return;
    busy.value = 'loading';
    try {
      citizens.value = await dryRunApi.testCitizens();
      citizen.value ??= citizens.value.citizens[0]?.key ?? null;
    } finally {
      busy.value = null;
    }
  }

  /** Starts a dry run of saved draft `version`; true once it runs. */
  async function start(bundleKey: string, version: number): Promise<boolean> {
    if (citizen.value === null) return false;
    stopPolling();
    busy.value = 'starting';
    refusal.value = null;
    try {
      const started = await dryRunApi.start(bundleKey, version, citizen.value);
      void loadRuns(bundleKey);
      await follow(started.id);
      return true;
    } catch (error) {
      refusal.value = refusalOf(error);
      return false;
    } finally {
      busy.value = null;
    }
  }

  /** Opens one of the listed runs in the panel, as a just-started one is shown. */
  async function openRun(id: string): Promise<void> {
    stopPolling();
    busy.value = 'opening';
    refusal.value = null;
    pollError.value = null;
    try {
      await follow(id);
    } catch (error) {
      refusal.value = refusalOf(error);
    } finally {
      busy.value = null;
    }
  }

  async function follow(id: string): Promise<void> {
    following = id;
    const [view, xml] = await Promise.all([dryRunApi.get(id), dryRunApi.bpmn(id)]);
    if (following !== id) return;
    bpmn.value = xml;
    show(view);
  }

  /** (Re)reads the bundle's recent runs; a failure is kept in `runsError`, never thrown. */
  async function loadRuns(bundleKey: string): Promise<void> {
    if (listedBundle !== bundleKey) runs.value = null;
    listedBundle = bundleKey;
    runsLoading.value = true;
    try {
      const listed = await dryRunApi.list(bundleKey);
      if (listedBundle !== bundleKey) return;
      runs.value = listed;
      runsError.value = null;
    } catch (error) {
      if (listedBundle === bundleKey) runsError.value = error;
    } finally {
      if (listedBundle === bundleKey) runsLoading.value = false;
    }
  }

  async function complete(taskId: string, body: { variables?: Record<string, unknown>; defaults?: boolean }) {
    const current = run.value;
    if (!current) return false;
    busy.value = 'completing';
    refusal.value = null;
    try {
      show(await dryRunApi.complete(current.id, taskId, body));
      return true;
    } catch (error) {
      refusal.value = refusalOf(error);
      return false;
    } finally {
      busy.value = null;
    }
  }

  async function cancel(): Promise<void> {
    const current = run.value;
    if (!current) return;
    busy.value = 'cancelling';
    refusal.value = null;
    try {
      show(await dryRunApi.cancel(current.id));
    } catch (error) {
      refusal.value = refusalOf(error);
      // DRY_RUN_ENDED: it ended meanwhile; show where it ended.
      await refresh();
    } finally {
      busy.value = null;
    }
  }

  async function refresh(): Promise<void> {
    const id = following;
    if (id === null) return;
    try {
      const view = await dryRunApi.get(id);
      pollError.value = null;
      if (following === id) show(view);
    } catch (error) {
      pollError.value = error;
      schedule();
    }
  }

  function show(view: DryRun): void {
    const previous = run.value;
    run.value = view;
    // The list's state of a run that just ended (completed, cancelled, expired) is stale now.
    const ended = previous?.id === view.id && previous.state === 'ACTIVE' && view.state !== 'ACTIVE';
    if (ended && listedBundle === view.bundleKey) void loadRuns(view.bundleKey);
    if (view.state === 'ACTIVE') schedule();
    else stopPolling();
  }

  function schedule(): void {
    stopPolling();
    timer = setTimeout(() => void refresh(), POLL_MS);
  }

  function stopPolling(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  /** Leaves the run (it goes on in the engine) and stops polling. */
  function close(): void {
    stopPolling();
    following = null;
    run.value = null;
    bpmn.value = null;
    refusal.value = null;
    pollError.value = null;
  }

  return {
    citizens,
    citizen,
    runs,
    runsLoading,
    runsError,
    run,
    bpmn,
    busy,
    refusal,
    pollError,
    running,
    states,
    openTasks,
    activeIncidents,
    open,
    start,
    openRun,
    loadRuns,
    complete,
    cancel,
    refresh,
    close,
  };
});

function refusalOf(error: unknown): DryRunRefusal {
  if (isApiError(error) && (error.code === 'DRY_RUN_REJECTED' || error.code === 'PUBLISH_REJECTED')) {
    return { kind: 'rejected', problems: parsePublishProblems(error.details) };
  }
  if (isApiError(error) && Object.keys(error.fields).length > 0) {
    return { kind: 'fields', fields: error.fields, message: error.message };
  }
  return { kind: 'error', error };
}
