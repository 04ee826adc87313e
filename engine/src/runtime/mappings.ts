import type { VariableMapping } from '../model/process-model.ts';
import type { ElementInstance } from './entities.ts';
import type { Execution } from './execution.ts';
import { fromFeelValue, type Variables } from './json-values.ts';

export type MappingResult = { ok: true; variables: Variables } | { ok: false; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Evaluates `zeebe:input`s or `zeebe:output`s like Zeebe's compiled context
 * literal (§3.3): later entries see earlier targets; a dotted target nests;
 * for outputs a dotted target merges into the existing variable.
 */
export function evaluateMappings(
  x: Execution,
  mappings: readonly VariableMapping[],
  instance: ElementInstance,
  kind: 'input' | 'output',
): MappingResult {
  const context = x.feelContext(instance);
  const result: Record<string, unknown> = {};
  for (const mapping of mappings) {
    let value: unknown;
    if (mapping.source.kind === 'static') value = mapping.source.value;
    else {
      const outcome = x.services.evaluate(mapping.source.source, { ...context, ...result }, x.now, 'any');
      if (!outcome.ok)
        return {
          ok: false,
          message: `Failed to evaluate the ${kind} mapping '${mapping.target}': ${outcome.message}`,
        };
      value = outcome.value;
    }
    const path = mapping.target.split('.');
    const head = path[0] ?? mapping.target;
    if (path.length === 1) {
      result[head] = value;
      continue;
    }
    const existing = head in result ? result[head] : kind === 'output' ? context[head] : undefined;
    const root: Record<string, unknown> = isRecord(existing) ? structuredClone(existing) : {};
    let cursor = root;
    for (const segment of path.slice(1, -1)) {
      const next = cursor[segment];
      cursor[segment] = isRecord(next) ? next : {};
      const nested = cursor[segment];
      if (isRecord(nested)) cursor = nested;
    }
    cursor[path[path.length - 1] ?? head] = value;
    result[head] = root;
  }
  const variables: Variables = new Map();
  for (const [name, value] of Object.entries(result)) variables.set(name, fromFeelValue(value));
  return { ok: true, variables };
}
