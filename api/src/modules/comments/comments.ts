import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/access.ts';
import { CommentSchema, type Comment } from './comment.entity.ts';

export interface CommentView {
  id: string;
  at: string;
  author: string;
  authorName: string;
  group: string;
  text: string;
}

/** The task a comment is written on: its application (if any) keeps the comments. */
export interface CommentedTask {
  id: string;
  applicationId?: string | null;
  candidateGroups: readonly string[];
}

/** Comments of the task's application, oldest first (of the task alone when it has no application). */
export async function listComments(em: EntityManager, task: CommentedTask): Promise<CommentView[]> {
  const where =
    task.applicationId === null || task.applicationId === undefined
      ? { taskId: task.id }
      : { applicationId: task.applicationId };
  const rows = await em.find(CommentSchema, where, { orderBy: { at: 'asc', id: 'asc' } });
  return rows.map(commentView);
}

/** Comments of an application, oldest first (staff views of the application). */
export async function applicationComments(em: EntityManager, applicationId: string): Promise<CommentView[]> {
  const rows = await em.find(CommentSchema, { applicationId }, { orderBy: { at: 'asc', id: 'asc' } });
  return rows.map(commentView);
}

/** Writes a comment by the principal on the task, in the group of theirs that the task belongs to. */
export async function addComment(
  em: EntityManager,
  task: CommentedTask,
  principal: Principal,
  text: string,
  at: Date,
): Promise<CommentView> {
  const group = principal.groups.find((candidate) => task.candidateGroups.includes(candidate));
  if (group === undefined) throw new Error('a comment by someone outside the task groups');
  const row = {
    id: randomUUID(),
    applicationId: task.applicationId ?? null,
    taskId: task.id,
    at,
    authorId: principal.id,
    author: principal.username,
    authorName: principal.displayName,
    group,
    text,
  };
  await em.insert(CommentSchema, row);
  return commentView(row);
}

function commentView(row: Pick<Comment, 'id' | 'at' | 'author' | 'authorName' | 'group' | 'text'>) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    author: row.author,
    authorName: row.authorName,
    group: row.group,
    text: row.text,
  };
}
