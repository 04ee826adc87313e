import { describe, expect, it } from 'vitest';
import { editableKeys, nextStatus } from './complete-task.ts';

describe('completing a task', () => {
  it('moves the application on by the acceptance decision and the delivery', () => {
    expect(nextStatus('window-accept', 'accept')).toBe('accepted');
    expect(nextStatus('window-accept', 'return')).toBe('returned');
    expect(nextStatus('window-accept', 'reject')).toBe('rejected');
    expect(nextStatus('deliver-results', undefined)).toBe('completed');
    expect(nextStatus('review-birth-certificate', undefined)).toBeUndefined();
  });

  it('takes only the fields a clerk fills in, not the read-only data a form shows', () => {
    const keys = editableKeys([
      { type: 'text', text: '# 审核' },
      { type: 'textfield', key: 'child.name', readonly: true },
      {
        type: 'group',
        components: [
          { type: 'radio', key: 'review.decision' },
          { type: 'textarea', key: 'review.comment', disabled: true },
        ],
      },
    ]);
    expect(keys).toEqual(['review.decision']);
  });
});
