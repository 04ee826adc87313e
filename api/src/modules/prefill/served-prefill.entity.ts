import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * What `GET /api/bundles/:key/prefill` last served a citizen for a bundle, so
 * that a submission can tell which of its values came unchanged from the
 * registries (the Monitor's prefilled share) without trusting the client.
 * The values are personal data: only their keyed hashes are kept, one per
 * field key, until `expiresAt`.
 */
export const ServedPrefillSchema = defineEntity({
  name: 'ServedPrefill',
  schema: 'app',
  tableName: 'served_prefill',
  properties: (p) => ({
    citizenId: p.uuid().primary(),
    bundleKey: p.string().length(64).primary(),
    /** Field key → keyed hash of the value served (see served-prefill.ts). */
    valueHashes: p.json<Record<string, string>>(),
    servedAt: p.datetime().columnType('timestamptz'),
    expiresAt: p.datetime().columnType('timestamptz').index(),
  }),
});
export type ServedPrefill = InferEntity<typeof ServedPrefillSchema>;
