import { AppError } from '../../errors.ts';
import { addComment } from '../comments/comments.ts';
import { ApplicationEventSchema } from '../applications/application.entity.ts';
import type { CompleteContext } from './complete-task.ts';
import { UserTaskSchema, type UserTask } from './user-task.entity.ts';

/**
 * Completes a task that has no engine job (the follow-up of a low rating):
 * only the row changes. The supervisor's note becomes a comment on the
 * application and the outcome a line of its timeline. The update is
 * conditional on the task being open, so two completions cannot both pass.
 */
export async function completeFollowUp(
  task: UserTask,
  variables: Record<string, unknown>,
  context: CompleteContext,
): Promise<void> {
  const followUp = record(variables.followUp);
  await context.em.transactional(async (tx) => {
    const closed = await tx.nativeUpdate(
      UserTaskSchema,
      { id: task.id, state: 'open', assigneeId: context.principal.id },
      { state: 'completed', completedAt: context.now, completedBy: context.principal.displayName },
    );
    if (closed === 0) throw new AppError('TASK_CLOSED');
    if (typeof followUp.note === 'string' && followUp.note !== '')
      await addComment(tx, task, context.principal, followUp.note, context.now);
    if (task.applicationId !== null && task.applicationId !== undefined) {
      await tx.insert(ApplicationEventSchema, {
        applicationId: task.applicationId,
        at: context.now,
        event: 'rating.followed_up',
        by: context.principal.displayName,
        details: { task: task.name, outcome: typeof followUp.outcome === 'string' ? followUp.outcome : null },
      });
    }
  });
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : {};
}
