import type { Execution } from './execution.ts';
import { fireTimer } from './event-triggers.ts';
import { jobBackoffElapsed, jobDeadlinePassed } from './job-commands.ts';
import { expireMessage } from './messages.ts';

/** Runs everything due at `x.now`: timers, job deadlines and backoffs, message expiry. */
export function runDueWork(x: Execution): number {
  const due = x.state.due.popDue(x.now);
  for (const entry of due) {
    switch (entry.kind) {
      case 'timer': {
        const timer = x.state.timers.get(entry.key);
        if (timer && timer.dueAt === entry.at) fireTimer(x, timer);
        break;
      }
      case 'jobDeadline':
        jobDeadlinePassed(x, entry.key, entry.at);
        break;
      case 'jobBackoff':
        jobBackoffElapsed(x, entry.key, entry.at);
        break;
      case 'messageExpiry':
        expireMessage(x, entry.key, entry.at);
        break;
    }
    x.runSteps();
  }
  return due.length;
}
