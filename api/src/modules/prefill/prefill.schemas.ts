import { Type } from 'typebox';
import { PREFILL_REGISTRIES } from './registry-queries.ts';

export const PrefillParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }) });

export const PrefillResponse = Type.Object({
  /** Values by form field key (dotted), each one valid for its field. */
  values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
  sources: Type.Record(
    Type.String(),
    Type.Object({
      registry: Type.Enum(PREFILL_REGISTRIES),
      subject: Type.String(),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
  /** Registries that did not answer: their fields are left for the citizen. */
  unavailable: Type.Array(Type.Enum(PREFILL_REGISTRIES)),
});
