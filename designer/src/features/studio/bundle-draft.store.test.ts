import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeCall } from '../../app/fake-fetch.test-support.ts';
import { useBundleDraftStore } from './bundle-draft.store.ts';

const DRAFT_URL = '/api/studio/bundles/newborn';

function serverDraft(version: number, bpmn: string, updatedBy = 'designer1') {
  return {
    key: 'newborn',
    version,
    bpmn,
    forms: { 'forms/birth-certificate.form': { components: [] } },
    bundle: { key: 'newborn' },
    updatedAt: '2026-11-29T10:00:00.000Z',
    updatedBy,
    published: {
      version: 1,
      at: '2026-11-28T09:00:00.000Z',
      by: 'designer1',
      processDefinitionKey: '2251799813685249',
    },
  };
}

/** A server holding one draft; PUT and publish behave as HTTP-API.md says. */
function studioServer(initial = serverDraft(3, '<bpmn v3/>')) {
  let current = initial;
  let published = 1;
  const puts: FakeCall[] = [];
  const fake = fakeFetch((call) => {
    if (call.url === DRAFT_URL && call.method === 'GET') return { status: 200, body: current };
    if (call.url === DRAFT_URL && call.method === 'PUT') {
      puts.push(call);
      const body = call.body as { version: number; bpmn: string };
      if (body.version !== current.version) {
        return {
          status: 409,
          body: {
            error: {
              code: 'DRAFT_CONFLICT',
              message: 'The draft was saved by someone else.',
              current: {
                version: current.version,
                updatedBy: current.updatedBy,
                updatedAt: current.updatedAt,
              },
            },
          },
        };
      }
      current = serverDraft(current.version + 1, body.bpmn, 'designer1');
      return { status: 200, body: current };
    }
    if (call.url === `${DRAFT_URL}/publish` && call.method === 'POST') {
      const body = call.body as { version: number };
      if (current.bpmn.includes('broken')) {
        return {
          status: 422,
          body: {
            error: {
              code: 'PUBLISH_REJECTED',
              message: 'The bundle cannot be published.',
              problems: [
                { source: 'lint', elementId: 'Task_New', message: 'Element must have a task definition' },
                {
                  source: 'form',
                  formPath: 'forms/birth-certificate.form',
                  fieldKey: 'nickname',
                  message: 'not in the dictionary',
                },
              ],
            },
          },
        };
      }
      published += 1;
      return {
        status: 201,
        body: {
          version: published,
          processDefinitionKey: `22517998136852${body.version}`,
          publishedAt: '2026-11-29T11:00:00.000Z',
        },
      };
    }
    return undefined;
  });
  return {
    ...fake,
    puts,
    /** Someone else saves in between. */
    savedBy(user: string, bpmn: string) {
      current = serverDraft(current.version + 1, bpmn, user);
    },
  };
}

describe('bundle draft store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  it('saves the edited diagram with the version it was based on and takes the next one', async () => {
    // given
    const server = studioServer();
    vi.stubGlobal('fetch', server.fetch);
    const store = useBundleDraftStore();
    await store.load('newborn');
    store.updateBpmn('<bpmn edited/>');

    // when
    const outcome = await store.save();

    // then
    expect(outcome).toEqual({ kind: 'saved', version: 4 });
    expect(server.puts[0]?.body).toMatchObject({
      version: 3,
      bpmn: '<bpmn edited/>',
      bundle: { key: 'newborn' },
    });
    expect(store.dirty).toBe(false);
    expect(store.draft?.version).toBe(4);
  });

  it('keeps the local changes and tells who saved when someone else saved first, and reloads theirs on request', async () => {
    // given
    const server = studioServer();
    vi.stubGlobal('fetch', server.fetch);
    const store = useBundleDraftStore();
    await store.load('newborn');
    store.updateBpmn('<bpmn mine/>');
    server.savedBy('designer2', '<bpmn theirs/>');

    // when
    const outcome = await store.save();

    // then
    expect(outcome.kind).toBe('conflict');
    expect(store.conflict).toEqual({
      version: 4,
      updatedBy: 'designer2',
      updatedAt: '2026-11-29T10:00:00.000Z',
    });
    expect(store.dirty).toBe(true);
    expect(store.draft?.bpmn).toBe('<bpmn mine/>');

    // when
    await store.reload();

    // then
    expect(store.draft?.bpmn).toBe('<bpmn theirs/>');
    expect(store.draft?.version).toBe(4);
    expect(store.dirty).toBe(false);
    expect(store.conflict).toBeNull();
  });

  it('saves the local changes over the other save when the designer chooses to overwrite', async () => {
    // given
    const server = studioServer();
    vi.stubGlobal('fetch', server.fetch);
    const store = useBundleDraftStore();
    await store.load('newborn');
    store.updateBpmn('<bpmn mine/>');
    server.savedBy('designer2', '<bpmn theirs/>');
    await store.save();

    // when
    const outcome = await store.overwrite();

    // then
    expect(outcome).toEqual({ kind: 'saved', version: 5 });
    expect(server.puts.at(-1)?.body).toMatchObject({ version: 4, bpmn: '<bpmn mine/>' });
    expect(store.conflict).toBeNull();
    expect(store.dirty).toBe(false);
  });

  it('saves unsaved changes before publishing and publishes the saved version', async () => {
    // given
    const server = studioServer();
    vi.stubGlobal('fetch', server.fetch);
    const store = useBundleDraftStore();
    await store.load('newborn');
    store.updateBpmn('<bpmn with new task/>');

    // when
    const outcome = await store.publish();

    // then
    expect(outcome.kind).toBe('published');
    const publishCall = server.calls.find((call) => call.url.endsWith('/publish'));
    expect(publishCall?.body).toEqual({ version: 4 });
    expect(store.draft?.published?.version).toBe(2);
    expect(store.dirty).toBe(false);
  });

  it('lists the problems element by element when publishing is rejected', async () => {
    // given
    const server = studioServer(serverDraft(3, '<bpmn broken/>'));
    vi.stubGlobal('fetch', server.fetch);
    const store = useBundleDraftStore();
    await store.load('newborn');

    // when
    const outcome = await store.publish();

    // then
    expect(outcome.kind).toBe('rejected');
    expect(store.problems).toEqual([
      { source: 'lint', elementId: 'Task_New', message: 'Element must have a task definition' },
      {
        source: 'form',
        formPath: 'forms/birth-certificate.form',
        fieldKey: 'nickname',
        message: 'not in the dictionary',
      },
    ]);
    expect(store.draft?.published?.version).toBe(1);
  });
});
