import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { isApiError } from '../../errors.ts';
import { studioApi } from './studio-api.instance.ts';
import { conflictInfo, type ConflictInfo } from './studio.api.ts';
import {
  parsePublishProblems,
  type BundleDraft,
  type PublishProblem,
  type PublishedVersion,
} from './studio.types.ts';

export type SaveOutcome = { kind: 'saved'; version: number } | { kind: 'conflict'; conflict: ConflictInfo };

export type PublishOutcome =
  | { kind: 'published'; published: PublishedVersion }
  | { kind: 'rejected'; problems: PublishProblem[] }
  | { kind: 'conflict'; conflict: ConflictInfo };

/**
 * The draft of the bundle open in the Studio: its content as text and JSON (never the editors'
 * instances), whether it changed since the last save, and what the last save or publish met.
 * Other api failures reject, for the view to show.
 */
export const useBundleDraftStore = defineStore('studio-bundle-draft', () => {
  const draft = ref<BundleDraft | null>(null);
  const dirty = ref(false);
  const conflict = ref<ConflictInfo | null>(null);
  const problems = ref<PublishProblem[]>([]);
  const busy = ref<'loading' | 'saving' | 'publishing' | null>(null);

  const key = computed(() => draft.value?.key ?? null);

  async function load(bundleKey: string): Promise<void> {
    busy.value = 'loading';
    try {
      draft.value = await studioApi.getDraft(bundleKey);
      dirty.value = false;
      conflict.value = null;
      problems.value = [];
    } finally {
      busy.value = null;
    }
  }

  function requireDraft(): BundleDraft {
    if (!draft.value) throw new Error('no bundle draft is open');
    return draft.value;
  }

  function updateBpmn(xml: string): void {
    const current = requireDraft();
    if (current.bpmn === xml) return;
    current.bpmn = xml;
    dirty.value = true;
  }

  function updateForm(path: string, schema: Record<string, unknown>): void {
    const current = requireDraft();
    current.forms[path] = schema;
    dirty.value = true;
  }

  async function save(): Promise<SaveOutcome> {
    const current = requireDraft();
    busy.value = 'saving';
    const sent = { bpmn: current.bpmn, forms: JSON.stringify(current.forms) };
    try {
      const saved = await studioApi.saveDraft(current.key, current.version, {
        bpmn: current.bpmn,
        forms: current.forms,
        bundle: current.bundle,
      });
      // What was typed while the save was on its way stays, and stays unsaved.
      const changedMeanwhile = current.bpmn !== sent.bpmn || JSON.stringify(current.forms) !== sent.forms;
      draft.value = { ...saved, bpmn: current.bpmn, forms: current.forms, bundle: current.bundle };
      dirty.value = changedMeanwhile;
      conflict.value = null;
      return { kind: 'saved', version: saved.version };
    } catch (error) {
      if (isApiError(error) && error.code === 'DRAFT_CONFLICT') {
        conflict.value = conflictInfo(error.details);
        return { kind: 'conflict', conflict: conflict.value };
      }
      throw error;
    } finally {
      busy.value = null;
    }
  }

  /** Drops the local changes and opens the draft as it is now on the server. */
  async function reload(): Promise<void> {
    await load(requireDraft().key);
  }

  /**
   * Keeps the local changes over someone else's save: takes the server's current version
   * as the base, then saves. Chosen explicitly by the designer after a conflict.
   */
  async function overwrite(): Promise<SaveOutcome> {
    const current = requireDraft();
    const latest = await studioApi.getDraft(current.key);
    current.version = latest.version;
    return save();
  }

  /** Saves unsaved changes first, then publishes the saved version. */
  async function publish(): Promise<PublishOutcome> {
    if (dirty.value) {
      const saved = await save();
      if (saved.kind === 'conflict') return saved;
    }
    const current = requireDraft();
    busy.value = 'publishing';
    try {
      const published = await studioApi.publish(current.key, current.version);
      problems.value = [];
      current.published = {
        version: published.version,
        at: published.publishedAt,
        by: current.updatedBy ?? '',
        processDefinitionKey: published.processDefinitionKey,
      };
      return { kind: 'published', published };
    } catch (error) {
      if (isApiError(error) && error.code === 'PUBLISH_REJECTED') {
        problems.value = parsePublishProblems(error.details);
        return { kind: 'rejected', problems: problems.value };
      }
      if (isApiError(error) && error.code === 'DRAFT_CONFLICT') {
        conflict.value = conflictInfo(error.details);
        return { kind: 'conflict', conflict: conflict.value };
      }
      throw error;
    } finally {
      busy.value = null;
    }
  }

  function dismissConflict(): void {
    conflict.value = null;
  }

  function close(): void {
    draft.value = null;
    dirty.value = false;
    conflict.value = null;
    problems.value = [];
  }

  return {
    draft,
    dirty,
    conflict,
    problems,
    busy,
    key,
    load,
    updateBpmn,
    updateForm,
    save,
    reload,
    overwrite,
    publish,
    dismissConflict,
    close,
  };
});
