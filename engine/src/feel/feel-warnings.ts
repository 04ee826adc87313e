import { temporalToString } from './feel-serialize.ts';

/** A warning as feelin reports it (details carry the message template and its values). */
export interface FeelWarning {
  readonly type: string;
  readonly message: string;
  readonly details?: { readonly template: string; readonly values: Readonly<Record<string, unknown>> };
}

/** Zeebe appends the evaluation warnings to every expression failure, one `[TYPE] message` a line. */
export function formatWarnings(warnings: readonly FeelWarning[]): string {
  if (warnings.length === 0) return '';
  return (
    ' The evaluation reported the following warnings:\n' +
    warnings
      .map((warning) => {
        const zeebe = toZeebeWarning(warning);
        return `[${zeebe.type}] ${zeebe.message}`;
      })
      .join('\n')
  );
}

const FEELIN_NO_VARIABLE = /^Variable '(.*)' not found$/;
const FEELIN_NO_KEY = /^(?:Key|Property) '(.*)' not found in \{target\}$/;

/**
 * feel-scala's wording of the warnings users see most (missing variables, context entries and
 * properties), so incident messages read as in Zeebe:
 * "No context entry found with key 'valid'. Available keys: 'status', 'body'".
 */
export function toZeebeWarning(warning: FeelWarning): { type: string; message: string } {
  if (warning.type === 'NO_VARIABLE_FOUND') {
    const match = FEELIN_NO_VARIABLE.exec(warning.message);
    if (match) return { type: warning.type, message: `No variable found with name '${match[1] ?? ''}'` };
  }
  if (warning.type === 'NO_CONTEXT_ENTRY_FOUND' || warning.type === 'NO_PROPERTY_FOUND') {
    const match = warning.details ? FEELIN_NO_KEY.exec(warning.details.template) : null;
    if (match && warning.details) {
      return pathWarning(match[1] ?? '', warning.details.values['target']);
    }
  }
  return { type: warning.type, message: warning.message };
}

function pathWarning(key: string, target: unknown): { type: string; message: string } {
  const prefix = `No context entry found with key '${key}'.`;
  if (target === null || target === undefined) {
    return { type: 'NO_CONTEXT_ENTRY_FOUND', message: `${prefix} The context is null` };
  }
  if (typeof target === 'object' && !Array.isArray(target) && temporalToString(target) === undefined) {
    const keys = Object.keys(target);
    const detail =
      keys.length === 0
        ? 'The context is empty'
        : `Available keys: ${keys.map((name) => `'${name}'`).join(', ')}`;
    return { type: 'NO_CONTEXT_ENTRY_FOUND', message: `${prefix} ${detail}` };
  }
  const shown = temporalToString(target) ?? (typeof target === 'string' ? target : JSON.stringify(target));
  return { type: 'NO_PROPERTY_FOUND', message: `No property found with name '${key}' of value '${shown}'` };
}
