import { Type, type Static } from 'typebox';
import { LocalizedText } from '../catalogue/catalogue.schemas.ts';

/** The largest BPMN document the Studio stores (the embedded engine's own limit too). */
export const MAX_BPMN_BYTES = 4 * 1024 * 1024;
/** A draft request carries the BPMN, every form and bundle.json. */
export const DRAFT_BODY_LIMIT = 8 * 1024 * 1024;

const JsonObject = Type.Record(Type.String(), Type.Unknown());

export const StudioKeyParams = Type.Object(
  { key: Type.String({ pattern: '^[a-z][a-z0-9-]{0,62}$' }) },
  { additionalProperties: false },
);

export const StudioBundleSummary = Type.Object({
  key: Type.String(),
  title: LocalizedText,
  publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  draftVersion: Type.Integer(),
  draftUpdatedAt: Type.String({ format: 'date-time' }),
  draftUpdatedBy: Type.String(),
  hasUnpublishedChanges: Type.Boolean(),
  /** processes/ ships changes for this bundle that were not applied, since the Studio changed it. */
  shippedUpdate: Type.Boolean(),
});
export type StudioBundleSummary = Static<typeof StudioBundleSummary>;

export const StudioBundleList = Type.Array(StudioBundleSummary);

export const PublishedInfo = Type.Object({
  version: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  by: Type.String(),
  processDefinitionKey: Type.String(),
});

export const StudioBundleDraft = Type.Object({
  key: Type.String(),
  version: Type.Integer(),
  bpmn: Type.String(),
  forms: Type.Record(Type.String(), JsonObject),
  bundle: JsonObject,
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.String(),
  published: Type.Union([PublishedInfo, Type.Null()]),
});
export type StudioBundleDraft = Static<typeof StudioBundleDraft>;

export const SaveDraftBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    bpmn: Type.String({ minLength: 1, maxLength: MAX_BPMN_BYTES }),
    forms: Type.Record(Type.String({ pattern: '^forms/[a-z][a-z0-9-]*\\.form$' }), JsonObject, {
      maxProperties: 200,
    }),
    bundle: JsonObject,
  },
  { additionalProperties: false },
);

export const PublishBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

const Problem = Type.Object({
  source: Type.Union([
    Type.Literal('bundle'),
    Type.Literal('form'),
    Type.Literal('lint'),
    Type.Literal('deploy'),
  ]),
  elementId: Type.Optional(Type.String()),
  formPath: Type.Optional(Type.String()),
  fieldKey: Type.Optional(Type.String()),
  message: Type.String(),
});

export const Published = Type.Object({
  version: Type.Integer(),
  processDefinitionKey: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
  /** Lint warnings and hints: not blocking, worth a look. */
  warnings: Type.Array(Problem),
});

const errorBase = {
  code: Type.String(),
  message: Type.String(),
  fields: Type.Optional(Type.Record(Type.String(), Type.String())),
};

/** 409 DRAFT_CONFLICT: the current draft version and who saved it. */
export const DraftConflictResponse = Type.Object({
  error: Type.Object({
    ...errorBase,
    version: Type.Optional(Type.Integer()),
    updatedBy: Type.Optional(Type.String()),
    updatedAt: Type.Optional(Type.String({ format: 'date-time' })),
  }),
});

/** 422 PUBLISH_REJECTED: every problem found, element by element. */
export const PublishRejectedResponse = Type.Object({
  error: Type.Object({ ...errorBase, problems: Type.Optional(Type.Array(Problem)) }),
});

export const DictionaryEntry = Type.Object({
  key: Type.String(),
  label: LocalizedText,
  type: Type.String(),
  registry: Type.Optional(Type.String()),
  sensitive: Type.Optional(Type.Boolean()),
});
export const DictionaryList = Type.Array(DictionaryEntry);

export const TemplateList = Type.Array(JsonObject);
