import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * An uploaded material (申请材料): a file under `<dataDir>/materials/<id>`
 * and this row, which says whose it is and checks the file (sha256). It
 * belongs to a draft until the application is submitted, then to the
 * application (submitting moves it in the same transaction).
 */
export const MaterialSchema = defineEntity({
  name: 'Material',
  schema: 'app',
  tableName: 'material',
  properties: (p) => ({
    id: p.uuid().primary(),
    /** The citizen who uploaded it (the applicant). */
    ownerId: p.uuid(),
    draftId: p.uuid().nullable().index(),
    applicationId: p.uuid().nullable().index(),
    /** A material key of the bundle (`bundle.json` `materials[].key`). */
    kind: p.string().length(64),
    filename: p.string().length(255),
    /** As detected from the content, never as declared. */
    contentType: p.string().length(50),
    size: p.integer(),
    sha256: p.string().length(64),
    uploadedAt: p.datetime().columnType('timestamptz'),
  }),
  checks: [
    {
      name: 'material_draft_or_application',
      expression: '(draft_id is null) <> (application_id is null)',
    },
  ],
});
export type Material = InferEntity<typeof MaterialSchema>;
