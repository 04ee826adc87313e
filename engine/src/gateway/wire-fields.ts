/**
 * Readers for request objects decoded by @grpc/proto-loader. The decoder
 * fills every field with its proto default (`defaults: true`) and gives int64
 * as decimal strings (`longs: String`); these readers still check each type,
 * so a handler never trusts the shape of what arrived.
 */
export type WireMessage = Record<string, unknown>;

export function asMessage(value: unknown): WireMessage {
  return typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value)) : {};
}

export function str(message: WireMessage, field: string): string {
  const value = message[field];
  return typeof value === 'string' ? value : '';
}

export function int(message: WireMessage, field: string): number {
  const value = message[field];
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return 0;
}

/** An int64 key, kept as its exact decimal text. */
export function key(message: WireMessage, field: string): string {
  const value = message[field];
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return '0';
}

export function bool(message: WireMessage, field: string): boolean {
  return message[field] === true;
}

export function strings(message: WireMessage, field: string): string[] {
  const value = message[field];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function bytes(message: WireMessage, field: string): Uint8Array {
  const value = message[field];
  return value instanceof Uint8Array ? value : new Uint8Array();
}

export function messages(message: WireMessage, field: string): WireMessage[] {
  const value = message[field];
  return Array.isArray(value) ? value.map(asMessage) : [];
}
