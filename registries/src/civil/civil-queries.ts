import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from '../errors.ts';
import { checkIdNumber } from '../shared/id-number.ts';
import type { RegistryContext } from '../shared/registry-context.ts';

const PERSON = `p.id_number as "idNumber", p.name, p.sex, p.birth_date::text as "birthDate", p.ethnicity, p.nationality, p.status,
  p.death_date::text as "deathDate", p.household_number as "householdNumber", h.address`;
const SUMMARY = `id_number as "idNumber", name, sex, birth_date::text as "birthDate", status`;

const idParams = {
  type: 'object',
  properties: { idNumber: { type: 'string', maxLength: 18 } },
  required: ['idNumber'],
};

function invalidId(reply: FastifyReply, idNumber: string): FastifyReply | null {
  const checked = checkIdNumber(idNumber);
  return checked.ok
    ? null
    : reply.code(400).send(errorBody('INVALID_INPUT', undefined, { idNumber: checked.problem }));
}

export function registerCivilQueries(app: FastifyInstance, ctx: RegistryContext): void {
  const s = ctx.schema;

  const household = async (number: string) => {
    const found = await ctx.pool.query<{
      number: string;
      address: string;
      regionCode: string;
      status: string;
    }>(`select number, address, region_code as "regionCode", status from ${s}.households where number = $1`, [
      number,
    ]);
    const row = found.rows[0];
    if (!row) return null;
    const members = await ctx.pool.query<{ idNumber: string; name: string; relationToHead: string | null }>(
      `select id_number as "idNumber", name, relation_to_head as "relationToHead" from ${s}.persons
       where household_number = $1 and status = 'alive' order by relation_to_head = '户主' desc, birth_date`,
      [number],
    );
    const head = members.rows.find((member) => member.relationToHead === '户主');
    return {
      ...row,
      headIdNumber: head?.idNumber ?? null,
      headName: head?.name ?? null,
      members: members.rows,
    };
  };

  app.get<{ Params: { idNumber: string } }>(
    '/persons/:idNumber',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { idNumber } = request.params;
      const bad = invalidId(reply, idNumber);
      if (bad) return bad;
      const found = await ctx.pool.query(
        `select ${PERSON} from ${s}.persons p left join ${s}.households h on h.number = p.household_number where p.id_number = $1`,
        [idNumber],
      );
      return found.rows[0] ?? reply.code(404).send(errorBody('PERSON_NOT_FOUND'));
    },
  );

  app.get<{ Params: { idNumber: string } }>(
    '/persons/:idNumber/relations',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { idNumber } = request.params;
      const bad = invalidId(reply, idNumber);
      if (bad) return bad;
      const found = await ctx.pool.query<{
        father_id_number: string | null;
        mother_id_number: string | null;
        household_number: string | null;
      }>(
        `select father_id_number, mother_id_number, household_number from ${s}.persons where id_number = $1`,
        [idNumber],
      );
      const person = found.rows[0];
      if (!person) return reply.code(404).send(errorBody('PERSON_NOT_FOUND'));
      const one = async (id: string | null) =>
        id
          ? ((await ctx.pool.query(`select ${SUMMARY} from ${s}.persons where id_number = $1`, [id]))
              .rows[0] ?? null)
          : null;
      const spouse = await ctx.pool.query(
        `select ${SUMMARY} from ${s}.persons where id_number = (
         select case when husband_id_number = $1 then wife_id_number else husband_id_number end
         from ${s}.marriages where status = 'married' and (husband_id_number = $1 or wife_id_number = $1))`,
        [idNumber],
      );
      const children = await ctx.pool.query(
        `select ${SUMMARY} from ${s}.persons where father_id_number = $1 or mother_id_number = $1 order by birth_date`,
        [idNumber],
      );
      return {
        spouse: spouse.rows[0] ?? null,
        father: await one(person.father_id_number),
        mother: await one(person.mother_id_number),
        children: children.rows,
        household: person.household_number ? await household(person.household_number) : null,
      };
    },
  );

  app.get<{ Params: { idNumber: string } }>(
    '/persons/:idNumber/household',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { idNumber } = request.params;
      const bad = invalidId(reply, idNumber);
      if (bad) return bad;
      const found = await ctx.pool.query<{ household_number: string | null }>(
        `select household_number from ${s}.persons where id_number = $1`,
        [idNumber],
      );
      const person = found.rows[0];
      if (!person) return reply.code(404).send(errorBody('PERSON_NOT_FOUND'));
      const home = person.household_number ? await household(person.household_number) : null;
      return home ?? reply.code(404).send(errorBody('HOUSEHOLD_NOT_FOUND'));
    },
  );

  app.get<{ Params: { number: string } }>(
    '/households/:number',
    {
      schema: {
        params: {
          type: 'object',
          properties: { number: { type: 'string', maxLength: 20 } },
          required: ['number'],
        },
      },
    },
    async (request, reply) =>
      (await household(request.params.number)) ?? reply.code(404).send(errorBody('HOUSEHOLD_NOT_FOUND')),
  );

  app.get<{ Params: { entryNo: string } }>(
    '/birth-registrations/:entryNo',
    {
      schema: {
        params: {
          type: 'object',
          properties: { entryNo: { type: 'string', maxLength: 40 } },
          required: ['entryNo'],
        },
      },
    },
    async (request, reply) => {
      const found = await ctx.pool.query(
        `select r.entry_no as "householdEntryNo", r.child_id_number as "childIdNumber", p.name as "childName",
           r.birth_certificate_no as "birthCertificateNo", r.household_number as "householdNumber", r.registered_at as "registeredAt"
         from ${s}.birth_registrations r join ${s}.persons p on p.id_number = r.child_id_number where r.entry_no = $1`,
        [request.params.entryNo],
      );
      return found.rows[0] ?? reply.code(404).send(errorBody('BIRTH_REGISTRATION_NOT_FOUND'));
    },
  );
}
