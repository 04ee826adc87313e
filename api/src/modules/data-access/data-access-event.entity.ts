import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { LocalizedText } from '@onething/processes';

export const DATA_ACCESS_KINDS = ['registry-query', 'staff-read'] as const;
export type DataAccessKind = (typeof DATA_ACCESS_KINDS)[number];

/**
 * One line of a citizen's data-access log (数据使用记录): the platform asked
 * a registry about them or a linked person, or a staff member read their full
 * data. Kept apart from the audit trail because the citizen reads it; it is
 * append-only like the audit trail (a database trigger rejects updates and
 * deletes). ID numbers appear only masked.
 */
export const DataAccessEventSchema = defineEntity({
  name: 'DataAccessEvent',
  schema: 'app',
  tableName: 'data_access_event',
  properties: (p) => ({
    id: p.bigint('string').primary().autoincrement(),
    /** The citizen whose log this is (the signed-in account the data concerns). */
    citizenId: p.uuid(),
    at: p.datetime().columnType('timestamptz'),
    kind: p.string().length(20).$type<DataAccessKind>(),
    /** The registry asked (`civil`, `health`, `hr`, `tax`); null for staff reads. */
    registry: p.string().length(20).nullable(),
    /** Whom it was about, by relation to the citizen: `applicant`, `spouse`, `deceased`, ... */
    subject: p.string().length(50),
    /** The subject's ID number, masked; null when none was used. */
    subjectId: p.string().length(32).nullable(),
    /** Form keys (or record names) asked for or read. */
    fields: p.array<string>().columnType('text[]').default('{}'),
    /** Why: the bundle prefilled, the application reviewed. */
    purpose: p.json<LocalizedText>(),
    /** Who asked: the citizen through the portal, or the staff member. */
    actor: p.string().length(200),
    /** What it concerns: the bundle key or the application id. */
    target: p.string().length(300).nullable(),
  }),
  indexes: [{ properties: ['citizenId', 'at'] }],
});

export type DataAccessEvent = InferEntity<typeof DataAccessEventSchema>;
