import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { openApplicationData } from '../applications/application-data.ts';
import { ApplicationEventSchema } from '../applications/application.entity.ts';
import { signedInPrincipal } from '../applications/applications.routes.ts';
import { recordAudit } from '../audit/audit.ts';
import { listComments } from '../comments/comments.ts';
import { requireGroup, type Principal } from '../auth/access.ts';
import { ErrorResponse } from '../auth/auth.schemas.ts';
import { workingDaysLeft } from '../calendar/working-days-left.ts';
import { GROUPS } from '../users/roles.ts';
import { completeTask } from './complete-task.ts';
import { checkReturnFields, returnFieldsOf } from './return-fields.ts';
import { readingGroups, taskData, taskDataScope } from './task-access.ts';
import { fullIdNumberRoles } from './task-id-numbers.ts';
import { recordTaskRead } from './task-read.ts';
import { taskForm, type TaskForm } from './task-form.ts';
import { listTasks } from './task-list.ts';
import { visibleTask } from './visible-task.ts';
import {
  CompleteBody,
  ReturnBody,
  TaskDetail,
  TaskIdParams,
  TaskList,
  TaskListQuery,
} from './tasks.schemas.ts';
import { UserTaskSchema, type UserTask } from './user-task.entity.ts';

export { TASK_LIST_LIMIT } from './task-list.ts';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

/**
 * The tasks of the groups: list, detail, claim, unclaim, complete, return.
 * Access is by group membership (clerks of the window and the departments,
 * supervisors): each task is then visible only to its candidate groups.
 */
export const tasksRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const access = requireGroup(...GROUPS);

  /** Completes the task's job with the variables, then audits it as `action`. */
  const finishTask = async (
    request: FastifyRequest,
    task: UserTask,
    form: TaskForm | undefined,
    principal: Principal,
    variables: Record<string, unknown>,
    action: 'task.complete' | 'task.return',
    returnedFields: readonly string[] = [],
  ): Promise<void> => {
    await completeTask(task, form, variables, {
      em: request.em,
      zeebe: () => fastify.zeebe(),
      principal,
      now: new Date(),
      jobVariables: openApplicationData(fastify.personalData, task.variablesCipher),
      returnedFields,
    });
    await recordAudit(request.em, {
      actorId: principal.id,
      actorName: principal.username,
      action,
      target: task.id,
      outcome: 'success',
      ip: request.ip,
      details: { applicationId: task.applicationId ?? null },
    });
  };

  fastify.get(
    '/api/tasks',
    {
      config: { access },
      schema: {
        tags: ['tasks'],
        summary: 'Tasks of my groups, a page at a time (next page: the x-next-cursor header)',
        querystring: TaskListQuery,
        response: { 200: TaskList, ...errors },
      },
    },
    async (request, reply) => {
      const page = await listTasks(request.em, signedInPrincipal(request), request.query);
      if (page.nextCursor !== undefined) reply.header('x-next-cursor', page.nextCursor);
      const now = new Date();
      return page.tasks.map((task) => summary(task, now));
    },
  );

  fastify.get(
    '/api/tasks/:id',
    {
      config: { access },
      schema: {
        tags: ['tasks'],
        summary: 'A task with its form, data and history',
        params: TaskIdParams,
        response: { 200: TaskDetail, ...errors },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request);
      const task = await visibleTask(request.em, request.params.id, principal);
      const variables = openApplicationData(fastify.personalData, task.variablesCipher);
      const history =
        task.applicationId === null || task.applicationId === undefined
          ? []
          : await request.em.find(
              ApplicationEventSchema,
              { applicationId: task.applicationId },
              { orderBy: { at: 'asc', id: 'asc' } },
            );
      const data = taskData(variables, principal, task);
      await recordTaskRead(request.em, fastify.catalogue, {
        principal,
        task,
        data,
        fullIdNumberRoles: fullIdNumberRoles(readingGroups(principal, task)),
        ip: request.ip,
      });
      const form = await taskForm(task, { em: request.em, catalogue: fastify.catalogue });
      return {
        ...summary(task, new Date()),
        form: form?.form ?? null,
        returnFields: returnFieldsOf(form, fastify.catalogue, taskDataScope(principal, task)),
        data,
        comments: await listComments(request.em, task),
        history: history.map((event) => ({
          at: event.at.toISOString(),
          event: event.event,
          by: event.by ?? null,
        })),
      };
    },
  );

  fastify.post(
    '/api/tasks/:id/claim',
    {
      config: { access },
      schema: {
        tags: ['tasks'],
        summary: 'Take a task',
        params: TaskIdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const task = await visibleTask(request.em, request.params.id, principal);
      const claimed = await request.em.nativeUpdate(
        UserTaskSchema,
        { id: task.id, state: 'open', $or: [{ assigneeId: null }, { assigneeId: principal.id }] },
        { assigneeId: principal.id, assigneeName: principal.displayName },
      );
      if (claimed === 0) throw new AppError(task.state === 'open' ? 'TASK_CLAIMED_BY_OTHER' : 'TASK_CLOSED');
      return reply.status(204).send(null);
    },
  );

  fastify.post(
    '/api/tasks/:id/unclaim',
    {
      config: { access },
      schema: {
        tags: ['tasks'],
        summary: 'Give a task back to the group',
        params: TaskIdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const task = await visibleTask(request.em, request.params.id, principal);
      const released = await request.em.nativeUpdate(
        UserTaskSchema,
        { id: task.id, state: 'open', assigneeId: principal.id },
        { assigneeId: null, assigneeName: null },
      );
      if (released === 0)
        throw new AppError(task.state === 'open' ? 'TASK_NOT_ASSIGNED_TO_YOU' : 'TASK_CLOSED');
      return reply.status(204).send(null);
    },
  );

  fastify.post(
    '/api/tasks/:id/complete',
    {
      config: { access },
      schema: {
        tags: ['tasks'],
        summary: 'Complete my task with the values of its form',
        params: TaskIdParams,
        body: CompleteBody,
        response: { 204: Type.Null(), ...errors, 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const task = await visibleTask(request.em, request.params.id, principal);
      const form = await taskForm(task, { em: request.em, catalogue: fastify.catalogue });
      await finishTask(request, task, form, principal, { ...request.body.variables }, 'task.complete');
      return reply.status(204).send(null);
    },
  );

  fastify.post(
    '/api/tasks/:id/return',
    {
      config: { access },
      schema: {
        tags: ['tasks'],
        summary: 'Return the application to the citizen for correction (acceptance task only)',
        params: TaskIdParams,
        body: ReturnBody,
        response: { 204: Type.Null(), ...errors, 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const task = await visibleTask(request.em, request.params.id, principal);
      const form = await taskForm(task, { em: request.em, catalogue: fastify.catalogue });
      const returnable = returnFieldsOf(form, fastify.catalogue, taskDataScope(principal, task));
      if (returnable === null) throw new AppError('TASK_NOT_RETURNABLE');
      const fields = [...new Set(request.body.fields ?? [])];
      const unknown = checkReturnFields(fields, returnable, form?.bundle?.version ?? null);
      if (unknown !== undefined) throw new AppError('VALIDATION_FAILED', { fields: unknown });
      await finishTask(
        request,
        task,
        form,
        principal,
        { acceptance: { decision: 'return', reason: request.body.reason } },
        'task.return',
        fields,
      );
      return reply.status(204).send(null);
    },
  );
};

function summary(task: Omit<UserTask, 'variablesCipher'>, now: Date) {
  return {
    id: task.id,
    name: task.name,
    state: task.state,
    bundleKey: task.bundleKey ?? null,
    applicationId: task.applicationId ?? null,
    candidateGroups: [...task.candidateGroups],
    assignee: task.assigneeName ?? null,
    assigneeId: task.assigneeId ?? null,
    dueDate: task.dueDate ? task.dueDate.toISOString() : null,
    workingDaysLeft: task.dueDate ? workingDaysLeft(now, task.dueDate) : null,
    createdAt: task.createdAt.toISOString(),
  };
}
