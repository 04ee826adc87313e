import { describe, expect, it } from 'vitest';
import type { TaskDetail } from '../api/task.types.ts';
import { availableActions, completionVariables, isReturnable, taskRelation } from './task-actions.ts';

const me = { id: 'u-3', readsApplications: true };

const acceptanceForm = {
  components: [
    { type: 'text', id: 'Text_Heading', text: '## 综窗受理' },
    { type: 'textfield', id: 'Field_child_name', key: 'child.name', readonly: true },
    {
      type: 'radio',
      id: 'Field_acceptance_decision',
      key: 'acceptance.decision',
      values: [{ value: 'accept' }, { value: 'return' }, { value: 'reject' }],
    },
    { type: 'textarea', id: 'Field_acceptance_reason', key: 'acceptance.reason' },
  ],
};

const reviewForm = {
  components: [
    {
      type: 'group',
      id: 'Group_Review',
      components: [
        {
          type: 'radio',
          id: 'Field_review_decision',
          key: 'review.decision',
          values: [{ value: 'approve' }],
        },
        { type: 'textfield', id: 'Field_case', key: 'caseNumber', disabled: true },
      ],
    },
  ],
};

function task(overrides: Partial<Pick<TaskDetail, 'state' | 'assigneeId'>>) {
  return { state: 'open' as const, assigneeId: null, ...overrides };
}

describe('task actions', () => {
  it('offers an unassigned task to be claimed, and nothing else but a comment', () => {
    // given
    const relation = taskRelation(task({}), me);

    // when
    const actions = availableActions({ relation, returnable: true, busy: null });

    // then
    expect(relation).toBe('unassigned');
    expect(actions).toEqual(['claim', 'comment']);
  });

  it('lets the assignee complete, return, give back and comment on their task', () => {
    // given
    const relation = taskRelation(task({ assigneeId: 'u-3' }), me);

    // when / then
    expect(relation).toBe('mine');
    expect(availableActions({ relation, returnable: true, busy: null })).toEqual([
      'complete',
      'return',
      'unclaim',
      'comment',
    ]);
    expect(availableActions({ relation, returnable: false, busy: null })).toEqual([
      'complete',
      'unclaim',
      'comment',
    ]);
  });

  it('leaves a task another clerk holds read-only apart from comments, even when they share my name', () => {
    // given: the api names both clerks 综窗受理员; only the ids tell them apart
    const colleague = { ...task({ assigneeId: 'u-7' }), assignee: '综窗受理员' };
    const relation = taskRelation(colleague, me);

    // when / then
    expect(relation).toBe('others');
    expect(availableActions({ relation, returnable: true, busy: null })).toEqual(['comment']);
  });

  it('offers nothing on a completed or cancelled task', () => {
    for (const state of ['completed', 'cancelled'] as const) {
      const relation = taskRelation(task({ state, assigneeId: 'u-3' }), me);
      expect(relation).toBe('closed');
      expect(availableActions({ relation, returnable: true, busy: null })).toEqual([]);
    }
  });

  it('starts nothing else while an action is in flight', () => {
    expect(availableActions({ relation: 'mine', returnable: true, busy: 'complete' })).toEqual([]);
  });

  it('treats a task as returnable only when its form offers the "return" acceptance decision', () => {
    expect(isReturnable({ form: acceptanceForm })).toBe(true);
    expect(isReturnable({ form: reviewForm })).toBe(false);
    expect(isReturnable({ form: null })).toBe(false);
  });

  it('sends back only the values of the fields the clerk edits, also inside groups', () => {
    // given: what the form-js viewer submits, read-only data included
    const submitted = {
      child: { name: '陈思远' },
      acceptance: { decision: 'accept', reason: '' },
      review: { decision: 'approve' },
      caseNumber: 'X-1',
    };

    // when / then
    expect(completionVariables(acceptanceForm, submitted)).toEqual({
      acceptance: { decision: 'accept', reason: '' },
    });
    expect(completionVariables(reviewForm, submitted)).toEqual({ review: { decision: 'approve' } });
  });
});
