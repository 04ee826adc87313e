import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { signedInPrincipal } from '../applications/applications.routes.ts';
import { recordAudit } from '../audit/audit.ts';
import { requireGroup } from '../auth/access.ts';
import { ErrorResponse } from '../auth/auth.schemas.ts';
import { TaskIdParams } from '../tasks/tasks.schemas.ts';
import { visibleTask } from '../tasks/visible-task.ts';
import { GROUPS } from '../users/roles.ts';
import { addComment, listComments } from './comments.ts';
import { CommentBody, CommentList, CommentView } from './comments.schemas.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** Approval opinions (审批意见) on a task, kept with its application: `GET/POST /api/tasks/:id/comments`. */
export const commentsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const access = requireGroup(...GROUPS);

  fastify.get(
    '/api/tasks/:id/comments',
    {
      config: { access },
      schema: {
        tags: ['tasks'],
        summary: "Comments on the task's application, oldest first",
        params: TaskIdParams,
        response: { 200: CommentList, ...errors },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request);
      const task = await visibleTask(request.em, request.params.id, principal);
      return listComments(request.em, task);
    },
  );

  fastify.post(
    '/api/tasks/:id/comments',
    {
      config: { access },
      schema: {
        tags: ['tasks'],
        summary: 'Write a comment on the task (kept with its application)',
        params: TaskIdParams,
        body: CommentBody,
        response: { 201: CommentView, ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const task = await visibleTask(request.em, request.params.id, principal);
      const comment = await addComment(request.em, task, principal, request.body.text, new Date());
      await recordAudit(request.em, {
        actorId: principal.id,
        actorName: principal.username,
        action: 'task.comment',
        target: task.id,
        outcome: 'success',
        ip: request.ip,
        details: { applicationId: task.applicationId ?? null, commentId: comment.id },
      });
      return reply.status(201).send(comment);
    },
  );
};
