import type { FastifyInstance } from 'fastify';
import type { RegistryContext } from '../shared/registry-context.ts';
import { registerWriteOperation, type AnyWriteOperation } from '../shared/write-operation.ts';
import { issueBirthCertificate } from './birth-certificates.ts';
import { issueDeathCertificate } from './death-certificates.ts';
import { registerHealthQueries } from './health-queries.ts';
import { createVaccinationRecord } from './vaccination-records.ts';

/** The health registry's department operations (OPERATIONS.md). */
export const HEALTH_OPERATIONS: readonly AnyWriteOperation[] = [
  issueBirthCertificate,
  createVaccinationRecord,
  issueDeathCertificate,
];

/** 卫健: birth and death medical certificates, vaccination records. */
export function registerHealthRoutes(app: FastifyInstance, ctx: RegistryContext): void {
  for (const operation of HEALTH_OPERATIONS) registerWriteOperation(app, ctx, operation);
  registerHealthQueries(app, ctx);
}
