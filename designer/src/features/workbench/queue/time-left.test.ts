import { describe, expect, it } from 'vitest';
import { shanghaiDay, timeLeft, urgency } from './time-left.ts';

/** End of a Shanghai working day, as the processes' calendar sets due dates. */
const endOfShanghaiDay = (day: string) => `${day}T23:59:59+08:00`;

describe('timeLeft', () => {
  it('says nothing is due when the task has no due date', () => {
    // given / when
    const left = timeLeft(null, new Date('2026-11-30T02:00:00Z'));

    // then
    expect(left).toEqual({ kind: 'none' });
    expect(urgency(left)).toBe('none');
  });

  it('counts the hours left on the day the task is due, on the Shanghai calendar', () => {
    // given: 09:00 in Shanghai is 01:00 UTC, the due date ends the Shanghai day
    const now = new Date('2026-11-30T01:00:00Z');

    // when
    const left = timeLeft(endOfShanghaiDay('2026-11-30'), now);

    // then
    expect(left).toEqual({ kind: 'today', hours: 15 });
    expect(urgency(left)).toBe('soon');
  });

  it('still says "today" late in the UTC day while Shanghai has not reached the due day end', () => {
    // given: 23:30 UTC on the 29th is 07:30 on the 30th in Shanghai
    const now = new Date('2026-11-29T23:30:00Z');

    // when / then
    expect(timeLeft(endOfShanghaiDay('2026-11-30'), now).kind).toBe('today');
  });

  it('calls a task due at the end of the next day due tomorrow and urgent', () => {
    // given
    const now = new Date('2026-11-30T08:00:00+08:00');

    // when
    const left = timeLeft(endOfShanghaiDay('2026-12-01'), now);

    // then
    expect(left).toEqual({ kind: 'tomorrow' });
    expect(urgency(left)).toBe('soon');
  });

  it('counts whole days further out and treats them as not urgent', () => {
    // given
    const now = new Date('2026-11-30T17:00:00+08:00');

    // when
    const left = timeLeft(endOfShanghaiDay('2026-12-04'), now);

    // then
    expect(left).toEqual({ kind: 'days', days: 4 });
    expect(urgency(left)).toBe('ok');
  });

  it('says by how many days a task is overdue', () => {
    // given
    const now = new Date('2026-12-03T10:00:00+08:00');

    // when
    const left = timeLeft(endOfShanghaiDay('2026-11-30'), now);

    // then
    expect(left).toEqual({ kind: 'overdue', days: 3, hours: 58 });
    expect(urgency(left)).toBe('overdue');
  });

  it('counts a task due earlier the same day as overdue by hours, at least one', () => {
    // given
    const due = '2026-11-30T12:00:00+08:00';

    // when
    const justMissed = timeLeft(due, new Date('2026-11-30T12:10:00+08:00'));
    const later = timeLeft(due, new Date('2026-11-30T15:30:00+08:00'));

    // then
    expect(justMissed).toEqual({ kind: 'overdue', days: 0, hours: 1 });
    expect(later).toEqual({ kind: 'overdue', days: 0, hours: 3 });
  });

  it('treats an unreadable due date as no due date rather than as overdue', () => {
    expect(timeLeft('not a date', new Date())).toEqual({ kind: 'none' });
  });
});

describe('shanghaiDay', () => {
  it('changes at midnight in Shanghai, not at midnight UTC', () => {
    expect(shanghaiDay(new Date('2026-11-30T15:59:59Z'))).toBe(shanghaiDay(new Date('2026-11-30T00:00:00Z')));
    expect(shanghaiDay(new Date('2026-11-30T16:00:00Z'))).toBe(
      shanghaiDay(new Date('2026-11-30T00:00:00Z')) + 1,
    );
  });
});
