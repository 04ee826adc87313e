import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PersonalDataCipher } from '../../people/personal-data-cipher.ts';
import { DryRunTaskSchema } from './dry-run-task.entity.ts';

export interface DryRunJob {
  jobKey: string;
  processInstanceKey: string;
  elementId: string;
  candidateGroups: string[];
  formKey: string | null;
  variables: Record<string, unknown>;
}

/**
 * Keeps a user-task job of a dry run (the bridge hands over every job of a
 * dry-run process): a row of the dry run's own, never a clerk's task. A job
 * delivered again (after its activation ran out) updates its row.
 */
export async function keepDryRunTask(
  em: EntityManager,
  job: DryRunJob,
  cipher: PersonalDataCipher,
  now: Date,
): Promise<void> {
  const variablesCipher = cipher.encrypt(JSON.stringify(job.variables));
  const existing = await em.findOne(DryRunTaskSchema, { jobKey: job.jobKey }, { fields: ['id'] });
  if (existing !== null) {
    await em.nativeUpdate(DryRunTaskSchema, { id: existing.id }, { variablesCipher });
    return;
  }
  await em.insert(DryRunTaskSchema, {
    id: randomUUID(),
    jobKey: job.jobKey,
    processInstanceKey: job.processInstanceKey,
    elementId: job.elementId,
    candidateGroups: job.candidateGroups,
    formKey: job.formKey,
    state: 'open',
    variablesCipher,
    createdAt: now,
    completedAt: null,
    completedBy: null,
  });
}
