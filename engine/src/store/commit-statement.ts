/** Row tuples per table and operation, in the column order of the SQL below. */
export interface CommitDocument {
  /** This commit's number: the stored one must be one less (see SEQUENCE). */
  commitSequence: number;
  /** The key counter, when the batch used keys. */
  keyCounter?: number;
  deployments?: unknown[];
  definitions?: unknown[];
  element_instances_upsert?: unknown[];
  element_instances_delete?: unknown[];
  jobs_upsert?: unknown[];
  jobs_delete?: unknown[];
  incidents_upsert?: unknown[];
  incidents_delete?: unknown[];
  timers_upsert?: unknown[];
  timers_delete?: unknown[];
  message_subscriptions_upsert?: unknown[];
  message_subscriptions_delete?: unknown[];
  signal_subscriptions_upsert?: unknown[];
  signal_subscriptions_delete?: unknown[];
  messages_upsert?: unknown[];
  messages_delete?: unknown[];
  history_variables?: unknown[];
  history_process_instances?: unknown[];
  history_element_instances?: unknown[];
  history_jobs?: unknown[];
  history_incidents?: unknown[];
  /** `[processInstanceKey, committedAt]` per instance whose history the batch touched. */
  history_changes?: unknown[];
}

type Part = Exclude<keyof CommitDocument, 'commitSequence' | 'keyCounter'>;

const rows = (part: Part) => `from doc, jsonb_array_elements(doc.d->'${part}') r`;

function upsertBody(table: string, withInstance: boolean): string {
  return withInstance
    ? `insert into engine.${table} (key, process_instance_key, body)
       select (r->>0)::bigint, (r->>1)::bigint, r->2 ${rows(`${table}_upsert` as Part)}
       on conflict (key) do update set body = excluded.body`
    : `insert into engine.${table} (key, body)
       select (r->>0)::bigint, r->1 ${rows(`${table}_upsert` as Part)}
       on conflict (key) do update set body = excluded.body`;
}

/** Keys as one array, so the delete is an index scan whatever the planner guesses about the rows. */
const keysOf = (part: Part) =>
  `array(select k::bigint from doc, jsonb_array_elements_text(doc.d->'${part}') k)`;

function deleteBody(table: string): string {
  return `delete from engine.${table} where key = any(${keysOf(`${table}_delete` as Part)})`;
}

/**
 * In every statement: numbers the commit by moving commit_sequence from n-1 to
 * n on the key counter's row (and stores the key counter when it moved). Only
 * the main query reads it, so PostgreSQL runs it first (writable CTEs nobody
 * reads run after the main query), and the main query fails the whole
 * statement when the stored number was not n-1. So a commit can land only on
 * the state the writer holds: one that recovery fenced after a lost
 * connection (commit-outcome.ts), or a second writer's stale batch, is rolled
 * back before it writes anything else.
 */
const SEQUENCE = `sequenced as (
  update engine.key_counter
     set commit_sequence = (doc.d->>'commitSequence')::bigint,
         value = coalesce((doc.d->>'keyCounter')::bigint, value)
    from doc
   where id = 1 and commit_sequence = (doc.d->>'commitSequence')::bigint - 1
  returning 1)`;

/**
 * SQL has no `raise`: a failing cast stands in for it. Its text depends on
 * count(*), so the planner cannot fold it into an error at plan time.
 */
const CHECK = `select case when count(*) = 1 then 1
  else ('engine commit refused: the stored commit sequence is not the one before this commit (rows: '
    || count(*) || ')')::int end
  from sequenced`;

/** One writable CTE per part; the order of this table is the order of the statement. */
const PARTS: readonly [Part, string][] = [
  [
    'deployments',
    `insert into engine.deployments (key, created_at)
     select (r->>0)::bigint, (r->>1)::timestamptz ${rows('deployments')}`,
  ],
  [
    'definitions',
    `insert into engine.process_definitions
       (key, bpmn_process_id, version, resource_name, checksum, deployment_key, resource, created_at)
     select (r->>0)::bigint, r->>1, (r->>2)::int, r->>3, r->>4, (r->>5)::bigint, r->>6, (r->>7)::timestamptz
     ${rows('definitions')}`,
  ],
  ...(
    [
      'element_instances',
      'jobs',
      'incidents',
      'timers',
      'message_subscriptions',
      'signal_subscriptions',
    ] as const
  ).flatMap((table): [Part, string][] => [
    [`${table}_upsert`, upsertBody(table, true)],
    [`${table}_delete`, deleteBody(table)],
  ]),
  ['messages_upsert', upsertBody('messages', false)],
  ['messages_delete', deleteBody('messages')],
  [
    'history_variables',
    `insert into engine.history_variables (scope_key, name, process_instance_key, value, updated_at)
     select (r->>0)::bigint, r->>1, (r->>2)::bigint, r->>3, (r->>4)::timestamptz ${rows('history_variables')}
     on conflict (scope_key, name) do update set value = excluded.value, updated_at = excluded.updated_at`,
  ],
  [
    'history_process_instances',
    `insert into engine.history_process_instances
       (key, bpmn_process_id, version, process_definition_key, parent_process_instance_key, state, started_at, ended_at)
     select (r->>0)::bigint, r->>1, (r->>2)::int, (r->>3)::bigint, (r->>4)::bigint, r->>5,
       (r->>6)::timestamptz, (r->>7)::timestamptz ${rows('history_process_instances')}
     on conflict (key) do update set state = excluded.state, ended_at = excluded.ended_at`,
  ],
  [
    'history_element_instances',
    `insert into engine.history_element_instances
       (key, process_instance_key, element_id, element_type, state, started_at, ended_at)
     select (r->>0)::bigint, (r->>1)::bigint, r->>2, r->>3, r->>4, (r->>5)::timestamptz, (r->>6)::timestamptz
     ${rows('history_element_instances')}
     on conflict (key) do update set state = excluded.state, ended_at = excluded.ended_at`,
  ],
  [
    'history_jobs',
    `insert into engine.history_jobs
       (key, process_instance_key, element_instance_key, element_id, type, state, retries, worker, error_message, updated_at)
     select (r->>0)::bigint, (r->>1)::bigint, (r->>2)::bigint, r->>3, r->>4, r->>5, (r->>6)::int, r->>7, r->>8,
       (r->>9)::timestamptz ${rows('history_jobs')}
     on conflict (key) do update set state = excluded.state, retries = excluded.retries, worker = excluded.worker,
       error_message = excluded.error_message, updated_at = excluded.updated_at`,
  ],
  [
    'history_incidents',
    `insert into engine.history_incidents (key, error_type, error_message, bpmn_process_id, process_definition_key,
       process_instance_key, element_id, element_instance_key, job_key, state, created_at, resolved_at)
     select (r->>0)::bigint, r->>1, r->>2, r->>3, (r->>4)::bigint, (r->>5)::bigint, r->>6, (r->>7)::bigint,
       (r->>8)::bigint, r->>9, (r->>10)::timestamptz, (r->>11)::timestamptz ${rows('history_incidents')}
     on conflict (key) do update set state = excluded.state, resolved_at = excluded.resolved_at`,
  ],
  [
    'history_changes',
    `insert into engine.history_changes (process_instance_key, committed_at)
     select (r->>0)::bigint, (r->>1)::timestamptz ${rows('history_changes')}`,
  ],
];

const cache = new Map<number, { name: string; text: string }>();

/**
 * The statement for the parts a document holds. Each combination of parts is
 * one named (prepared) statement, so PostgreSQL parses and plans it once per
 * connection. Every part touches a different table or a disjoint set of rows
 * (a key is either upserted or deleted), as writable CTEs in one statement
 * see the same snapshot.
 */
export function commitStatement(document: CommitDocument): { name: string; text: string } {
  let mask = 0;
  PARTS.forEach(([part], index) => {
    if (document[part] !== undefined) mask |= 1 << index;
  });
  const cached = cache.get(mask);
  if (cached) return cached;
  const ctes = PARTS.filter((_, index) => (mask & (1 << index)) !== 0).map(
    ([part, sql]) => `${part} as (${sql})`,
  );
  const statement = {
    name: `engine_commit_${mask.toString(36)}`,
    text: `with doc as (select $1::jsonb as d), ${[SEQUENCE, ...ctes].join(',\n')}\n${CHECK}`,
  };
  cache.set(mask, statement);
  return statement;
}
