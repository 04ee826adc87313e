import type { EntityManager } from '@mikro-orm/postgresql';
import { FIELD_DICTIONARY } from '@onething/forms';
import { valueKeys } from '../applications/application-data.ts';
import { ApplicationSchema } from '../applications/application.entity.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Principal } from '../auth/access.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { recordDataAccess, staffRead } from '../data-access/record-data-access.ts';
import type { UserTask } from './user-task.entity.ts';

export interface TaskRead {
  principal: Principal;
  task: Pick<UserTask, 'id' | 'applicationId'>;
  /** The data the task showed the reader (after the group's share and masks). */
  data: Readonly<Record<string, unknown>>;
  /** The people whose ID numbers the reader's groups see in full. */
  fullIdNumberRoles: readonly string[];
  ip: string;
}

/**
 * A clerk opened a task: the audit trail records who read which task of
 * which application, the field groups shown and whose ID numbers were shown
 * in full; the applicant's data-access log records a staff read naming the
 * personal-data fields, as the application detail and material downloads do.
 */
export async function recordTaskRead(
  em: EntityManager,
  catalogue: Catalogue,
  read: TaskRead,
  at: Date = new Date(),
): Promise<void> {
  const { principal, task, data } = read;
  const fields = valueKeys(data).filter((key) => FIELD_DICTIONARY.has(key));
  const fieldGroups = [...new Set(fields.map((key) => key.split('.')[0] ?? key))];
  const fullIdNumbers = read.fullIdNumberRoles.filter((role) => fields.includes(`${role}.idNumber`));
  await recordAudit(
    em,
    {
      actorId: principal.id,
      actorName: principal.username,
      action: 'task.read',
      target: task.id,
      outcome: 'success',
      ip: read.ip,
      details: { applicationId: task.applicationId ?? null, fieldGroups, fullIdNumbers },
    },
    at,
  );
  if (task.applicationId === null || task.applicationId === undefined || fields.length === 0) return;
  const application = await em.findOne(
    ApplicationSchema,
    { id: task.applicationId },
    { fields: ['applicantId', 'bundleKey'] },
  );
  if (application === null) return;
  const title = catalogue.get(application.bundleKey)?.manifest.title ?? {
    'zh-CN': application.bundleKey,
    en: application.bundleKey,
  };
  await recordDataAccess(em, [
    staffRead({
      citizenId: application.applicantId,
      actor: principal.displayName,
      applicationId: task.applicationId,
      bundleTitle: title,
      what: 'application',
      fields,
      at,
    }),
  ]);
}
