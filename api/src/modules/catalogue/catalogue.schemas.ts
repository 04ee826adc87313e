import { Type, type Static } from 'typebox';
import { DEPARTMENTS } from '@onething/processes';

export const LocalizedText = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });

/** A material a bundle version asks for (its manifest's `materials`). */
export const BundleMaterialSchema = Type.Object({
  key: Type.String(),
  name: LocalizedText,
  description: LocalizedText,
  required: Type.Boolean(),
});

const Service = Type.Object({
  key: Type.String(),
  title: LocalizedText,
  department: Type.Enum(DEPARTMENTS),
  timeLimitDays: Type.Integer(),
  requires: Type.Array(Type.String()),
});

export const BundleSummary = Type.Object({
  key: Type.String(),
  title: LocalizedText,
  summary: LocalizedText,
  departments: Type.Array(Type.Enum(DEPARTMENTS)),
  materials: Type.Array(BundleMaterialSchema),
  timeLimitDays: Type.Integer(),
  /** The published version number: what an application submitted now records. */
  version: Type.Integer(),
});
export type BundleSummary = Static<typeof BundleSummary>;

/** A form-js schema: passed through as the catalogue holds it (checked at start by the forms package). */
export const FormSchemaJson = Type.Object({}, { additionalProperties: true });

export const BundleDetail = Type.Intersect([
  BundleSummary,
  Type.Object({ services: Type.Array(Service), form: FormSchemaJson }),
]);

export const BundleList = Type.Array(BundleSummary);

export const BundleKeyParams = Type.Object(
  { key: Type.String({ pattern: '^[a-z][a-z0-9-]{0,62}$' }) },
  { additionalProperties: false },
);
