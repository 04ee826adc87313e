import type { FastifyInstance } from 'fastify';
import type { RegistryContext } from '../shared/registry-context.ts';
import { registerWriteOperation } from '../shared/write-operation.ts';
import { registerBirth } from './birth-registrations.ts';
import { registerCivilQueries } from './civil-queries.ts';
import { cancelHousehold } from './household-cancellations.ts';

/** 民政 / 户籍: persons, households, marriages, births and deaths. */
export function registerCivilRoutes(app: FastifyInstance, ctx: RegistryContext): void {
  registerWriteOperation(app, ctx, registerBirth);
  registerWriteOperation(app, ctx, cancelHousehold);
  registerCivilQueries(app, ctx);
}
