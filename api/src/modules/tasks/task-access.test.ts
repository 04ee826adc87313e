import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/access.ts';
import { canSeeTask, completionVariables, taskDataScope } from './task-access.ts';

const clerk = (groups: Principal['groups']): Principal => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: 'clerk',
  displayName: 'Clerk',
  roles: ['clerk'],
  groups,
});

describe('task access', () => {
  it('lets a clerk see only the tasks of their groups', () => {
    expect(canSeeTask(clerk(['window']), { candidateGroups: ['window'] })).toBe(true);
    expect(canSeeTask(clerk(['hr']), { candidateGroups: ['window'] })).toBe(false);
  });

  it('gives the window all of the data and a department its own share', () => {
    expect(taskDataScope(clerk(['window']), { candidateGroups: ['window'] })).toBe('all');
    expect(taskDataScope(clerk(['tax', 'hr']), { candidateGroups: ['tax'] })).toEqual(['tax']);
  });

  it('completes with the form own fields only, never with the data it shows', () => {
    const variables = completionVariables(['review.decision', 'review.comment'], {
      review: { decision: 'approve', comment: 'ok' },
      child: { name: '张思远' },
    });
    expect(variables).toEqual({ review: { decision: 'approve', comment: 'ok' } });
  });
});
