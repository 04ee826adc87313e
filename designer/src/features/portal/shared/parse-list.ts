/**
 * Reads a JSON array whose every item must parse; one item that does not fit makes the whole
 * answer unusable (`undefined`), as for any other response that breaks the contract.
 */
export function parseList<T>(body: unknown, parseItem: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(body)) return undefined;
  const items: T[] = [];
  for (const item of body) {
    const parsed = parseItem(item);
    if (parsed === undefined) return undefined;
    items.push(parsed);
  }
  return items;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

export function optionalString(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : undefined;
}
