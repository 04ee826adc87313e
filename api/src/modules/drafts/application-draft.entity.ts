import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * A citizen's unfinished application for a bundle (one per citizen and
 * bundle). The data is personal data like a submitted application's, so it is
 * stored only encrypted. Materials uploaded to it point at it (material.entity.ts).
 */
export const ApplicationDraftSchema = defineEntity({
  name: 'ApplicationDraft',
  schema: 'app',
  tableName: 'application_draft',
  properties: (p) => ({
    id: p.uuid().primary(),
    applicantId: p.uuid(),
    bundleKey: p.string().length(64),
    /** The JSON of the data, only under keys of the combined form, encrypted with the secret key. */
    dataCipher: p.text(),
    /** The portal's wizard step, as it saved it. */
    step: p.string().length(64).nullable(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  }),
  uniques: [{ properties: ['applicantId', 'bundleKey'] }],
});
export type ApplicationDraft = InferEntity<typeof ApplicationDraftSchema>;
