/**
 * Combines `conditional.hide` expressions (`=…` FEEL). Inside a group, a field is hidden when the
 * group or the field is (`or`); a field several services ask is hidden only when every one of
 * them hides it (`and`) — and shown always if one of them always shows it.
 */
export function combineHide(
  operator: 'or' | 'and',
  hides: readonly (string | undefined)[],
): string | undefined {
  const bodies = hides.map((hide) =>
    hide && hide.startsWith('=') && hide.trim() !== '=' ? hide.slice(1).trim() : undefined,
  );
  if (operator === 'and' && bodies.some((body) => body === undefined)) return undefined;
  const present = [...new Set(bodies.filter((body): body is string => body !== undefined))];
  if (present.length === 0) return undefined;
  if (present.length === 1) return `=${present[0]}`;
  return `=${present.map((body) => `(${body})`).join(` ${operator} `)}`;
}
