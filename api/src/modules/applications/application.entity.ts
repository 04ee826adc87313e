import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { StoredProgress } from './progress/part-progress.ts';

/** DESIGN.md: `submitted → accepted → processing → (returned ⇄ processing) → completed | rejected`. */
export const APPLICATION_STATUSES = [
  'submitted',
  'accepted',
  'processing',
  'returned',
  'completed',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** `serviceOutcomes(...)` of @onething/processes, as stored. */
export interface StoredOutcome {
  service: string;
  department: string;
  status: 'not_requested' | 'pending' | 'done' | 'failed';
  result?: Record<string, unknown>;
  reason?: string;
  /** When the api first saw the service done or failed (ISO date-time; the Monitor's durations). */
  settledAt?: string;
}

/** The time limits set at acceptance (`acceptanceVariables` of @onething/processes). */
export interface StoredDueDates {
  dueAt: string;
  parts: Record<string, { dueAt: string }>;
}

/**
 * A citizen's application for a bundle. The submitted form data holds
 * personal data, so it is stored only encrypted (`dataCipher`, the JSON of
 * the validated data); every resident ID number in it is also stored as a
 * keyed hash (`idNumberHashes`) so that staff can find applications by ID
 * number without decrypting.
 */
export const ApplicationSchema = defineEntity({
  name: 'Application',
  schema: 'app',
  tableName: 'application',
  properties: (p) => ({
    id: p.uuid().primary(),
    bundleKey: p.string().length(64),
    /** The published version number of the bundle the citizen applied to (see catalogue.ts); its process runs on that version. */
    bundleVersion: p.string().length(32),
    applicantId: p.uuid().index(),
    status: p.string().length(20).$type<ApplicationStatus>(),
    services: p.array<string>().columnType('text[]'),
    /** Departments of the selected services: which department clerks may see the application. */
    departments: p.array<string>().columnType('text[]'),
    dataCipher: p.text(),
    idNumberHashes: p.array<string>().columnType('text[]').default('{}'),
    /** The client's `Idempotency-Key`, unique per applicant. */
    idempotencyKey: p.string().length(200).nullable(),
    processInstanceKey: p.string().length(32).nullable(),
    /** Each service's outcome as last read from the process variables (by the user-task bridge). */
    outcomes: p.json<StoredOutcome[]>().nullable(),
    submittedAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
    /** The window's (latest) acceptance, which starts the departments' time limits. */
    /** Each service's live progress, as the application-progress worker last read it from the engine. */
    progress: p.json<StoredProgress>().nullable(),
    /** The worker has read the process to its end: the progress can no longer change. */
    progressFinal: p.boolean().default(false),
    acceptedAt: p.datetime().columnType('timestamptz').nullable(),
    /** Due dates of the bundle and of each department's part, set at acceptance. */
    dueDates: p.json<StoredDueDates>().nullable(),
    /** When the results were delivered (办结). */
    completedAt: p.datetime().columnType('timestamptz').nullable(),
    /**
     * Fields of the submission with a value, and how many of them hold the
     * value the api's prefill served the citizen, unchanged (the Monitor's
     * prefilled share). Null for applications submitted before they were counted.
     */
    filledFields: p.integer().nullable(),
    prefilledFields: p.integer().nullable(),
  }),
  uniques: [{ properties: ['applicantId', 'idempotencyKey'] }],
  indexes: [
    // The progress worker finds the applications of the instances its history feed names.
    { name: 'application_process_instance_key_index', properties: ['processInstanceKey'] },
    {
      // Accepted applications whose departments already started (progress/progress-round.ts).
      name: 'application_accepted_progress_index',
      expression:
        'create index "application_accepted_progress_index" on "app"."application" ("id") where "status" = \'accepted\' and "progress" is not null and not "progress_final"',
    },
    {
      name: 'application_id_number_hashes_index',
      expression:
        'create index "application_id_number_hashes_index" on "app"."application" using gin ("id_number_hashes")',
    },
  ],
});
export type Application = InferEntity<typeof ApplicationSchema>;

/** One line of an application's timeline (submitted, accepted, returned, a task completed, ...). */
export const ApplicationEventSchema = defineEntity({
  name: 'ApplicationEvent',
  schema: 'app',
  tableName: 'application_event',
  properties: (p) => ({
    id: p.bigint('string').primary().autoincrement(),
    applicationId: p.uuid(),
    at: p.datetime().columnType('timestamptz'),
    /** Dotted event name, e.g. `application.submitted`, `task.completed`. */
    event: p.string().length(100),
    /** Display name of who did it; null for the system. */
    by: p.string().length(200).nullable(),
    details: p.json<Record<string, unknown>>().nullable(),
  }),
  indexes: [{ properties: ['applicationId', 'at'] }],
});
export type ApplicationEvent = InferEntity<typeof ApplicationEventSchema>;
