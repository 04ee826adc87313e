import type { Expression } from './process-model.ts';

/** Zeebe: a value starting with '=' is FEEL, anything else is static. */
export function toExpression(text: string): Expression {
  const trimmed = text.trim();
  return trimmed.startsWith('=')
    ? { kind: 'feel', source: trimmed.slice(1) }
    : { kind: 'static', value: text };
}

export function feelSource(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1) : undefined;
}
