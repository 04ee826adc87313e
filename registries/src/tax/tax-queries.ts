import type { FastifyInstance } from 'fastify';
import { errorBody } from '../errors.ts';
import { checkIdNumber } from '../shared/id-number.ts';
import type { RegistryContext } from '../shared/registry-context.ts';

const idParams = {
  type: 'object',
  properties: { idNumber: { type: 'string', maxLength: 18 } },
  required: ['idNumber'],
};

export function registerTaxQueries(app: FastifyInstance, ctx: RegistryContext): void {
  const s = ctx.schema;

  app.get<{ Params: { idNumber: string } }>(
    '/taxpayers/:idNumber',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { idNumber } = request.params;
      if (!checkIdNumber(idNumber).ok)
        return reply.code(400).send(errorBody('INVALID_INPUT', undefined, { idNumber: 'invalid ID number' }));
      const found = await ctx.pool.query(
        `select id_number as "idNumber", taxpayer_no as "taxpayerNo", name, status from ${s}.taxpayers where id_number = $1`,
        [idNumber],
      );
      const taxpayer = found.rows[0];
      if (!taxpayer) return reply.code(404).send(errorBody('TAXPAYER_NOT_FOUND'));
      const pension = await ctx.pool.query(
        `select status_no as "statusNo", effective_month as "effectiveMonth" from ${s}.pension_income_statuses where id_number = $1`,
        [idNumber],
      );
      const deductions = await ctx.pool.query(
        `select deduction_no as "deductionNo", type, child_id_number as "childIdNumber", child_name as "childName",
         share_percent as "sharePercent", monthly_amount::float8 as "monthlyAmount", start_month as "startMonth",
         end_month as "endMonth", status from ${s}.deductions where id_number = $1 order by start_month`,
        [idNumber],
      );
      const withholdings = await ctx.pool.query(
        `select w.registration_no as "withholdingRegistrationNo", w.employer_credit_code as "employerCreditCode", e.name as "employerName",
         w.start_date::text as "startDate", w.status
       from ${s}.withholding_registrations w join ${s}.employers e on e.credit_code = w.employer_credit_code
       where w.id_number = $1 order by w.start_date desc`,
        [idNumber],
      );
      return {
        ...taxpayer,
        pensionIncomeStatus: pension.rows[0] ?? null,
        deductions: deductions.rows,
        withholdings: withholdings.rows,
      };
    },
  );

  app.get<{ Params: { creditCode: string } }>(
    '/employers/:creditCode',
    {
      schema: {
        params: {
          type: 'object',
          properties: { creditCode: { type: 'string', maxLength: 18 } },
          required: ['creditCode'],
        },
      },
    },
    async (request, reply) => {
      const found = await ctx.pool.query(
        `select credit_code as "creditCode", name, address, tax_authority as "taxAuthority" from ${s}.employers where credit_code = $1`,
        [request.params.creditCode],
      );
      return found.rows[0] ?? reply.code(404).send(errorBody('EMPLOYER_NOT_FOUND'));
    },
  );
}
