import { DEPARTMENTS, type Department } from '@onething/forms';
import { isRecord } from '../../app/json-guards.ts';
import { formName } from './problems/problem-target.ts';
import { isLocalizedText, type LocalizedText } from './studio.types.ts';

/** One service of a bundle as `bundle.json` describes it (only what the Studio reads). */
export interface BundleService {
  key: string;
  title: LocalizedText;
  department: Department;
  /** Path of the service's form, e.g. `forms/birth-certificate.form`. */
  form: string;
}

function isDepartment(value: unknown): value is Department {
  return DEPARTMENTS.some((department) => department === value);
}

/** The services of a draft's `bundle.json`; entries that do not fit are left out. */
export function bundleServices(bundle: Record<string, unknown>): BundleService[] {
  const services = Array.isArray(bundle.services) ? bundle.services : [];
  return services.flatMap((service: unknown): BundleService[] => {
    if (!isRecord(service) || typeof service.key !== 'string' || typeof service.form !== 'string') return [];
    if (!isDepartment(service.department)) return [];
    const title = isLocalizedText(service.title) ? service.title : service.key;
    return [{ key: service.key, title, department: service.department, form: service.form }];
  });
}

/** The draft's form stored under a path as `bundle.json` writes it, or under the form's name. */
export function findForm(
  forms: Readonly<Record<string, Record<string, unknown>>>,
  path: string,
): [string, Record<string, unknown>] | undefined {
  const exact = forms[path];
  if (exact) return [path, exact];
  const name = formName(path);
  const match = Object.entries(forms).find(([candidate]) => formName(candidate) === name);
  return match;
}
