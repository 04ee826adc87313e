import type { FastifyInstance } from 'fastify';
import type { RegistryContext } from '../shared/registry-context.ts';
import { registerWriteOperation } from '../shared/write-operation.ts';
import { issueBirthCertificate } from './birth-certificates.ts';
import { issueDeathCertificate } from './death-certificates.ts';
import { registerHealthQueries } from './health-queries.ts';
import { createVaccinationRecord } from './vaccination-records.ts';

/** 卫健: birth and death medical certificates, vaccination records. */
export function registerHealthRoutes(app: FastifyInstance, ctx: RegistryContext): void {
  registerWriteOperation(app, ctx, issueBirthCertificate);
  registerWriteOperation(app, ctx, createVaccinationRecord);
  registerWriteOperation(app, ctx, issueDeathCertificate);
  registerHealthQueries(app, ctx);
}
