import type { Zeebe } from '@camunda8/sdk';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../../errors.ts';
import { DryRunTaskSchema } from './dry-run-task.entity.ts';
import { DryRunSchema, type DryRun, type DryRunCancelReason } from './dry-run.entity.ts';

const GRPC_NOT_FOUND = 5;

export interface CancelDryRunContext {
  em: EntityManager;
  zeebe: () => Zeebe.ZeebeGrpcClient;
  now: Date;
  reason: DryRunCancelReason;
}

/**
 * Cancels a dry run's instance (what the registries already registered
 * stays: they are the sandbox's) and closes its open tasks, recording why.
 * An instance that has ended is DRY_RUN_ENDED: the run is recorded as
 * completed, and nothing else changes.
 */
export async function cancelDryRun(run: DryRun, context: CancelDryRunContext): Promise<void> {
  if (run.state !== 'running') throw new AppError('DRY_RUN_ENDED');
  try {
    await context.zeebe().cancelProcessInstance(run.processInstanceKey);
  } catch (error) {
    if (grpcCode(error) === GRPC_NOT_FOUND) {
      await context.em.nativeUpdate(DryRunSchema, { id: run.id, state: 'running' }, { state: 'completed' });
      throw new AppError('DRY_RUN_ENDED');
    }
    throw Object.assign(new AppError('ENGINE_UNAVAILABLE'), { cause: error });
  }
  await context.em.nativeUpdate(
    DryRunSchema,
    { id: run.id },
    { state: 'cancelled', cancelledAt: context.now, cancelReason: context.reason },
  );
  await context.em.nativeUpdate(
    DryRunTaskSchema,
    { processInstanceKey: run.processInstanceKey, state: 'open' },
    { state: 'cancelled' },
  );
}

function grpcCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}
