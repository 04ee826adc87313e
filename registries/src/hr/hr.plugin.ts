import type { FastifyInstance } from 'fastify';
import type { RegistryContext } from '../shared/registry-context.ts';
import { registerWriteOperation } from '../shared/write-operation.ts';
import { grantFuneralAllowance, stopPension } from './after-death.ts';
import { grantUnemploymentBenefit } from './benefits.ts';
import { issueSocialSecurityCard } from './cards.ts';
import { registerEmployment, registerUnemployment } from './employment.ts';
import { registerHrQueries } from './hr-queries.ts';
import { continueMedicalInsurance, enrollMedicalInsurance, enrollSocialInsurance } from './insurance.ts';
import { checkPensionEligibility, claimPension } from './pension.ts';

/** 人社: social insurance, cards, employment, unemployment, pensions, funeral grants. */
export function registerHrRoutes(app: FastifyInstance, ctx: RegistryContext): void {
  registerWriteOperation(app, ctx, enrollMedicalInsurance);
  registerWriteOperation(app, ctx, issueSocialSecurityCard);
  registerWriteOperation(app, ctx, registerEmployment);
  registerWriteOperation(app, ctx, enrollSocialInsurance);
  registerWriteOperation(app, ctx, checkPensionEligibility);
  registerWriteOperation(app, ctx, claimPension);
  registerWriteOperation(app, ctx, continueMedicalInsurance);
  registerWriteOperation(app, ctx, registerUnemployment);
  registerWriteOperation(app, ctx, grantUnemploymentBenefit);
  registerWriteOperation(app, ctx, stopPension);
  registerWriteOperation(app, ctx, grantFuneralAllowance);
  registerHrQueries(app, ctx);
}
