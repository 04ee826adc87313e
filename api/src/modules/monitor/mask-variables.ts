import { maskResidentId } from '../people/resident-id.ts';

/**
 * Anything shaped like a resident ID number (17 digits and a check character),
 * standing alone or inside a longer text. The check character is not verified:
 * showing a mistyped ID number in full would still disclose it.
 */
const RESIDENT_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/**
 * Process variables as the Monitor shows them: the same structure with every
 * resident ID number masked, wherever it sits (variables hold form data).
 */
export function maskVariables(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(RESIDENT_ID, (id) => maskResidentId(id));
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value).toString().length === 18) {
    // An ID number stored as a JSON number (no check letter): still an ID number.
    return maskResidentId(Math.abs(value).toString());
  }
  if (Array.isArray(value)) return value.map(maskVariables);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, maskVariables(inner)]));
  }
  return value;
}

/** A text (an error message, a log line) with every resident ID number in it masked. */
export function maskResidentIds(text: string): string {
  return text.replace(RESIDENT_ID, (id) => maskResidentId(id));
}
