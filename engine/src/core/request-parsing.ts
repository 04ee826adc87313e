import { EngineError } from '../errors.ts';
import { DEFAULT_TENANT } from '../service.ts';
import { parseVariablesDocument, type Variables } from '../runtime/json-values.ts';

/** Edge checks shared by the service methods; they run before a command is queued. */

export function parseKey(text: string, intent: string, what: string): number {
  const trimmed = text.trim();
  if (!/^-?\d{1,19}$/.test(trimmed))
    throw new EngineError(
      'NOT_FOUND',
      intent,
      `Expected to find ${what} with key '${text}', but the key is not a number`,
    );
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : -1;
}

export function parseVariables(text: string, intent: string): Variables {
  const parsed = parseVariablesDocument(text);
  if (!parsed.ok) throw new EngineError('INVALID_ARGUMENT', intent, parsed.reason);
  return parsed.variables;
}

/** Multi-tenancy is off: '' and '<default>' are accepted, anything else is IA (§0.2). */
export function checkTenant(tenantId: string, intent: string): void {
  if (tenantId !== '' && tenantId !== DEFAULT_TENANT) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      intent,
      `Expected to handle request with tenant identifier '${tenantId}', but multi-tenancy is disabled`,
    );
  }
}

export function checkTenants(tenantIds: readonly string[], intent: string): void {
  for (const tenantId of tenantIds) checkTenant(tenantId, intent);
}

export function keyText(key: number): string {
  return String(key);
}
