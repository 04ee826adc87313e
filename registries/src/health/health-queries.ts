import type { FastifyInstance } from 'fastify';
import { errorBody } from '../errors.ts';
import { checkIdNumber } from '../shared/id-number.ts';
import type { RegistryContext } from '../shared/registry-context.ts';

const BIRTH_COLUMNS = `no as "birthCertificateNo", child_name as "childName", child_sex as "childSex",
  child_birth_date::text as "childBirthDate", child_birth_place as "childBirthPlace", child_birth_hospital as "childBirthHospital",
  mother_id_number as "motherIdNumber", mother_name as "motherName", father_id_number as "fatherIdNumber",
  father_name as "fatherName", to_char(issued_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "issuedAt"`;

const DEATH_COLUMNS = `no as "deathCertificateNo", deceased_id_number as "deceasedIdNumber", deceased_name as "deceasedName",
  death_date::text as "deathDate", death_place as "deathPlace", death_place_type as "deathPlaceType", death_cause as "deathCause",
  to_char(issued_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "issuedAt"`;

const noParams = { type: 'object', properties: { no: { type: 'string', maxLength: 40 } }, required: ['no'] };
const idParams = {
  type: 'object',
  properties: { idNumber: { type: 'string', maxLength: 18 } },
  required: ['idNumber'],
};

export function registerHealthQueries(app: FastifyInstance, ctx: RegistryContext): void {
  const s = ctx.schema;

  app.get<{ Params: { no: string } }>(
    '/birth-certificates/:no',
    { schema: { params: noParams } },
    async (request, reply) => {
      const found = await ctx.pool.query(
        `select ${BIRTH_COLUMNS} from ${s}.birth_certificates where no = $1`,
        [request.params.no],
      );
      return found.rows[0] ?? reply.code(404).send(errorBody('BIRTH_CERTIFICATE_NOT_FOUND'));
    },
  );

  app.get<{ Params: { idNumber: string } }>(
    '/persons/:idNumber/birth-certificates',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { idNumber } = request.params;
      if (!checkIdNumber(idNumber).ok)
        return reply.code(400).send(errorBody('INVALID_INPUT', undefined, { idNumber: 'invalid ID number' }));
      const found = await ctx.pool.query(
        `select ${BIRTH_COLUMNS} from ${s}.birth_certificates where mother_id_number = $1 or father_id_number = $1 order by child_birth_date desc`,
        [idNumber],
      );
      return { items: found.rows };
    },
  );

  app.get<{ Params: { no: string } }>(
    '/death-certificates/:no',
    { schema: { params: noParams } },
    async (request, reply) => {
      const found = await ctx.pool.query(
        `select ${DEATH_COLUMNS} from ${s}.death_certificates where no = $1`,
        [request.params.no],
      );
      return found.rows[0] ?? reply.code(404).send(errorBody('DEATH_CERTIFICATE_NOT_FOUND'));
    },
  );

  app.get<{ Params: { idNumber: string } }>(
    '/persons/:idNumber/death-certificate',
    { schema: { params: idParams } },
    async (request, reply) => {
      const found = await ctx.pool.query(
        `select ${DEATH_COLUMNS} from ${s}.death_certificates where deceased_id_number = $1`,
        [request.params.idNumber],
      );
      return found.rows[0] ?? reply.code(404).send(errorBody('DEATH_CERTIFICATE_NOT_FOUND'));
    },
  );

  app.get<{ Params: { idNumber: string } }>(
    '/persons/:idNumber/delivery',
    { schema: { params: idParams } },
    async (request, reply) => {
      const found = await ctx.pool.query(
        `select birth_date::text as "birthDate", birth_place as "birthPlace", hospital, sex, weight_grams as "weightGrams"
       from ${s}.deliveries where mother_id_number = $1 order by birth_date desc, id desc limit 1`,
        [request.params.idNumber],
      );
      return found.rows[0] ?? reply.code(404).send(errorBody('DELIVERY_NOT_FOUND'));
    },
  );

  app.get<{ Params: { no: string } }>(
    '/vaccination-records/:no',
    { schema: { params: noParams } },
    async (request, reply) => {
      const found = await ctx.pool.query(
        `select v.no as "vaccinationRecordNo", v.birth_certificate_no as "birthCertificateNo", b.child_name as "childName",
         v.vaccinations, v.created_at as "createdAt"
       from ${s}.vaccination_records v join ${s}.birth_certificates b on b.no = v.birth_certificate_no where v.no = $1`,
        [request.params.no],
      );
      return found.rows[0] ?? reply.code(404).send(errorBody('VACCINATION_RECORD_NOT_FOUND'));
    },
  );
}
