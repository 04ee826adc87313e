import { parse, stringify, LosslessNumber, isLosslessNumber } from 'lossless-json';

/**
 * Variable values live as JSON text, parsed losslessly, so integers beyond
 * 2^53 survive a round trip untouched. FEEL sees ordinary JS numbers (a huge
 * integer loses precision only when an expression reads it).
 */
export type Variables = Map<string, string>;

export type DocumentParse = { ok: true; variables: Variables } | { ok: false; reason: string };

/** '' / blank / `null` mean "no variables"; any other non-object root is rejected (§0.2). */
export function parseVariablesDocument(text: string): DocumentParse {
  if (text.trim() === '') return { ok: true, variables: new Map() };
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return {
      ok: false,
      reason: `Property 'variables' is invalid: expected a JSON object, but the document cannot be parsed (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  if (value === null) return { ok: true, variables: new Map() };
  if (typeof value !== 'object' || Array.isArray(value) || isLosslessNumber(value)) {
    return {
      ok: false,
      reason: "Property 'variables' is invalid: expected the document to be a JSON object",
    };
  }
  const variables: Variables = new Map();
  for (const [name, entry] of Object.entries(value)) variables.set(name, stringify(entry) ?? 'null');
  return { ok: true, variables };
}

/** A JSON text as a plain JS value for FEEL. */
export function toFeelValue(text: string): unknown {
  return parse(text, null, (digits) => Number(digits));
}

/** A FEEL result (plain JSON-compatible value) as stored JSON text. */
export function fromFeelValue(value: unknown): string {
  if (value === undefined) return 'null';
  return stringify(value) ?? 'null';
}

/** Renders a variables map as one JSON object text without re-parsing values. */
export function renderDocument(entries: Iterable<[string, string]>): string {
  const parts: string[] = [];
  for (const [name, value] of entries) parts.push(`${JSON.stringify(name)}:${value}`);
  return `{${parts.join(',')}}`;
}

export function variablesToRecord(variables: Variables): Record<string, string> {
  return Object.fromEntries(variables);
}

export function variablesFromRecord(record: Record<string, string>): Variables {
  return new Map(Object.entries(record));
}

export { LosslessNumber };
