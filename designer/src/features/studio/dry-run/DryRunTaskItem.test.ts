import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n/index.ts';
import { eventually } from '../../../app/mount-app.test-support.ts';
import { acceptanceForm } from '../../workbench/workbench.test-support.ts';
import DryRunTaskItem from './DryRunTaskItem.vue';
import type { DryRunTask } from './dry-run.types.ts';

/** The window's acceptance as the api sends it on every poll: equal content, a new object each time. */
function windowTask(): DryRunTask {
  return {
    id: '0b8f3c1e-5d2a-4f6b-9e7c-1a2b3c4d5e6f',
    elementId: 'Task_WindowAccept',
    name: '综窗受理',
    candidateGroups: ['window'],
    state: 'open',
    createdAt: '2026-11-29T10:00:00.000Z',
    completedAt: null,
    completedBy: null,
    form: structuredClone(acceptanceForm),
  };
}

function button(wrapper: ReturnType<typeof mount>, label: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === label);
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

describe('DryRunTaskItem', () => {
  it("keeps what the designer entered when the panel's poll brings the same task again", async () => {
    // given the designer opened the form and chose 受理
    const wrapper = mount(DryRunTaskItem, {
      props: { task: windowTask(), variables: { applicant: { name: '王芳' } }, busy: false },
      global: { plugins: [i18n] },
      attachTo: document.body,
    });
    await button(wrapper, '填写表单').trigger('click');
    await eventually(() => expect(wrapper.findAll('input[type="radio"]')).toHaveLength(2));
    await wrapper.findAll('input[type="radio"]')[0]?.trigger('click');

    // when the next poll answers with new objects of the same run
    await wrapper.setProps({ task: windowTask(), variables: { applicant: { name: '王芳' } } });

    // then the choice is still there and goes out with the submission
    await button(wrapper, '提交办理结果').trigger('click');
    await eventually(() => expect(wrapper.emitted('complete')).toHaveLength(1));
    expect(wrapper.emitted('complete')?.[0]).toEqual([
      { variables: { acceptance: { decision: 'accept', comment: '' } } },
    ]);
    wrapper.unmount();
  });
});
