import { Type } from 'typebox';
import { BundleMaterialSchema, FormSchemaJson, LocalizedText } from '../catalogue/catalogue.schemas.ts';
import { CommentList } from '../comments/comments.schemas.ts';
import { RatingView } from '../ratings/ratings.schemas.ts';
import { APPLICATION_STATUSES } from './application.entity.ts';
import { PART_STATUSES } from './application-parts.ts';
import { Material } from '../materials/materials.schemas.ts';

export const SubmitBody = Type.Object(
  {
    bundleKey: Type.String({ minLength: 1, maxLength: 64 }),
    data: Type.Object({}, { additionalProperties: true }),
    services: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 50 })),
  },
  { additionalProperties: false },
);

export const SubmitHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});

export const Submitted = Type.Object({ id: Type.String(), status: Type.Enum(APPLICATION_STATUSES) });

export const ApplicationIdParams = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

const Data = Type.Object({}, { additionalProperties: true });

export const ApplicationSummary = Type.Object({
  id: Type.String(),
  bundleKey: Type.String(),
  status: Type.Enum(APPLICATION_STATUSES),
  submittedAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  /** Sensitive values (ID numbers) masked. */
  data: Data,
});
export const ApplicationList = Type.Array(ApplicationSummary);

export const Part = Type.Object({
  department: Type.String(),
  service: Type.String(),
  status: Type.Enum(PART_STATUSES),
  result: Type.Union([
    Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
    Type.Null(),
  ]),
  title: LocalizedText,
  dueDate: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const TimelineEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  event: Type.String(),
  by: Type.Union([Type.String(), Type.Null()]),
});

export const ApplicationDetail = Type.Object({
  id: Type.String(),
  bundleKey: Type.String(),
  status: Type.Enum(APPLICATION_STATUSES),
  services: Type.Array(Type.String()),
  submittedAt: Type.String({ format: 'date-time' }),
  data: Data,
  parts: Type.Array(Part),
  timeline: Type.Array(TimelineEntry),
  /** The citizen's rating (好差评), once given. */
  rating: Type.Union([RatingView, Type.Null()]),
  /** Approval opinions (审批意见): staff views only. */
  comments: Type.Optional(CommentList),
  materials: Type.Array(Material),
  /** The clerk's reason while returned. */
  returnReason: Type.Union([Type.String(), Type.Null()]),
  /** Form keys the clerk asked to fix; empty means the whole form. */
  returnedFields: Type.Array(Type.String()),
});

export const SupplementBody = Type.Object(
  { data: Type.Object({}, { additionalProperties: true }) },
  { additionalProperties: false },
);

/** The combined form of the owner's application at its own bundle version and chosen services. */
export const ApplicationFormView = Type.Object({
  bundleKey: Type.String(),
  version: Type.Integer(),
  services: Type.Array(Type.String()),
  form: FormSchemaJson,
  /** The materials of that version (not the catalogue's current ones): what an upload may be. */
  materials: Type.Array(BundleMaterialSchema),
});
