import type { EntityManager } from '@mikro-orm/postgresql';
import { errorMessages, type FormSchema } from '@onething/forms';
import type { LocalizedText } from '@onething/processes';
import { AppError } from '../../../errors.ts';
import { recordDataAccess } from '../../data-access/record-data-access.ts';
import { resolvePrefill } from '../../prefill/resolve-prefill.ts';
import { UserSchema } from '../../users/user.entity.ts';
import { dryRunSample } from './dry-run-samples.ts';
import { fillRequired, setPath } from './form-defaults.ts';
import type { TestCitizen } from './test-citizens.ts';

export interface DryRunDataInput {
  bundleKey: string;
  title: LocalizedText;
  /** The draft's combined form. */
  form: FormSchema;
  citizen: TestCitizen;
  runId: string;
  registriesUrl: string;
  /** The designer, as the registries' and the citizen's logs name them. */
  actor: string;
  today: string;
  now: () => Date;
}

/**
 * The combined form data a test citizen's application would carry: what the
 * registries prefill for the citizen (asked for real, as the Portal does),
 * over the bundle's sample values (dry-run-samples.ts), with any required
 * field still empty filled from its definition. The result passes the
 * draft's combined form exactly as a citizen's submission must; what cannot
 * be filled is DRY_RUN_DATA_INVALID naming the fields.
 */
export async function dryRunData(
  em: EntityManager,
  input: DryRunDataInput,
): Promise<Record<string, unknown>> {
  const { citizen } = input;
  const data = dryRunSample(input.bundleKey, { citizen, today: input.today, runId: input.runId });
  const prefill = await resolvePrefill({
    form: input.form,
    applicantIdNumber: citizen.idNumber,
    registriesUrl: input.registriesUrl,
    requester: `onething dry run ${input.bundleKey}`,
    now: input.now,
  });
  for (const [key, value] of Object.entries(prefill.values)) setPath(data, key.split('.'), value);
  await logRegistryQueries(em, input, prefill.queries);

  const result = fillRequired(input.form, data, {
    today: input.today,
    idNumber: citizen.idNumber,
    mobile: citizen.mobile,
  });
  if (!result.valid) {
    throw new AppError('DRY_RUN_DATA_INVALID', { fields: errorMessages(result) });
  }
  return result.data;
}

/** The registry queries go into the test citizen's data-access log, like any prefill's. */
async function logRegistryQueries(
  em: EntityManager,
  input: DryRunDataInput,
  queries: Awaited<ReturnType<typeof resolvePrefill>>['queries'],
): Promise<void> {
  const account = await em.findOne(UserSchema, { username: input.citizen.key }, { fields: ['id'] });
  if (account === null) return;
  await recordDataAccess(
    em,
    queries.map((query) => ({
      citizenId: account.id,
      at: query.at,
      kind: 'registry-query' as const,
      registry: query.registry,
      subject: query.subject,
      subjectIdNumber: query.subjectIdNumber,
      fields: query.fields,
      purpose: {
        'zh-CN': `试运行「${input.title['zh-CN']}」草稿`,
        en: `Dry run of the "${input.title.en}" draft`,
      },
      actor: input.actor,
      target: input.bundleKey,
    })),
  );
}
