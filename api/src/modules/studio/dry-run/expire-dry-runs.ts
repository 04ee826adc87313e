import type { Zeebe } from '@camunda8/sdk';
import { LockMode } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { AppError } from '../../../errors.ts';
import type { Orm } from '../../../orm.ts';
import { recordAudit } from '../../audit/audit.ts';
import { cancelDryRun } from './cancel-dry-run.ts';
import { DryRunTaskSchema } from './dry-run-task.entity.ts';
import { DryRunSchema } from './dry-run.entity.ts';

export interface ExpireDryRunsOptions {
  orm: Orm;
  zeebe: () => Zeebe.ZeebeGrpcClient;
  /** A running dry run without the designer's activity for this long expires. */
  maxIdleMs: number;
  now: Date;
  /** Runs looked at per call. */
  limit: number;
  logger?: Logger;
}

export interface ExpireDryRunsResult {
  /** Cancelled with reason `expired`. */
  expired: number;
  /** Had ended meanwhile in the engine: recorded as completed, their leftover tasks closed. */
  ended: number;
  /** The engine did not answer: left for the next call. */
  failed: number;
  /** A full page: more may be waiting. */
  more: boolean;
}

/**
 * Cancels abandoned dry runs: running, and neither started nor acted on
 * (a task completed) for `maxIdleMs`. Each is cancelled exactly as the
 * designer's `DELETE` does (instance cancelled, open tasks closed), with the
 * reason `expired`, and audited. The page is taken `FOR UPDATE SKIP LOCKED`
 * in one transaction, so api processes running this side by side share the
 * work and never cancel a run twice; a run already cancelled or ended is
 * not running any more, so calling it again changes nothing.
 */
export async function expireDryRuns(options: ExpireDryRunsOptions): Promise<ExpireDryRunsResult> {
  const cutoff = new Date(options.now.getTime() - options.maxIdleMs);
  return options.orm.em.fork().transactional(async (tx) => {
    const runs = await tx.find(
      DryRunSchema,
      { state: 'running', lastActivityAt: { $lt: cutoff } },
      {
        orderBy: { lastActivityAt: 'asc', id: 'asc' },
        limit: options.limit,
        lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
      },
    );
    const result: ExpireDryRunsResult = {
      expired: 0,
      ended: 0,
      failed: 0,
      more: runs.length === options.limit,
    };
    for (const run of runs) {
      try {
        await cancelDryRun(run, { em: tx, zeebe: options.zeebe, now: options.now, reason: 'expired' });
        result.expired += 1;
        await recordAudit(
          tx,
          {
            actorName: 'system',
            action: 'studio.dry-run.expire',
            target: run.bundleKey,
            outcome: 'success',
            details: { dryRun: run.id, idleSince: run.lastActivityAt.toISOString() },
          },
          options.now,
        );
      } catch (error) {
        if (error instanceof AppError && error.code === 'DRY_RUN_ENDED') {
          // The instance is gone: its tasks can no longer be completed.
          await tx.nativeUpdate(
            DryRunTaskSchema,
            { processInstanceKey: run.processInstanceKey, state: 'open' },
            { state: 'cancelled' },
          );
          result.ended += 1;
          continue;
        }
        result.failed += 1;
        options.logger?.warn(
          { err: error, dryRun: run.id },
          'an abandoned dry run could not be cancelled; trying again later',
        );
      }
    }
    if (result.expired > 0 || result.ended > 0)
      options.logger?.info({ expired: result.expired, ended: result.ended }, 'abandoned dry runs cancelled');
    return { ...result, more: result.more && result.failed === 0 };
  });
}
