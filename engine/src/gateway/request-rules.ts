import { EngineError } from '../errors.ts';
import { DEFAULT_TENANT } from '../service.ts';

/** Edge validation returns data; the handler turns a failure into a status. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: EngineError };

/** Inside a handler: a failed edge check becomes the rejection the one error mapper turns into a status. */
export function valueOf<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

export function accept<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function invalid<T>(intent: string, reason: string): Parsed<T> {
  return { ok: false, error: new EngineError('INVALID_ARGUMENT', intent, reason) };
}

/**
 * Multi-tenancy is off (ZEEBE-COMPAT.md §0.2): an empty id or `<default>` is
 * the default tenant, anything else is rejected.
 */
export function tenantOf(tenantId: string, rpc: string): Parsed<string> {
  if (tenantId === '' || tenantId === DEFAULT_TENANT) return accept(DEFAULT_TENANT);
  return tenantRejection(tenantId, rpc);
}

/** Job activation: an empty list means the default tenant. */
export function tenantsOf(tenantIds: string[], rpc: string): Parsed<string[]> {
  const foreign = tenantIds.find((id) => id !== '' && id !== DEFAULT_TENANT);
  return foreign === undefined ? accept([DEFAULT_TENANT]) : tenantRejection(foreign, rpc);
}

function tenantRejection<T>(tenantId: string, rpc: string): Parsed<T> {
  return invalid(
    rpc,
    `Expected to handle gRPC request ${rpc} with tenant identifier '${tenantId}', but multi-tenancy is disabled`,
  );
}

/**
 * Blank text and JSON `null` mean "no variables" (''); anything else goes to
 * the core as it is, which parses it losslessly and rejects non-objects.
 */
export function variablesOf(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || trimmed === 'null' ? '' : text;
}
