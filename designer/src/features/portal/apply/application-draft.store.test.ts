import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeCall } from '../../../app/fake-fetch.test-support.ts';
import { DRAFT_SAVE_DELAY_MS, useApplicationDraftStore } from './application-draft.store.ts';

const DRAFT_URL = '/api/applications/drafts/newborn';
const savedAt = '2026-11-29T03:00:00.000Z';

function draftServer(options: { existing?: unknown; failPuts?: number } = {}) {
  let failures = options.failPuts ?? 0;
  const fake = fakeFetch((call) => {
    if (call.url === '/api/applications/drafts' && call.method === 'GET') {
      return { status: 200, body: options.existing ? [options.existing] : [] };
    }
    if (call.url !== DRAFT_URL) return undefined;
    if (call.method === 'GET') {
      return options.existing
        ? { status: 200, body: options.existing }
        : { status: 404, body: { error: { code: 'DRAFT_NOT_FOUND', message: 'No draft' } } };
    }
    if (call.method === 'PUT') {
      if (failures > 0) {
        failures -= 1;
        return { status: 503, body: { error: { code: 'UNAVAILABLE', message: 'Try later' } } };
      }
      return { status: 200, body: { bundleKey: 'newborn', step: 'applicant', updatedAt: savedAt } };
    }
    if (call.method === 'DELETE') return { status: 204 };
    return undefined;
  });
  vi.stubGlobal('fetch', fake.fetch);
  return fake;
}

const puts = (calls: FakeCall[]) => calls.filter((call) => call.method === 'PUT');

describe('the application draft store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('resumes the saved draft with its data, step and materials', async () => {
    // given
    draftServer({
      existing: {
        bundleKey: 'newborn',
        data: { child: { name: '小明' } },
        step: 'section-Group_health',
        updatedAt: savedAt,
        materials: [
          {
            id: 'm-1',
            kind: 'household-register',
            filename: 'hukou.pdf',
            contentType: 'application/pdf',
            size: 1200,
            sha256: 'ab',
            uploadedAt: savedAt,
          },
        ],
      },
    });
    const draft = useApplicationDraftStore();

    // when
    await draft.open('newborn');

    // then
    expect(draft.data).toEqual({ child: { name: '小明' } });
    expect(draft.step).toBe('section-Group_health');
    expect(draft.materials.map((m) => m.filename)).toEqual(['hukou.pdf']);
    expect(draft.resumedFrom).toBe(savedAt);
    expect(draft.saveState).toBe('saved');
  });

  it('starts empty when there is no draft, without saving anything', async () => {
    // given
    const { calls } = draftServer();
    const draft = useApplicationDraftStore();

    // when
    await draft.open('newborn');
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS * 2);

    // then
    expect(draft.data).toEqual({});
    expect(draft.resumedFrom).toBeNull();
    expect(puts(calls)).toEqual([]);
  });

  it('saves once after typing pauses, with the latest answers and the step', async () => {
    // given
    const { calls } = draftServer();
    const draft = useApplicationDraftStore();
    await draft.open('newborn');

    // when
    draft.update({ applicant: { mobile: '138' } });
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS / 2);
    draft.update({ applicant: { mobile: '13800138000' } });
    draft.goTo('section-Group_shared');
    expect(draft.saveState).toBe('pending');
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS);

    // then
    expect(puts(calls).map((call) => call.body)).toEqual([
      { data: { applicant: { mobile: '13800138000' } }, step: 'section-Group_shared' },
    ]);
    expect(draft.saveState).toBe('saved');
    expect(draft.savedAt).toBe(savedAt);
  });

  it('keeps answers given in several steps together', async () => {
    // given
    draftServer();
    const draft = useApplicationDraftStore();
    await draft.open('newborn');

    // when
    draft.update({ applicant: { mobile: '13800138000' } });
    draft.update({ applicant: { name: '张三' }, child: { name: '小明' } });

    // then
    expect(draft.data).toEqual({
      applicant: { mobile: '13800138000', name: '张三' },
      child: { name: '小明' },
    });
  });

  it('does not overlap saves: a change made during a save is saved right after it', async () => {
    // given
    const { calls } = draftServer();
    const draft = useApplicationDraftStore();
    await draft.open('newborn');
    draft.update({ child: { name: 'A' } });

    // when
    const first = draft.flush();
    draft.update({ child: { name: 'AB' } });
    const second = draft.flush();
    await Promise.all([first, second]);

    // then
    expect(puts(calls).map((call) => call.body)).toEqual([
      { data: { child: { name: 'A' } }, step: '' },
      { data: { child: { name: 'AB' } }, step: '' },
    ]);
  });

  it('says when a save failed and saves again on retry', async () => {
    // given
    const { calls } = draftServer({ failPuts: 1 });
    const draft = useApplicationDraftStore();
    await draft.open('newborn');
    draft.update({ child: { name: '小明' } });

    // when
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS);

    // then
    expect(draft.saveState).toBe('failed');
    expect(draft.hasUnsavedChanges).toBe(true);

    // when
    await draft.flush();

    // then
    expect(draft.saveState).toBe('saved');
    expect(puts(calls)).toHaveLength(2);
  });

  it('does not count registry values as the citizen’s changes', async () => {
    // given
    const { calls } = draftServer();
    const draft = useApplicationDraftStore();
    await draft.open('newborn');

    // when
    draft.applyKnownValues({ 'mother.name': '王芳', 'mother.idNumber': '110105199001010022' });
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS * 2);

    // then
    expect(draft.data).toEqual({ mother: { name: '王芳', idNumber: '110105199001010022' } });
    expect(puts(calls)).toEqual([]);
  });

  it('keeps one idempotency key across retries and takes a new one when the answers change', async () => {
    // given
    draftServer();
    const draft = useApplicationDraftStore();
    await draft.open('newborn');

    // when
    const first = draft.ensureSubmissionKey();
    const retry = draft.ensureSubmissionKey();
    draft.update({ child: { name: '小明' } });
    const afterChange = draft.ensureSubmissionKey();

    // then
    expect(retry).toBe(first);
    expect(afterChange).not.toBe(first);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('deletes the draft on the server when the citizen starts over', async () => {
    // given
    const { calls } = draftServer();
    const draft = useApplicationDraftStore();
    await draft.open('newborn');
    draft.update({ child: { name: '小明' } });

    // when
    await draft.discard();
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS * 2);

    // then
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.url)).toEqual([DRAFT_URL]);
    expect(puts(calls)).toEqual([]);
    expect(draft.data).toEqual({});
  });
});
