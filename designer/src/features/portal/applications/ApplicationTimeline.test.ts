import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, setLocale } from '../../../app/i18n/index.ts';
import ApplicationTimeline from './ApplicationTimeline.vue';

// Every entry the api writes to a citizen's timeline (applications, the progress worker, the bridge, ratings).
const EVENTS = [
  'application.submitted',
  'application.accepted',
  'application.processing',
  'part.started',
  'part.escalated',
  'part.done',
  'part.failed',
  'task.completed',
  'material.uploaded',
  'application.completed',
  'application.rated',
  'rating.followed_up',
];

function timelineTexts(): string[] {
  const wrapper = mount(ApplicationTimeline, {
    props: { entries: EVENTS.map((event) => ({ at: '2026-11-02T09:00:00.000Z', event, by: null })) },
    global: { plugins: [i18n] },
  });
  const texts = wrapper.findAll('.timeline__event').map((item) => item.text());
  wrapper.unmount();
  return texts;
}

describe('the citizen’s timeline', () => {
  afterEach(() => setLocale('zh-CN'));

  it('names every entry in words, never by its code', () => {
    const texts = timelineTexts();
    expect(texts).toHaveLength(EVENTS.length);
    for (const text of texts) expect(EVENTS).not.toContain(text);
    expect(texts[EVENTS.indexOf('part.escalated')]).toBe('部门办理超时，已提请督办');
  });

  it('does so in English too', () => {
    setLocale('en');
    for (const text of timelineTexts()) expect(EVENTS).not.toContain(text);
  });
});
