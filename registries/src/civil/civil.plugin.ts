import type { FastifyInstance } from 'fastify';
import type { RegistryContext } from '../shared/registry-context.ts';
import { registerWriteOperation, type AnyWriteOperation } from '../shared/write-operation.ts';
import { registerBirth } from './birth-registrations.ts';
import { registerCivilQueries } from './civil-queries.ts';
import { cancelHousehold } from './household-cancellations.ts';

/** The civil registry's department operations (OPERATIONS.md). */
export const CIVIL_OPERATIONS: readonly AnyWriteOperation[] = [registerBirth, cancelHousehold];

/** 民政 / 户籍: persons, households, marriages, births and deaths. */
export function registerCivilRoutes(app: FastifyInstance, ctx: RegistryContext): void {
  for (const operation of CIVIL_OPERATIONS) registerWriteOperation(app, ctx, operation);
  registerCivilQueries(app, ctx);
}
