import type { FastifyInstance } from 'fastify';
import type { RegistryContext } from '../shared/registry-context.ts';
import { registerWriteOperation, type AnyWriteOperation } from '../shared/write-operation.ts';
import { closeDeductions, registerInfantCareDeduction } from './deductions.ts';
import { registerTaxQueries } from './tax-queries.ts';
import { registerWithholding, updatePensionIncomeStatus } from './taxpayers.ts';

/** The tax registry's department operations (OPERATIONS.md). */
export const TAX_OPERATIONS: readonly AnyWriteOperation[] = [
  registerInfantCareDeduction,
  registerWithholding,
  updatePensionIncomeStatus,
  closeDeductions,
];

/** 税务: taxpayers, special additional deductions, withholding registrations. */
export function registerTaxRoutes(app: FastifyInstance, ctx: RegistryContext): void {
  for (const operation of TAX_OPERATIONS) registerWriteOperation(app, ctx, operation);
  registerTaxQueries(app, ctx);
}
