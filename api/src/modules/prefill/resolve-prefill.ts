import { prefill, prefillSources, residentIdSex, type FormSchema } from '@onething/forms';
import {
  REGISTRY_QUERIES,
  isRecord,
  queryRegistry,
  relationsPath,
  type PrefillRegistry,
  type QueryAnswer,
  type QueryFetch,
} from './registry-queries.ts';

export type PrefillValue = string | number | boolean;

export interface PrefillSource {
  registry: PrefillRegistry;
  /** Whom the value is about, by relation to the citizen (`applicant`, `spouse`, `child`, `deceased`). */
  subject: string;
  at: string;
}

/** One registry query made, for the citizen's data-access log. */
export interface PrefillQuery {
  registry: PrefillRegistry;
  subject: string;
  subjectIdNumber: string;
  /** The form keys the query was asked for. */
  fields: string[];
  at: Date;
}

export interface PrefillAnswer {
  values: Record<string, PrefillValue>;
  sources: Record<string, PrefillSource>;
  unavailable: PrefillRegistry[];
  queries: PrefillQuery[];
}

export interface PrefillInput {
  form: FormSchema;
  /** The signed-in citizen's verified ID number (from the account). */
  applicantIdNumber: string;
  /** Base URL of the registries; without one every registry counts as unavailable. */
  registriesUrl: string | undefined;
  /** Sent as `x-requester`, so that the registry's own log says why it was asked. */
  requester: string;
  now: () => Date;
  timeoutMs?: number;
  fetch?: QueryFetch;
}

interface Person {
  /** Relation to the citizen. */
  role: string;
  idNumber: string;
}

const ID_KEYS = [
  'applicant.idNumber',
  'spouse.idNumber',
  'mother.idNumber',
  'father.idNumber',
  'deceased.idNumber',
];

/**
 * What the registries know for a form about the signed-in citizen and the
 * people linked to them in the civil registry: the spouse (and so the other
 * parent of a newborn) and a relative recorded as deceased. Each query is
 * returned for the data-access log; a registry that does not answer leaves
 * its fields out and is named in `unavailable`. Values that would fail their
 * field are dropped, so every value returned prefills the form.
 */
export async function resolvePrefill(input: PrefillInput): Promise<PrefillAnswer> {
  const sources = prefillSources(input.form).filter(
    ({ source }) => REGISTRY_QUERIES[`${source.registry}.${source.query}`],
  );
  const formKeys = new Set([...formIdKeys(input.form), ...sources.map(({ key }) => key)]);
  const wanted = new Set([
    ...sources.map(({ source }) => source.lookupKey),
    ...ID_KEYS.filter((key) => formKeys.has(key)),
  ]);
  const answer: PrefillAnswer = { values: {}, sources: {}, unavailable: [], queries: [] };
  const unavailable = new Set<PrefillRegistry>();
  const ask = async (
    registry: PrefillRegistry,
    path: string,
    person: Person,
    fields: string[],
  ): Promise<QueryAnswer> => {
    const at = input.now();
    answer.queries.push({ registry, subject: person.role, subjectIdNumber: person.idNumber, fields, at });
    if (input.registriesUrl === undefined) {
      unavailable.add(registry);
      return { kind: 'unavailable' };
    }
    const result = await queryRegistry(input.registriesUrl, path, {
      timeoutMs: input.timeoutMs ?? 5_000,
      requester: input.requester,
      ...(input.fetch ? { fetch: input.fetch } : {}),
    });
    if (result.kind === 'unavailable') unavailable.add(registry);
    return result;
  };

  const applicant: Person = { role: 'applicant', idNumber: input.applicantIdNumber };
  const people = new Map<string, Person>([['applicant.idNumber', applicant]]);
  for (const key of wanted) if (isApplicantParent(key, applicant)) people.set(key, applicant);
  const linked = [...wanted].filter(
    (key) => key !== 'applicant.idNumber' && !isApplicantParent(key, applicant),
  );
  if (linked.length > 0) {
    const relations = await ask(
      'civil',
      relationsPath(applicant.idNumber),
      applicant,
      linked.filter((key) => formKeys.has(key)),
    );
    if (relations.kind === 'found') {
      const at = answer.queries.at(-1)?.at ?? input.now();
      for (const key of linked) {
        const person = linkedPerson(key, relations.body, applicant);
        if (person === undefined) continue;
        people.set(key, person);
        if (formKeys.has(key)) {
          answer.values[key] = person.idNumber;
          answer.sources[key] = { registry: 'civil', subject: person.role, at: at.toISOString() };
        }
      }
    }
  }
  for (const key of ['applicant.idNumber', 'mother.idNumber', 'father.idNumber']) {
    if (formKeys.has(key) && isApplicantParent(key, applicant, true)) answer.values[key] = applicant.idNumber;
  }

  // One query per registry route and person, asked for every field it fills.
  const groups = new Map<string, { query: string; person: Person; keys: { key: string; field: string }[] }>();
  for (const { key, source } of sources) {
    const person = people.get(source.lookupKey);
    if (person === undefined) continue;
    const query = `${source.registry}.${source.query}`;
    const group = groups.get(`${query} ${person.idNumber}`) ?? { query, person, keys: [] };
    group.keys.push({ key, field: source.field });
    groups.set(`${query} ${person.idNumber}`, group);
  }
  await Promise.all(
    [...groups.values()].map(async ({ query, person, keys }) => {
      const definition = REGISTRY_QUERIES[query];
      if (definition === undefined) return;
      const result = await ask(
        definition.registry,
        definition.path(person.idNumber),
        person,
        keys.map(({ key }) => key),
      );
      if (result.kind !== 'found') return;
      const at = input.now().toISOString();
      for (const { key, field } of keys) {
        const name = definition.fields[field];
        const value = name === undefined ? undefined : result.body[name];
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
        answer.values[key] = value;
        answer.sources[key] = {
          registry: definition.registry,
          subject: query === 'health.delivery' ? 'child' : person.role,
          at,
        };
      }
    }),
  );

  // Only what fits its field: the citizen types the rest.
  const filled = new Set(prefill(input.form, answer.values, {}).filled);
  for (const key of Object.keys(answer.values)) {
    if (filled.has(key)) continue;
    delete answer.values[key];
    delete answer.sources[key];
  }
  answer.unavailable = [...unavailable].sort();
  return answer;
}

/** Whether a parent key of a newborn form is the applicant (by the sex the ID number encodes). */
function isApplicantParent(key: string, applicant: Person, includeApplicant = false): boolean {
  if (key === 'applicant.idNumber') return includeApplicant;
  const sex = residentIdSex(applicant.idNumber);
  return (key === 'mother.idNumber' && sex === 'female') || (key === 'father.idNumber' && sex === 'male');
}

/** The person a form key names, from the civil registry's relations of the applicant. */
function linkedPerson(
  key: string,
  relations: Record<string, unknown>,
  applicant: Person,
): Person | undefined {
  const spouse = personOf(relations.spouse, 'spouse');
  if (key === 'spouse.idNumber') return spouse;
  if (key === 'mother.idNumber' || key === 'father.idNumber') {
    // The other parent of the applicant's newborn is the spouse, when of the right sex.
    const sex = key === 'mother.idNumber' ? 'female' : 'male';
    return spouse !== undefined &&
      residentIdSex(spouse.idNumber) === sex &&
      residentIdSex(applicant.idNumber) !== sex
      ? spouse
      : undefined;
  }
  if (key === 'deceased.idNumber') {
    for (const relation of ['spouse', 'father', 'mother'] as const) {
      const candidate = relations[relation];
      if (isRecord(candidate) && candidate.status === 'deceased') return personOf(candidate, 'deceased');
    }
  }
  return undefined;
}

function personOf(value: unknown, role: string): Person | undefined {
  if (!isRecord(value) || typeof value.idNumber !== 'string') return undefined;
  return { role, idNumber: value.idNumber };
}

/** The ID-number keys the form asks (they are filled too, so that the citizen does not type them). */
function formIdKeys(form: FormSchema): string[] {
  const keys: string[] = [];
  const walk = (components: readonly unknown[], prefix: string) => {
    for (const component of components) {
      if (!isRecord(component)) continue;
      if (typeof component.key === 'string') keys.push(`${prefix}${component.key}`);
      if (Array.isArray(component.components) && component.type !== 'dynamiclist') {
        walk(
          component.components,
          typeof component.path === 'string' && component.path !== ''
            ? `${prefix}${component.path}.`
            : prefix,
        );
      }
    }
  };
  walk(form.components, '');
  return keys.filter((key) => ID_KEYS.includes(key));
}
