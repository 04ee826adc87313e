import type { FastifyInstance } from 'fastify';
import { errorBody } from '../errors.ts';
import { chinaToday } from '../shared/dates.ts';
import { checkIdNumber } from '../shared/id-number.ts';
import type { RegistryContext } from '../shared/registry-context.ts';
import { contributionMonths } from './hr-rules.ts';
import { contributionPeriods } from './hr-store.ts';

const idParams = {
  type: 'object',
  properties: { idNumber: { type: 'string', maxLength: 18 } },
  required: ['idNumber'],
};

const EMPLOYMENT = `e.registration_no as "employmentRegistrationNo", e.employer_credit_code as "employerCreditCode",
  r.name as "employerName", e.start_date::text as "startDate", e.end_date::text as "endDate", e.contract_type as "contractType",
  e.position, e.monthly_salary::float8 as "monthlySalary", e.status`;

export function registerHrQueries(app: FastifyInstance, ctx: RegistryContext): void {
  const s = ctx.schema;

  app.get<{ Params: { idNumber: string } }>(
    '/persons/:idNumber/insurance',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { idNumber } = request.params;
      if (!checkIdNumber(idNumber).ok)
        return reply.code(400).send(errorBody('INVALID_INPUT', undefined, { idNumber: 'invalid ID number' }));
      const enrolments = await ctx.pool.query(
        `select enrolment_no as "enrolmentNo", type, scheme, employer_credit_code as "employerCreditCode", start_date::text as "startDate",
         end_date::text as "endDate", status from ${s}.insurance_enrolments where id_number = $1 order by start_date, type`,
        [idNumber],
      );
      const card = await ctx.pool.query(
        `select card_no as "cardNo", to_char(issued_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "issuedAt"
       from ${s}.social_security_cards where id_number = $1 and status = 'active'`,
        [idNumber],
      );
      const pension = await ctx.pool.query(
        `select claim_no as "pensionClaimNo", monthly_amount::float8 as "monthlyAmount", start_month as "startMonth", status
       from ${s}.pension_claims where id_number = $1`,
        [idNumber],
      );
      if (!enrolments.rowCount && !card.rowCount && !pension.rowCount)
        return reply.code(404).send(errorBody('PERSON_NOT_INSURED'));
      const today = chinaToday(ctx.now());
      return {
        idNumber,
        enrolments: enrolments.rows,
        contributionMonths: {
          pension: contributionMonths(await contributionPeriods(ctx.pool, s, idNumber, 'pension'), today),
          unemployment: contributionMonths(
            await contributionPeriods(ctx.pool, s, idNumber, 'unemployment'),
            today,
          ),
        },
        socialSecurityCard: card.rows[0] ?? null,
        pension: pension.rows[0] ?? null,
      };
    },
  );

  app.get<{ Params: { idNumber: string } }>(
    '/persons/:idNumber/employment',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { idNumber } = request.params;
      if (!checkIdNumber(idNumber).ok)
        return reply.code(400).send(errorBody('INVALID_INPUT', undefined, { idNumber: 'invalid ID number' }));
      const employments = await ctx.pool.query<{ status: string }>(
        `select ${EMPLOYMENT} from ${s}.employments e join ${s}.employers r on r.credit_code = e.employer_credit_code
       where e.id_number = $1 order by e.start_date desc`,
        [idNumber],
      );
      const unemployment = await ctx.pool.query(
        `select registration_no as "unemploymentRegistrationNo", last_employer_credit_code as "lastEmployerCreditCode",
         separation_date::text as "separationDate", separation_reason as "separationReason", status
       from ${s}.unemployment_registrations where id_number = $1 order by registered_at desc limit 1`,
        [idNumber],
      );
      return {
        idNumber,
        current: employments.rows.find((row) => row.status === 'active') ?? null,
        history: employments.rows,
        unemployment: unemployment.rows[0] ?? null,
      };
    },
  );

  // A one-level summary for prefill: contribution months and the last employment.
  app.get<{ Params: { idNumber: string } }>(
    '/persons/:idNumber/insured',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { idNumber } = request.params;
      if (!checkIdNumber(idNumber).ok)
        return reply.code(400).send(errorBody('INVALID_INPUT', undefined, { idNumber: 'invalid ID number' }));
      const employments = await ctx.pool.query<{
        employerCreditCode: string;
        employerName: string;
        endDate: string | null;
        status: string;
      }>(
        `select ${EMPLOYMENT} from ${s}.employments e join ${s}.employers r on r.credit_code = e.employer_credit_code
       where e.id_number = $1 order by e.status = 'active' desc, e.start_date desc`,
        [idNumber],
      );
      const periods = await contributionPeriods(ctx.pool, s, idNumber, 'pension');
      if (!employments.rowCount && !periods.length)
        return reply.code(404).send(errorBody('PERSON_NOT_INSURED'));
      const current = employments.rows.find((row) => row.status === 'active') ?? null;
      const last = employments.rows.find((row) => row.status === 'ended') ?? null;
      return {
        idNumber,
        contributionMonths: contributionMonths(periods, chinaToday(ctx.now())),
        currentEmployerName: current?.employerName ?? null,
        currentEmployerCreditCode: current?.employerCreditCode ?? null,
        lastEmployerName: (current ?? last)?.employerName ?? null,
        lastEmployerCreditCode: (current ?? last)?.employerCreditCode ?? null,
        separationDate: current ? null : (last?.endDate ?? null),
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
        `select credit_code as "creditCode", name, address, region_code as "regionCode" from ${s}.employers where credit_code = $1`,
        [request.params.creditCode],
      );
      return found.rows[0] ?? reply.code(404).send(errorBody('EMPLOYER_NOT_FOUND'));
    },
  );
}
