import { FIELD_DICTIONARY, maskValue, type DictionaryField } from '@onething/forms';
import type { Group } from '../users/roles.ts';

/**
 * Whose resident ID numbers a task group sees in full in a task's data
 * (`GET /api/tasks/:id`), by the person's role in the application (the first
 * segment of `<role>.idNumber`). Every other ID number the group may see is
 * masked (`110105********002X`). A role missing here is masked for the group,
 * so a person added to the dictionary stays masked until a group's work is
 * shown to need the number.
 *
 * The rule: a group sees a number in full when its own work identifies that
 * person by it: a registration or review made for that person, or a document
 * checked against it. Numbers the registry operations need go to them straight
 * from the application, so a clerk who only decides on other facts does not
 * need them.
 */
export const FULL_ID_NUMBERS: Readonly<Record<Group, readonly string[]>> = {
  // Accepts for every department: checks each person against the original ID cards (materials).
  window: ['applicant', 'mother', 'father', 'spouse', 'employee', 'deceased'],
  // Registers the child into the parents' household (looked up by the applicant's number) and cancels the deceased's.
  civil: ['applicant', 'mother', 'father', 'deceased'],
  // Insures the applicant's child as guardian, the employee, the retiree and unemployed applicant; stops the deceased's pension.
  hr: ['applicant', 'employee', 'deceased'],
  // Registers the infant-care deduction for the claiming parent, withholding for the employee, the pension's tax status, and closes the deceased's deductions.
  tax: ['applicant', 'mother', 'father', 'employee', 'deceased'],
  // Certifies a birth or a death on the medical facts; the registry matches the people by the numbers itself.
  health: [],
  // Follows time limits and ratings, not the people's records.
  supervisor: [],
};

/** The roles whose numbers any of the groups sees in full. */
export function fullIdNumberRoles(groups: readonly Group[]): string[] {
  return [...new Set(groups.flatMap((group) => FULL_ID_NUMBERS[group]))];
}

/**
 * A copy of task data with the resident ID numbers of people none of the
 * reader's groups needs in full masked; everything else unchanged.
 */
export function maskIdNumbersFor(
  data: Readonly<Record<string, unknown>>,
  groups: readonly Group[],
  dictionary: ReadonlyMap<string, DictionaryField> = FIELD_DICTIONARY,
): Record<string, unknown> {
  const full = new Set(fullIdNumberRoles(groups));
  let shown: Record<string, unknown> = structuredClone(data);
  for (const field of dictionary.values()) {
    if (field.validation !== 'idNumber') continue;
    const path = field.key.split('.');
    if (path[0] === undefined || full.has(path[0])) continue;
    shown = maskedAt(shown, path, field);
  }
  return shown;
}

function maskedAt(
  data: Record<string, unknown>,
  path: readonly string[],
  field: DictionaryField,
): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined || !Object.hasOwn(data, head)) return data;
  const value = data[head];
  if (rest.length === 0) return { ...data, [head]: maskValue(field, value) };
  return isRecord(value) ? { ...data, [head]: maskedAt(value, rest, field) } : data;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
