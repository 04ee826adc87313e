import type { FastifyInstance } from 'fastify';
import type { RegistryContext } from '../shared/registry-context.ts';
import { registerWriteOperation, type AnyWriteOperation } from '../shared/write-operation.ts';
import { grantFuneralAllowance, stopPension } from './after-death.ts';
import { grantUnemploymentBenefit } from './benefits.ts';
import { issueSocialSecurityCard } from './cards.ts';
import { registerEmployment, registerUnemployment } from './employment.ts';
import { registerHrQueries } from './hr-queries.ts';
import { continueMedicalInsurance, enrollMedicalInsurance, enrollSocialInsurance } from './insurance.ts';
import { checkPensionEligibility, claimPension } from './pension.ts';

/** The hr registry's department operations (OPERATIONS.md). */
export const HR_OPERATIONS: readonly AnyWriteOperation[] = [
  enrollMedicalInsurance,
  issueSocialSecurityCard,
  registerEmployment,
  enrollSocialInsurance,
  checkPensionEligibility,
  claimPension,
  continueMedicalInsurance,
  registerUnemployment,
  grantUnemploymentBenefit,
  stopPension,
  grantFuneralAllowance,
];

/** 人社: social insurance, cards, employment, unemployment, pensions, funeral grants. */
export function registerHrRoutes(app: FastifyInstance, ctx: RegistryContext): void {
  for (const operation of HR_OPERATIONS) registerWriteOperation(app, ctx, operation);
  registerHrQueries(app, ctx);
}
