import { Type } from 'typebox';
import { Material } from '../materials/materials.schemas.ts';

export const DraftParams = Type.Object(
  { bundleKey: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9-]*$' }) },
  { additionalProperties: false },
);

export const DraftBody = Type.Object(
  {
    data: Type.Object({}, { additionalProperties: true }),
    step: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const DraftSummary = Type.Object({
  bundleKey: Type.String(),
  step: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});
export const DraftList = Type.Array(DraftSummary);

export const DraftDetail = Type.Object({
  bundleKey: Type.String(),
  data: Type.Object({}, { additionalProperties: true }),
  step: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
  materials: Type.Array(Material),
});
