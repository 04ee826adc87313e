import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Material } from '../shared/material.ts';
import { mergeData, setPath } from './form-components.ts';
import { deleteDraft, fetchDraft, saveDraft } from './drafts.api.ts';
import { newIdempotencyKey } from './idempotency-key.ts';

/** How long the form must be still before the draft is saved. */
export const DRAFT_SAVE_DELAY_MS = 800;

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/**
 * The application being filled in: its data, the step, its uploaded materials, and the
 * draft kept on the server. Every change is saved after a short pause (debounced PUT), so
 * the citizen can close the page and resume later. Saves never overlap: a change made while
 * one is on its way is saved right after it.
 */
export const useApplicationDraftStore = defineStore('portal-application-draft', () => {
  const bundleKey = ref<string | null>(null);
  const data = ref<Record<string, unknown>>({});
  const step = ref<string | null>(null);
  const materials = ref<Material[]>([]);
  const saveState = ref<SaveState>('idle');
  const savedAt = ref<string | null>(null);
  /** When the draft this session resumed was last saved; null for a fresh start. */
  const resumedFrom = ref<string | null>(null);
  /** One key per submission attempt: kept across retries, renewed when the data changes. */
  const submissionKey = ref<string | null>(null);

  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let dirty = false;

  function reset(key: string | null): void {
    cancelTimer();
    bundleKey.value = key;
    data.value = {};
    step.value = null;
    materials.value = [];
    saveState.value = 'idle';
    savedAt.value = null;
    resumedFrom.value = null;
    submissionKey.value = null;
    dirty = false;
  }

  /** Opens the citizen's draft of the bundle, or starts an empty one. */
  async function open(key: string): Promise<void> {
    if (bundleKey.value !== key) reset(key);
    const draft = await fetchDraft(key);
    if (bundleKey.value !== key) return;
    if (draft) {
      data.value = draft.data;
      step.value = draft.step;
      materials.value = draft.materials;
      savedAt.value = draft.updatedAt;
      resumedFrom.value = draft.updatedAt;
      saveState.value = 'saved';
    }
  }

  /**
   * Values the registries supplied (by dotted form key). They are not the citizen's edits,
   * so they do not make the draft dirty; they win over a draft's older copy of them.
   */
  function applyKnownValues(values: Record<string, unknown>): void {
    let next = data.value;
    for (const [path, value] of Object.entries(values)) next = setPath(next, path, value);
    data.value = next;
  }

  function update(values: Record<string, unknown>): void {
    data.value = mergeData(data.value, values);
    submissionKey.value = null;
    schedule();
  }

  function goTo(stepId: string): void {
    if (step.value === stepId) return;
    step.value = stepId;
    schedule();
  }

  function schedule(): void {
    dirty = true;
    saveState.value = 'pending';
    cancelTimer();
    timer = setTimeout(() => {
      timer = null;
      void flush().catch(() => undefined);
    }, DRAFT_SAVE_DELAY_MS);
  }

  function cancelTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  /** Saves now what is not saved yet; resolves when the server has it. */
  async function flush(): Promise<void> {
    cancelTimer();
    while (inFlight) await inFlight.catch(() => undefined);
    const key = bundleKey.value;
    if (!dirty || key === null) return;
    dirty = false;
    saveState.value = 'saving';
    const attempt = saveDraft(key, { data: data.value, step: step.value ?? '' }).then(
      (saved) => {
        if (bundleKey.value !== key) return;
        savedAt.value = saved.updatedAt;
        if (!dirty) saveState.value = 'saved';
      },
      (error: unknown) => {
        if (bundleKey.value === key) {
          dirty = true;
          saveState.value = 'failed';
        }
        throw error;
      },
    );
    inFlight = attempt.finally(() => {
      inFlight = null;
    });
    await inFlight;
  }

  /** Forgets the draft here and on the server (with its materials). */
  async function discard(): Promise<void> {
    const key = bundleKey.value;
    cancelTimer();
    dirty = false;
    while (inFlight) await inFlight.catch(() => undefined);
    if (key !== null) await deleteDraft(key);
    reset(key);
  }

  function ensureSubmissionKey(): string {
    submissionKey.value ??= newIdempotencyKey();
    return submissionKey.value;
  }

  /** After a successful submission the server dropped the draft; so does this store. */
  function submitted(): void {
    reset(null);
  }

  function addMaterial(material: Material): void {
    materials.value = [...materials.value, material];
    submissionKey.value = null;
  }

  function removeMaterial(id: string): void {
    materials.value = materials.value.filter((material) => material.id !== id);
    submissionKey.value = null;
  }

  return {
    bundleKey,
    data,
    step,
    materials,
    saveState,
    savedAt,
    resumedFrom,
    submissionKey,
    hasUnsavedChanges: computed(() => saveState.value === 'pending' || saveState.value === 'failed'),
    open,
    applyKnownValues,
    update,
    goTo,
    flush,
    discard,
    ensureSubmissionKey,
    submitted,
    addMaterial,
    removeMaterial,
  };
});
