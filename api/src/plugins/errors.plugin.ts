import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldErrors } from '../errors.ts';

/**
 * The one error handler: coded errors keep their code and status; fastify's
 * own errors (validation, body parsing, media type, size) are mapped to
 * catalog codes; anything else is a 500 whose details stay in the log.
 */
export const errorsPlugin = fp(
  async (fastify: FastifyInstance) => {
    fastify.setErrorHandler(async (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
      const appError = toAppError(error);
      if (appError.status >= 500) {
        request.log.error({ err: error }, 'request failed');
      } else {
        request.log.info({ code: appError.code, status: appError.status }, 'request refused');
      }
      if (appError.retryAfter !== undefined) reply.header('retry-after', String(appError.retryAfter));
      return reply.status(appError.status).type('application/json; charset=utf-8').send(appError.toBody());
    });
  },
  { name: 'onething-errors' },
);

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (!isFastifyError(error)) return new AppError('INTERNAL');
  if (error.validation !== undefined) {
    return new AppError('VALIDATION_FAILED', { fields: validationFields(error) });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  // JSON.parse errors reach here without a fastify code on some paths.
  if (error instanceof SyntaxError && error.statusCode === 400) return new AppError('MALFORMED_JSON');
  if (error.statusCode === 404) return new AppError('NOT_FOUND');
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('BAD_REQUEST');
  }
  return new AppError('INTERNAL');
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && ('code' in error || 'statusCode' in error || 'validation' in error);
}

function validationFields(error: FastifyError): FieldErrors {
  const fields: FieldErrors = {};
  const context = error.validationContext;
  for (const issue of error.validation ?? []) {
    const segments = issue.instancePath.split('/').filter((segment) => segment !== '');
    const missing = issue.params['missingProperty'];
    if (typeof missing === 'string') segments.push(missing);
    const additional = issue.params['additionalProperty'];
    if (typeof additional === 'string') segments.push(additional);
    const path =
      [...(context && context !== 'body' ? [context] : []), ...segments].join('.') || (context ?? 'body');
    fields[path] ??= issue.message ?? 'is not valid';
  }
  return fields;
}
