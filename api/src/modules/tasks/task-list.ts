import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../errors.ts';
import type { Principal } from '../auth/access.ts';
import { canSeeTask, type TaskListState } from './task-access.ts';
import { UserTaskSchema, type UserTask } from './user-task.entity.ts';

export const TASK_LIST_LIMIT = 200;

export interface TaskListQuery {
  state?: TaskListState | undefined;
  /** Page size, 1 … TASK_LIST_LIMIT (default). */
  limit?: number | undefined;
  /** `nextCursor` of the page before. */
  cursor?: string | undefined;
}

/** A task as a list has it: without its encrypted variables. */
export type TaskListItem = Omit<UserTask, 'variablesCipher'>;

export interface TaskPage {
  tasks: TaskListItem[];
  /** Where the next page starts; undefined on the last page. */
  nextCursor: string | undefined;
}

/**
 * A page of the tasks of the clerk's groups: open ones oldest first (`open`,
 * `mine`), completed ones newest first (`done`). Pages are keyset pages on
 * (time, id), so a page costs the same at any depth and tasks created
 * meanwhile neither repeat nor go missing; each order has its partial index
 * (user-task.entity.ts). The encrypted variables are not read for a list.
 */
export async function listTasks(
  em: EntityManager,
  principal: Principal,
  query: TaskListQuery,
): Promise<TaskPage> {
  const state = query.state ?? 'open';
  const limit = Math.min(query.limit ?? TASK_LIST_LIMIT, TASK_LIST_LIMIT);
  const after = query.cursor === undefined ? undefined : parseCursor(query.cursor);
  const groups = { candidateGroups: { $overlap: [...principal.groups] } };
  const done = state === 'done';
  const base =
    state === 'mine'
      ? { ...groups, state: 'open' as const, assigneeId: principal.id }
      : done
        ? { ...groups, state: 'completed' as const }
        : { ...groups, state: 'open' as const };
  const time = done ? 'completedAt' : 'createdAt';
  const keyset =
    after === undefined
      ? {}
      : done
        ? { $or: [{ [time]: { $lt: after.at } }, { [time]: after.at, id: { $lt: after.id } }] }
        : { $or: [{ [time]: { $gt: after.at } }, { [time]: after.at, id: { $gt: after.id } }] };
  const rows = await em.find(
    UserTaskSchema,
    { ...base, ...keyset },
    {
      orderBy: done ? { completedAt: 'desc', id: 'desc' } : { createdAt: 'asc', id: 'asc' },
      limit,
      exclude: ['variablesCipher'],
    },
  );
  const last = rows.at(-1);
  const lastAt = last === undefined ? undefined : done ? last.completedAt : last.createdAt;
  return {
    tasks: rows.filter((task) => canSeeTask(principal, task)),
    nextCursor:
      rows.length === limit && last !== undefined && lastAt !== undefined && lastAt !== null
        ? formatCursor(lastAt, last.id)
        : undefined,
  };
}

function formatCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (id === undefined || !UUID.test(id) || Number.isNaN(at.getTime()))
    throw new AppError('VALIDATION_FAILED', { fields: { cursor: 'is not a cursor of this list' } });
  return { at, id };
}
