import type { JsonSchema } from './write-operation.ts';

/** JSON schema fragments for request bodies; check digits and date logic live in field-checks.ts. */
export const idNumberSchema = { type: 'string', minLength: 18, maxLength: 18 };
export const creditCodeSchema = { type: 'string', minLength: 18, maxLength: 18 };
export const nameSchema = { type: 'string', minLength: 1, maxLength: 50 };
export const dateSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
export const monthSchema = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' };
export const sexSchema = { type: 'string', enum: ['male', 'female'] };
// No multipleOf: binary fractions make 0.01 steps fail for valid amounts; numeric(12, 2) columns round to cents.
export const amountSchema = { type: 'number', exclusiveMinimum: 0, maximum: 10_000_000 };
export const recordNoSchema = { type: 'string', minLength: 1, maxLength: 40 };
export const bankAccountSchema = { type: 'string', pattern: '^\\d{12,30}$' };

export function textSchema(maxLength: number): JsonSchema {
  return { type: 'string', minLength: 1, maxLength };
}

export function bodySchema(properties: Record<string, JsonSchema>, required: readonly string[]): JsonSchema {
  return { type: 'object', additionalProperties: false, properties, required };
}

export const idNumberParams = bodySchema({ idNumber: { type: 'string', maxLength: 18 } }, ['idNumber']);
