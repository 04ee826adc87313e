import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * One audited action (sign-in, read or change of personal data, ...). The
 * table is append-only: a database trigger rejects updates and deletes.
 */
export const AuditEventSchema = defineEntity({
  name: 'AuditEvent',
  schema: 'app',
  tableName: 'audit_event',
  properties: (p) => ({
    id: p.bigint('string').primary().autoincrement(),
    at: p.datetime().columnType('timestamptz'),
    actorId: p.uuid().nullable(),
    actorName: p.string().length(200).nullable(),
    action: p.string().length(100),
    target: p.string().length(300).nullable(),
    outcome: p.string().length(20).$type<AuditOutcome>(),
    ip: p.string().length(64).nullable(),
    details: p.json<Record<string, unknown>>().nullable(),
  }),
  indexes: [{ properties: ['action', 'target', 'at'] }],
});

export type AuditEvent = InferEntity<typeof AuditEventSchema>;
