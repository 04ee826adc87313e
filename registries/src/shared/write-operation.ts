import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import {
  errorBody,
  reject,
  UpstreamUnavailableError,
  type BusinessCode,
  type FieldErrors,
  type Outcome,
  type Rejection,
} from '../errors.ts';
import { isUniqueViolation } from './db.ts';
import { claimKey, completeKey, releaseKey, requestHash } from './idempotency.ts';
import type { RegistryContext } from './registry-context.ts';

export type JsonSchema = Record<string, unknown>;
export type Response = Record<string, unknown>;

/**
 * One department operation (OPERATIONS.md): validated by its JSON schema and
 * `check`, then `prepare` reads what it needs (other registries' queries) outside
 * the write transaction, then `commit` writes in one transaction with the stored
 * idempotent answer.
 */
export interface WriteOperation<B, P> {
  readonly name: string;
  readonly path: string;
  readonly body: JsonSchema;
  /** The business codes this operation may answer with, as OPERATIONS.md lists them. */
  readonly rejections: readonly BusinessCode[];
  /** Checks JSON schema cannot express (check digits, date order); problems by field. */
  // Method signatures (bivariant parameters) so operations of different bodies share one list type.
  check?(body: B, ctx: RegistryContext): FieldErrors;
  prepare(body: B, ctx: RegistryContext): Promise<Outcome<P>>;
  commit(tx: pg.PoolClient, body: B, prepared: P, ctx: RegistryContext): Promise<Outcome<Response>>;
  /** The rejection when a unique constraint trips because a concurrent request wrote the same thing. */
  readonly duplicate?: BusinessCode;
}

/** Any operation, for lists of a registry's operations. */
export type AnyWriteOperation = WriteOperation<unknown, unknown>;

const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

export function registerWriteOperation<B, P>(
  app: FastifyInstance,
  ctx: RegistryContext,
  op: WriteOperation<B, P>,
): void {
  const options = { schema: { body: op.body }, bodyLimit: 64 * 1024, preValidation: dropNulls };
  app.post(op.path, options, async (request, reply) => {
    // fastify has validated the body against `op.body` before this handler runs; B is that schema's type.
    const body = request.body as B;
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY_SHAPE.test(key))
      return reply.code(400).send(errorBody('IDEMPOTENCY_KEY_MISSING'));
    const problems = op.check?.(body, ctx) ?? {};
    if (Object.keys(problems).length > 0)
      return reply.code(400).send(errorBody('INVALID_INPUT', undefined, problems));

    const claim = await claimKey(
      ctx.pool,
      ctx.schema,
      key,
      requestHash(op.name, body),
      ctx.idempotencyLeaseMs,
    );
    if (claim.kind === 'replay')
      return reply.code(claim.status).header('idempotency-replayed', 'true').send(claim.body);
    if (claim.kind === 'reused') return reply.code(422).send(errorBody('IDEMPOTENCY_KEY_REUSED'));
    if (claim.kind === 'in-progress') return reply.code(409).send(errorBody('IDEMPOTENCY_IN_PROGRESS'));

    let answer: Answer;
    try {
      answer = await execute(ctx, op, body, key);
      if (answer.rejected && !op.rejections.includes(answer.rejected)) {
        request.log.error(
          { operation: op.name, code: answer.rejected },
          'rejection code missing from the operation contract',
        );
      }
    } catch (error) {
      await releaseKey(ctx.pool, ctx.schema, key);
      if (error instanceof UpstreamUnavailableError) {
        request.log.warn({ err: error }, 'registry consulted is unavailable');
        return reply.code(503).send(errorBody('UPSTREAM_UNAVAILABLE', error.message));
      }
      throw error;
    }
    if (await ctx.faults.loseResponse()) return reply.code(504).send(errorBody('REGISTRY_TIMEOUT'));
    return reply.code(answer.status).send(answer.body);
  });
}

/**
 * A process variable that is not set maps to `null`; a `null` field means "not
 * given", so optional fields may come from input mappings of empty form fields.
 */
async function dropNulls(request: FastifyRequest): Promise<void> {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
  request.body = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly rejected?: BusinessCode;
}

async function execute<B, P>(
  ctx: RegistryContext,
  op: WriteOperation<B, P>,
  body: B,
  key: string,
): Promise<Answer> {
  const prepared = await op.prepare(body, ctx);
  if (!prepared.ok) return storeRejection(ctx, key, prepared.rejection);
  const client = await ctx.pool.connect();
  let outcome: Outcome<Response>;
  try {
    await client.query('begin');
    outcome = await op.commit(client, body, prepared.value, ctx);
    if (outcome.ok) {
      await completeKey(client, ctx.schema, key, 201, outcome.value);
      await client.query('commit');
    } else {
      await client.query('rollback');
    }
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    if (isUniqueViolation(error) && op.duplicate) return storeRejection(ctx, key, reject(op.duplicate));
    throw error;
  } finally {
    client.release();
  }
  if (!outcome.ok) return storeRejection(ctx, key, outcome.rejection);
  return { status: 201, body: outcome.value };
}

/** A business rejection is final: stored like a success, so a retry with the key gets the same answer. */
async function storeRejection(ctx: RegistryContext, key: string, rejection: Rejection): Promise<Answer> {
  const body = errorBody(rejection.code, rejection.message);
  await completeKey(ctx.pool, ctx.schema, key, 422, body);
  return { status: 422, body, rejected: rejection.code };
}
