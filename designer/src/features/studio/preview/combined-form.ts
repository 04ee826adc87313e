import { mergeForms, parseFormSchema, type FormSchema, type ServiceForm } from '@onething/forms';
import { bundleServices, findForm } from '../bundle-services.ts';

export type CombinedForm =
  { ok: true; schema: FormSchema } | { ok: false; problems: { formPath?: string; message: string }[] };

/**
 * The form a citizen will fill for the draft (一表申请): the service forms of `bundle.json`
 * merged as the api merges them, so the designer sees the result before publishing. A form
 * that is missing or does not parse, and every merge conflict, is reported instead.
 */
export function combinedForm(
  bundleKey: string,
  bundle: Record<string, unknown>,
  forms: Readonly<Record<string, Record<string, unknown>>>,
): CombinedForm {
  const problems: { formPath?: string; message: string }[] = [];
  const serviceForms: ServiceForm[] = [];
  for (const service of bundleServices(bundle)) {
    const found = findForm(forms, service.form);
    if (!found) {
      problems.push({ formPath: service.form, message: `${service.form}: missing` });
      continue;
    }
    const parsed = parseFormSchema(found[1]);
    if (!parsed.ok) {
      for (const problem of parsed.problems)
        problems.push({ formPath: found[0], message: `${problem.path}: ${problem.message}` });
      continue;
    }
    serviceForms.push({
      service: `${service.department}:${service.key}`,
      department: service.department,
      schema: parsed.schema,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const merged = mergeForms(serviceForms, { id: `Form_${bundleKey}` });
  if (!merged.ok) {
    return {
      ok: false,
      problems: merged.problems.map((problem) => ({
        message: `${problem.path}: ${problem.message} (${problem.services.join(', ')})`,
      })),
    };
  }
  return { ok: true, schema: merged.form };
}
