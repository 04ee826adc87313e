import { describe, expect, it } from 'vitest';
import { timeLeft, urgency } from './time-left.ts';

/** End of a Shanghai working day, as the processes' calendar sets due dates. */
const endOfShanghaiDay = (day: string) => `${day}T23:59:59+08:00`;

describe('timeLeft', () => {
  it('says nothing is due when the task has no time limit', () => {
    // given / when
    const left = timeLeft({ dueDate: null, workingDaysLeft: null }, new Date('2026-11-30T02:00:00Z'));

    // then
    expect(left).toEqual({ kind: 'none' });
    expect(urgency(left)).toBe('none');
  });

  it('counts the hours left on the day the task is due', () => {
    // given: 09:00 in Shanghai, due at the end of the day
    const now = new Date('2026-11-30T09:00:00+08:00');

    // when
    const left = timeLeft({ dueDate: endOfShanghaiDay('2026-11-30'), workingDaysLeft: 0 }, now);

    // then
    expect(left).toEqual({ kind: 'today', hours: 15 });
    expect(urgency(left)).toBe('soon');
  });

  it('counts in working days as the api does: a Friday task due on Monday has one working day left', () => {
    // given: Friday 4 December 2026, due at the end of Monday the 7th
    const now = new Date('2026-12-04T16:00:00+08:00');

    // when
    const left = timeLeft({ dueDate: endOfShanghaiDay('2026-12-07'), workingDaysLeft: 1 }, now);

    // then
    expect(left).toEqual({ kind: 'workingDays', workingDays: 1 });
    expect(urgency(left)).toBe('soon');
  });

  it('treats two or more working days left as not urgent', () => {
    // given
    const now = new Date('2026-11-30T17:00:00+08:00');

    // when
    const left = timeLeft({ dueDate: endOfShanghaiDay('2026-12-02'), workingDaysLeft: 2 }, now);

    // then
    expect(left).toEqual({ kind: 'workingDays', workingDays: 2 });
    expect(urgency(left)).toBe('ok');
  });

  it('says by how many working days a task is overdue', () => {
    // given
    const now = new Date('2026-12-03T10:00:00+08:00');

    // when
    const left = timeLeft({ dueDate: endOfShanghaiDay('2026-11-30'), workingDaysLeft: -3 }, now);

    // then
    expect(left).toEqual({ kind: 'overdue', workingDays: 3 });
    expect(urgency(left)).toBe('overdue');
  });

  it('counts a task due earlier today as overdue by hours, at least one, once the time has passed', () => {
    // given
    const task = { dueDate: '2026-11-30T12:00:00+08:00', workingDaysLeft: 0 };

    // when
    const justMissed = timeLeft(task, new Date('2026-11-30T12:10:00+08:00'));
    const later = timeLeft(task, new Date('2026-11-30T15:30:00+08:00'));

    // then
    expect(justMissed).toEqual({ kind: 'overdueToday', hours: 1 });
    expect(later).toEqual({ kind: 'overdueToday', hours: 3 });
    expect(urgency(later)).toBe('overdue');
  });

  it('shows a due time passing while the page stays open, before the next count from the api', () => {
    // given: the api counted one working day left yesterday evening; the page stayed open
    const task = { dueDate: endOfShanghaiDay('2026-11-30'), workingDaysLeft: 1 };

    // when
    const left = timeLeft(task, new Date('2026-12-01T08:00:00+08:00'));

    // then
    expect(left).toEqual({ kind: 'overdueToday', hours: 8 });
  });

  it('still says "due today" without hours when the api sends no due time', () => {
    expect(timeLeft({ dueDate: null, workingDaysLeft: 0 }, new Date())).toEqual({
      kind: 'today',
      hours: null,
    });
  });
});
