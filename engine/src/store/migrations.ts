import type pg from 'pg';

/**
 * The engine's own schema `engine`, versioned in `engine.schema_migrations`.
 * Runtime tables hold what running instances need (JSON bodies keyed by
 * entity key); history tables hold what the Monitor shows.
 */
const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      create table engine.key_counter (id int primary key check (id = 1), value bigint not null);
      insert into engine.key_counter (id, value) values (1, 0);
      create table engine.deployments (key bigint primary key, created_at timestamptz not null);
      create table engine.process_definitions (
        key bigint primary key, bpmn_process_id text not null, version int not null, resource_name text not null,
        checksum text not null, deployment_key bigint not null, resource text not null, created_at timestamptz not null,
        unique (bpmn_process_id, version));
      create table engine.element_instances (key bigint primary key, process_instance_key bigint not null, body jsonb not null);
      create table engine.variables (
        scope_key bigint not null, name text not null, process_instance_key bigint not null, value text not null,
        primary key (scope_key, name));
      create table engine.jobs (key bigint primary key, process_instance_key bigint not null, body jsonb not null);
      create table engine.incidents (key bigint primary key, process_instance_key bigint not null, body jsonb not null);
      create table engine.timers (key bigint primary key, process_instance_key bigint not null, body jsonb not null);
      create table engine.message_subscriptions (key bigint primary key, process_instance_key bigint not null, body jsonb not null);
      create table engine.messages (key bigint primary key, body jsonb not null);

      create table engine.history_process_instances (
        key bigint primary key, bpmn_process_id text not null, version int not null, process_definition_key bigint not null,
        parent_process_instance_key bigint, state text not null, started_at timestamptz not null, ended_at timestamptz);
      create index history_process_instances_process on engine.history_process_instances (bpmn_process_id, state);
      create table engine.history_element_instances (
        key bigint primary key, process_instance_key bigint not null, element_id text not null, element_type text not null,
        state text not null, started_at timestamptz not null, ended_at timestamptz);
      create index history_element_instances_instance on engine.history_element_instances (process_instance_key);
      create table engine.history_jobs (
        key bigint primary key, process_instance_key bigint not null, element_instance_key bigint not null, element_id text not null,
        type text not null, state text not null, retries int not null, worker text not null, error_message text not null,
        updated_at timestamptz not null);
      create index history_jobs_instance on engine.history_jobs (process_instance_key);
      create table engine.history_incidents (
        key bigint primary key, error_type text not null, error_message text not null, bpmn_process_id text not null,
        process_definition_key bigint not null, process_instance_key bigint not null, element_id text not null,
        element_instance_key bigint not null, job_key bigint, state text not null, created_at timestamptz not null,
        resolved_at timestamptz);
      create index history_incidents_instance on engine.history_incidents (process_instance_key);
      create index history_incidents_state on engine.history_incidents (state);
      create table engine.history_variables (
        scope_key bigint not null, name text not null, process_instance_key bigint not null, value text not null,
        updated_at timestamptz not null, primary key (scope_key, name));
      create index history_variables_instance on engine.history_variables (process_instance_key);
    `,
  },
  {
    version: 2,
    sql: `
      create table engine.signal_subscriptions (key bigint primary key, process_instance_key bigint not null, body jsonb not null);
    `,
  },
  {
    // For history retention: ended root instances by end time, called children by parent.
    version: 3,
    sql: `
      create index history_process_instances_ended on engine.history_process_instances (ended_at)
        where parent_process_instance_key is null and state <> 'ACTIVE';
      create index history_process_instances_parent on engine.history_process_instances (parent_process_instance_key)
        where parent_process_instance_key is not null;
    `,
  },
  {
    // The history's change feed: one row per instance a commit touched, positions increasing in
    // commit order (there is one writer, and its commits are sequential), so a reader can follow
    // the history by position instead of re-reading it (the api's application-progress worker).
    // Append-only and narrow, so a commit pays one small insert per instance it touches.
    version: 4,
    sql: `
      create table engine.history_changes (
        position bigint generated always as identity primary key,
        process_instance_key bigint not null,
        committed_at timestamptz not null);
    `,
  },
  {
    // Variables are stored once: history_variables holds the latest value per scope in the
    // same transaction, and the variables of live scopes are exactly its rows for live
    // element instances (load-state.ts), so the runtime copy only cost writes.
    // Rows updated soon after insert (a job activated then completed, an element then ended)
    // leave room on their page, so the update is HOT: no new index entries, less WAL.
    version: 5,
    sql: `
      drop table engine.variables;
      alter table engine.element_instances set (fillfactor = 80);
      alter table engine.jobs set (fillfactor = 80);
      alter table engine.history_process_instances set (fillfactor = 80);
      alter table engine.history_element_instances set (fillfactor = 80);
      alter table engine.history_jobs set (fillfactor = 80);
      alter table engine.history_variables set (fillfactor = 80);
    `,
  },
  {
    // Every batch commit is numbered: the commit statement sets commit_sequence from n-1 to n
    // on the key counter's row (no extra row or round trip), so after a connection lost during
    // a commit the writer can ask the database whether that commit landed (store/commit-outcome.ts).
    version: 6,
    sql: `
      alter table engine.key_counter add column commit_sequence bigint not null default 0;
    `,
  },
];

export interface MigrateOptions {
  /**
   * Stop after this version: a database as an older engine left it, for upgrade tests
   * (test/upgrade). The engine itself always applies every migration.
   */
  upTo?: number;
}

/** Applies missing migrations in one transaction, serialized by an advisory lock. */
export async function migrate(pool: pg.Pool, options: MigrateOptions = {}): Promise<void> {
  const upTo = options.upTo ?? Number.POSITIVE_INFINITY;
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(hashtext('onething.engine.migrations'))`);
    await client.query('create schema if not exists engine');
    await client.query(
      'create table if not exists engine.schema_migrations (version int primary key, applied_at timestamptz not null default now())',
    );
    const applied = await client.query<{ version: number }>('select version from engine.schema_migrations');
    const done = new Set(applied.rows.map((row) => row.version));
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version) || migration.version > upTo) continue;
      await client.query(migration.sql);
      await client.query('insert into engine.schema_migrations (version) values ($1)', [migration.version]);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}
