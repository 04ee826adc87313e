import { randomUUID } from 'node:crypto';
import type { Zeebe } from '@camunda8/sdk';
import { serviceOutcomes } from '@onething/processes';
import { pino, type Logger } from 'pino';
import type { Orm } from '../../orm.ts';
import { ApplicationSchema, type StoredOutcome } from '../applications/application.entity.ts';
import { PublishedVersions } from '../catalogue/published-versions.ts';
import type { PersonalDataCipher } from '../people/personal-data-cipher.ts';
import { isDryRunProcess } from '../studio/dry-run/dry-run-process.ts';
import { keepDryRunTask } from '../studio/dry-run/keep-dry-run-task.ts';
import { DeployedTaskNames } from './deployed-task-names.ts';
import { USER_TASK_JOB_TYPE, userTaskJobFields } from './user-task-job.ts';
import { UserTaskSchema } from './user-task.entity.ts';

type ActivatedJob = Awaited<ReturnType<Zeebe.ZeebeGrpcClient['activateJobs']>>[number];

export interface UserTaskBridgeOptions {
  zeebe: Zeebe.ZeebeGrpcClient;
  orm: Orm;
  /** Encrypts the job's variables (personal data) in the task row. */
  personalData: PersonalDataCipher;
  logger?: Logger;
  /** How long an activation holds a job (default 24 hours). */
  activationTimeoutMs?: number;
  /** Renew an activation this long before it runs out (default 1 hour), checking every `renewEveryMs`. */
  renewBeforeMs?: number;
  renewEveryMs?: number;
  /** Long-poll duration of ActivateJobs; also bounds how long stop() waits (default 5 s). */
  pollTimeoutMs?: number;
  workerName?: string;
}

export interface UserTaskBridge {
  /** Stops activating and renewing; resolves when the current poll has ended. */
  stop(): Promise<void>;
}

const GRPC_NOT_FOUND = 5;

/**
 * The user-task bridge: takes every `io.camunda.zeebe:userTask` job and keeps
 * a task row for it, which clerks claim and complete through the api. A job
 * stays activated while a clerk works on it: the activation is long, and it is
 * renewed (UpdateJobTimeout) before it runs out. A job that the engine no
 * longer knows (its instance was cancelled, an interrupting event left the
 * task) marks its task cancelled. A re-delivered job (after a timeout) updates
 * its row, so claims survive.
 *
 * Tasks have no foreign key to applications: the window task can be activated
 * before the transaction that stores its application commits (see
 * submit-application.ts).
 */
export function startUserTaskBridge(options: UserTaskBridgeOptions): UserTaskBridge {
  const logger = options.logger ?? pino({ level: 'silent' });
  const activationTimeoutMs = options.activationTimeoutMs ?? 24 * 60 * 60 * 1000;
  const renewBeforeMs = options.renewBeforeMs ?? 60 * 60 * 1000;
  const pollTimeoutMs = options.pollTimeoutMs ?? 5_000;
  const worker = options.workerName ?? 'onething-user-task-bridge';
  // Each application's part outcomes follow the services of its own bundle version.
  const versions = new PublishedVersions(options.orm);
  const taskNames = new DeployedTaskNames(options.orm);
  let running = true;

  const keep = async (job: ActivatedJob): Promise<void> => {
    const variables: Record<string, unknown> = { ...job.variables };
    const fields = userTaskJobFields({ ...job.customHeaders }, variables);
    const now = new Date();
    const em = options.orm.em.fork();
    // A Studio dry run's task is the designer's to act, never a clerk's.
    if (isDryRunProcess(job.bpmnProcessId)) {
      const dryRunJob = {
        jobKey: String(job.key),
        processInstanceKey: String(job.processInstanceKey),
        elementId: job.elementId,
        candidateGroups: fields.candidateGroups,
        formKey: fields.formKey,
        variables,
      };
      await keepDryRunTask(em, dryRunJob, options.personalData, now);
      return;
    }
    const row = {
      processInstanceKey: String(job.processInstanceKey),
      bpmnProcessId: job.bpmnProcessId,
      elementId: job.elementId,
      name: job.elementId,
      candidateGroups: fields.candidateGroups,
      formKey: fields.formKey,
      dueDate: fields.dueDate,
      applicationId: fields.applicationId,
      bundleKey: fields.bundleKey,
      variablesCipher: options.personalData.encrypt(JSON.stringify(variables)),
      jobDeadline: new Date(now.getTime() + activationTimeoutMs),
    };
    const existing = await em.findOne(UserTaskSchema, { jobKey: String(job.key) });
    if (existing === null) {
      await em.insert(UserTaskSchema, {
        id: randomUUID(),
        origin: 'engine',
        jobKey: String(job.key),
        ...row,
        name:
          (await taskNames.name(job.bpmnProcessId, job.processDefinitionVersion, job.elementId)) ??
          job.elementId,
        assigneeId: null,
        assigneeName: fields.assignee,
        state: 'open',
        createdAt: now,
        completedAt: null,
        completedBy: null,
      });
    } else {
      await em.nativeUpdate(UserTaskSchema, { id: existing.id }, { ...row, name: existing.name });
    }
    await keepOutcomes(em, versions, fields.applicationId, variables);
  };

  const poll = (async () => {
    while (running) {
      try {
        const jobs = await options.zeebe.activateJobs({
          type: USER_TASK_JOB_TYPE,
          worker,
          maxJobsToActivate: 32,
          timeout: activationTimeoutMs,
          requestTimeout: pollTimeoutMs,
        });
        for (const job of jobs) {
          await keep(job).catch((error: unknown) =>
            logger.error({ err: error, jobKey: job.key }, 'user-task bridge could not keep a task'),
          );
        }
      } catch (error) {
        if (!running) break;
        logger.warn({ err: error }, 'user-task bridge: activating jobs failed; retrying');
        await delay(1_000);
      }
    }
  })();

  const renew = async (): Promise<void> => {
    const em = options.orm.em.fork();
    // Only tasks of engine jobs: a follow-up the api opened itself has no job to renew or lose.
    const due = await em.find(UserTaskSchema, {
      origin: 'engine',
      state: 'open',
      jobDeadline: { $lt: new Date(Date.now() + renewBeforeMs) },
    });
    for (const task of due) {
      if (task.jobKey === null || task.jobKey === undefined) continue;
      try {
        await options.zeebe.updateJobTimeout({ jobKey: task.jobKey, timeout: activationTimeoutMs });
        await em.nativeUpdate(
          UserTaskSchema,
          { id: task.id },
          { jobDeadline: new Date(Date.now() + activationTimeoutMs) },
        );
      } catch (error) {
        if (grpcCode(error) === GRPC_NOT_FOUND) {
          await em.nativeUpdate(UserTaskSchema, { id: task.id, state: 'open' }, { state: 'cancelled' });
        } else {
          logger.warn({ err: error, jobKey: task.jobKey }, 'user-task bridge could not renew a job');
        }
      }
    }
  };
  const renewing = setInterval(() => {
    renew().catch((error: unknown) => logger.error({ err: error }, 'user-task bridge renewal failed'));
  }, options.renewEveryMs ?? 60_000);

  return {
    stop: async () => {
      running = false;
      clearInterval(renewing);
      await poll;
    },
  };
}

/**
 * Keeps the application's part outcomes as the job's variables tell them. An
 * application whose row is not committed yet (its first task can come first,
 * see submit-application.ts) has nothing settled to keep.
 */
async function keepOutcomes(
  em: ReturnType<Orm['em']['fork']>,
  versions: PublishedVersions,
  applicationId: string | null,
  variables: Record<string, unknown>,
): Promise<void> {
  if (applicationId === null) return;
  const application = await em.findOne(
    ApplicationSchema,
    { id: applicationId },
    { fields: ['bundleKey', 'bundleVersion', 'outcomes'] },
  );
  if (application === null) return;
  const { manifest } = await versions.of(application);
  await em.nativeUpdate(
    ApplicationSchema,
    { id: applicationId },
    {
      outcomes: withSettledAt(serviceOutcomes(manifest, variables), application.outcomes ?? null, new Date()),
    },
  );
}

/**
 * The outcomes with the time each service was first seen settled (done or
 * failed): the bridge sees outcomes when a user task starts, so an automatic
 * service's time is when the next user task after it began.
 */
export function withSettledAt(
  outcomes: readonly StoredOutcome[],
  previous: readonly StoredOutcome[] | null,
  now: Date,
): StoredOutcome[] {
  const before = new Map((previous ?? []).map((outcome) => [outcome.service, outcome]));
  return outcomes.map((outcome) => {
    if (outcome.status !== 'done' && outcome.status !== 'failed') return outcome;
    const earlier = before.get(outcome.service);
    const settledAt = earlier?.status === outcome.status ? earlier.settledAt : undefined;
    return { ...outcome, settledAt: settledAt ?? now.toISOString() };
  });
}

function grpcCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
