import type pg from 'pg';
import type { Changes } from '../runtime/changes.ts';
import { commitStatement, type CommitDocument } from './commit-statement.ts';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

type Body = object & { processInstanceKey?: number };

/** Rows to write and keys to delete; a key created in this batch has no row to delete. */
function splitBodies<T extends Body>(
  rows: Map<number, T | null>,
  withInstance: boolean,
  created: ReadonlySet<number>,
): { upserts: unknown[][]; deletes: number[] } {
  const upserts: unknown[][] = [];
  const deletes: number[] = [];
  for (const [key, value] of rows) {
    if (value === null) {
      if (!created.has(key)) deletes.push(key);
    } else if (withInstance) upserts.push([key, value.processInstanceKey ?? 0, value]);
    else upserts.push([key, value]);
  }
  return { upserts, deletes };
}

/**
 * The batch as one JSON document: one array of row tuples per table and
 * operation, only for what changed. commit-statement.ts turns it into SQL.
 */
function commitDocument(changes: Changes, counters: CommitCounters, now: number): CommitDocument {
  const document: CommitDocument = { commitSequence: counters.commitSequence };
  const add = (part: Exclude<keyof CommitDocument, 'commitSequence' | 'keyCounter'>, rows: unknown[]) => {
    if (rows.length > 0) document[part] = rows;
  };
  if (changes.keyCounterChanged) document.keyCounter = counters.keyCounter;
  add(
    'deployments',
    changes.deployments.map((deployment) => [deployment.key, iso(deployment.at)]),
  );
  add(
    'definitions',
    changes.definitions.map(({ definition, xml }) => [
      definition.key,
      definition.bpmnProcessId,
      definition.version,
      definition.resourceName,
      definition.checksum,
      definition.deploymentKey,
      xml,
      iso(now),
    ]),
  );
  const created = changes.created;
  const none: ReadonlySet<number> = new Set();
  const bodies = [
    ['element_instances', splitBodies(changes.elementInstances, true, created)],
    ['jobs', splitBodies(changes.jobs, true, created)],
    ['incidents', splitBodies(changes.incidents, true, none)],
    ['timers', splitBodies(changes.timers, true, none)],
    ['message_subscriptions', splitBodies(changes.subscriptions, true, none)],
    ['signal_subscriptions', splitBodies(changes.signalSubscriptions, true, none)],
    ['messages', splitBodies(changes.messages, false, none)],
  ] as const;
  for (const [table, { upserts, deletes }] of bodies) {
    add(`${table}_upsert`, upserts);
    add(`${table}_delete`, deletes);
  }
  // Variables live in history_variables only (latest value per scope); the
  // variables of live scopes are read back from it on recovery (load-state.ts).
  const variables = [...changes.variables.values()];
  add(
    'history_variables',
    variables.map((row) => [row.scopeKey, row.name, row.processInstanceKey, row.value, iso(now)]),
  );
  add(
    'history_process_instances',
    [...changes.history.instances.values()].map((row) => [
      row.key,
      row.bpmnProcessId,
      row.version,
      row.definitionKey,
      row.parentProcessInstanceKey ?? null,
      row.state,
      iso(row.startedAt),
      iso(row.endedAt),
    ]),
  );
  add(
    'history_element_instances',
    [...changes.history.elements.values()].map((row) => [
      row.key,
      row.processInstanceKey,
      row.elementId,
      row.elementType,
      row.state,
      iso(row.startedAt),
      iso(row.endedAt),
    ]),
  );
  add(
    'history_jobs',
    [...changes.history.jobs.values()].map((row) => [
      row.key,
      row.processInstanceKey,
      row.elementInstanceKey,
      row.elementId,
      row.type,
      row.state,
      row.retries,
      row.worker,
      row.errorMessage,
      iso(row.updatedAt),
    ]),
  );
  add(
    'history_incidents',
    [...changes.history.incidents.values()].map((row) => [
      row.key,
      row.errorType,
      row.errorMessage,
      row.bpmnProcessId,
      row.definitionKey,
      row.processInstanceKey,
      row.elementId,
      row.elementInstanceKey,
      row.jobKey ?? null,
      row.state,
      iso(row.createdAt),
      iso(row.resolvedAt),
    ]),
  );
  add('history_changes', historyChanges(changes, now));
  return document;
}

/** The instances whose history rows the batch writes, once each (the change feed). */
function historyChanges(changes: Changes, now: number): unknown[][] {
  const touched = new Set<number>();
  for (const row of changes.variables.values()) touched.add(row.processInstanceKey);
  for (const row of changes.history.instances.values()) touched.add(row.key);
  for (const row of changes.history.elements.values()) touched.add(row.processInstanceKey);
  for (const row of changes.history.jobs.values()) touched.add(row.processInstanceKey);
  for (const row of changes.history.incidents.values()) touched.add(row.processInstanceKey);
  const at = iso(now);
  return [...touched].map((key) => [key, at]);
}

/** The key counter after the batch, and the batch's commit number (the last committed one + 1). */
export interface CommitCounters {
  keyCounter: number;
  commitSequence: number;
}

/**
 * No connection could be had for the commit, so its statement was never
 * sent: it certainly did not land (unlike a connection that breaks during
 * the statement, after which nobody can tell without asking the database).
 */
export class CommitNotSentError extends Error {
  constructor(override readonly cause: unknown) {
    super(`the commit was not sent: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'CommitNotSentError';
  }
}

/**
 * Writes one batch's changes — runtime rows, history rows, the key counter
 * and the commit's number — as ONE statement (writable CTEs over one JSON
 * parameter), which PostgreSQL runs as one implicit transaction: one round
 * trip per batch. Callers are answered only after it returns. Throws
 * CommitNotSentError when no connection could be had.
 */
export async function commitChanges(
  pool: pg.Pool,
  changes: Changes,
  counters: CommitCounters,
  now: number,
): Promise<void> {
  const document = commitDocument(changes, counters, now);
  const statement = commitStatement(document);
  const client = await pool.connect().catch((error: unknown) => {
    throw new CommitNotSentError(error);
  });
  // A connection that breaks also emits 'error' on the client; the query rejects with it anyway.
  const ignore = () => undefined;
  client.on('error', ignore);
  try {
    await client.query({ name: statement.name, text: statement.text, values: [serialize(document)] });
    client.release();
  } catch (error) {
    // As pool.query does: a client that failed is not reused.
    client.release(error instanceof Error ? error : true);
    throw error;
  } finally {
    client.off('error', ignore);
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * JSON.stringify escapes a lone surrogate as `\udxxx`, which jsonb rejects;
 * text columns always stored it as U+FFFD (the driver encodes UTF-8), so the
 * rare document that has one gets the same replacement instead of a failed batch.
 */
function serialize(document: CommitDocument): string {
  const text = JSON.stringify(document);
  if (!/\\ud[89a-f]/.test(text)) return text;
  return JSON.stringify(document, (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(LONE_SURROGATE, '\ufffd') : value,
  );
}
