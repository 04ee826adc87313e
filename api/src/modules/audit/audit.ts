import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEventSchema, type AuditOutcome } from './audit-event.entity.ts';

export interface AuditEntry {
  actorId?: string | null;
  actorName?: string | null;
  /** Dotted verb, e.g. `auth.login`, `application.read`. */
  action: string;
  target?: string | null;
  outcome: AuditOutcome;
  ip?: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * Appends one entry to the audit trail, in its own statement: an audit entry
 * is written even when the work it describes is refused or rolled back.
 * Never put passwords or full ID numbers in `target` or `details`.
 */
export async function recordAudit(
  em: EntityManager,
  entry: AuditEntry,
  at: Date = new Date(),
): Promise<void> {
  await em.insert(AuditEventSchema, {
    at,
    actorId: entry.actorId ?? null,
    actorName: entry.actorName ?? null,
    action: entry.action,
    target: entry.target ?? null,
    outcome: entry.outcome,
    ip: entry.ip ?? null,
    details: entry.details ?? null,
  });
}
