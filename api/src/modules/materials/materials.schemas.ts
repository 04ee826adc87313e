import { Type } from 'typebox';

export const Material = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String(),
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedAt: Type.String({ format: 'date-time' }),
});

export const DraftMaterialParams = Type.Object(
  {
    bundleKey: Type.String({ minLength: 1, maxLength: 64 }),
    materialId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);

export const ApplicationMaterialParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), materialId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

/** What a download answers: the file's bytes. */
export const MaterialFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
