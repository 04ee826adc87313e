import type { FastifyInstance } from 'fastify';
import type { RegistryContext } from '../shared/registry-context.ts';
import { registerWriteOperation } from '../shared/write-operation.ts';
import { closeDeductions, registerInfantCareDeduction } from './deductions.ts';
import { registerTaxQueries } from './tax-queries.ts';
import { registerWithholding, updatePensionIncomeStatus } from './taxpayers.ts';

/** 税务: taxpayers, special additional deductions, withholding registrations. */
export function registerTaxRoutes(app: FastifyInstance, ctx: RegistryContext): void {
  registerWriteOperation(app, ctx, registerInfantCareDeduction);
  registerWriteOperation(app, ctx, registerWithholding);
  registerWriteOperation(app, ctx, updatePensionIncomeStatus);
  registerWriteOperation(app, ctx, closeDeductions);
  registerTaxQueries(app, ctx);
}
