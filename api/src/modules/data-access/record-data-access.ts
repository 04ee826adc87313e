import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalizedText } from '@onething/processes';
import { maskResidentId } from '../people/resident-id.ts';
import { DataAccessEventSchema, type DataAccessKind } from './data-access-event.entity.ts';

export interface DataAccessEntry {
  citizenId: string;
  at: Date;
  kind: DataAccessKind;
  registry?: string | null;
  subject: string;
  /** The subject's full ID number: masked here, never stored in full. */
  subjectIdNumber?: string | null;
  fields: readonly string[];
  purpose: LocalizedText;
  actor: string;
  target?: string | null;
}

/**
 * Appends entries to citizens' data-access logs in their own statement, so
 * that a read is logged even when the work around it fails afterwards.
 */
export async function recordDataAccess(
  em: EntityManager,
  entries: readonly DataAccessEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await em.insertMany(
    DataAccessEventSchema,
    entries.map((entry) => ({
      citizenId: entry.citizenId,
      at: entry.at,
      kind: entry.kind,
      registry: entry.registry ?? null,
      subject: entry.subject,
      subjectId:
        entry.subjectIdNumber === undefined || entry.subjectIdNumber === null
          ? null
          : maskResidentId(entry.subjectIdNumber),
      fields: [...entry.fields],
      purpose: entry.purpose,
      actor: entry.actor,
      target: entry.target ?? null,
    })),
  );
}

/** The staff-read entry for a staff member reading a citizen's application data or a material. */
export function staffRead(input: {
  citizenId: string;
  actor: string;
  applicationId: string;
  bundleTitle: LocalizedText;
  what: 'application' | 'material';
  fields: readonly string[];
  at: Date;
}): DataAccessEntry {
  const purpose: LocalizedText =
    input.what === 'application'
      ? {
          'zh-CN': `办理「${input.bundleTitle['zh-CN']}」申请时查阅申请信息`,
          en: `Read the application data while handling "${input.bundleTitle.en}"`,
        }
      : {
          'zh-CN': `办理「${input.bundleTitle['zh-CN']}」申请时查阅申请材料`,
          en: `Read an uploaded material while handling "${input.bundleTitle.en}"`,
        };
  return {
    citizenId: input.citizenId,
    at: input.at,
    kind: 'staff-read',
    subject: 'applicant',
    fields: input.fields,
    purpose,
    actor: input.actor,
    target: input.applicationId,
  };
}
