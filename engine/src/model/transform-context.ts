import type { Problems } from './problems.ts';

/** What every transform step shares while one resource is being built. */
export interface TransformContext {
  readonly problems: Problems;
  /** FEEL sources to parse-check after the walk, with the element that owns them. */
  readonly feel: { elementId: string; source: string; what: string }[];
}

export function requireFeel(
  context: TransformContext,
  elementId: string,
  what: string,
  text: string | undefined,
): string | undefined {
  const trimmed = text?.trim() ?? '';
  if (!trimmed.startsWith('=') || trimmed.length === 1) {
    context.problems.add(elementId, `${what} must be a FEEL expression starting with '='`);
    return undefined;
  }
  const source = trimmed.slice(1);
  context.feel.push({ elementId, source, what });
  return source;
}

/** Records FEEL sources of an expression that may be static or FEEL. */
export function noteExpression(
  context: TransformContext,
  elementId: string,
  what: string,
  text: string,
): void {
  const trimmed = text.trim();
  if (trimmed.startsWith('=')) context.feel.push({ elementId, source: trimmed.slice(1), what });
}
