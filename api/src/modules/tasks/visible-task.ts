import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../errors.ts';
import type { Principal } from '../auth/access.ts';
import { canSeeTask } from './task-access.ts';
import { UserTaskSchema, type UserTask } from './user-task.entity.ts';

/** The task, or 404 when it does not exist or belongs to groups the caller is not in. */
export async function visibleTask(em: EntityManager, id: string, principal: Principal): Promise<UserTask> {
  const task = await em.findOne(UserTaskSchema, { id });
  if (task === null || !canSeeTask(principal, task)) throw new AppError('TASK_NOT_FOUND');
  return task;
}
