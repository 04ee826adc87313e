import type pg from 'pg';
import type { Changes } from '../runtime/changes.ts';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

type Body = object & { processInstanceKey?: number };

async function upsertBodies<T extends Body>(
  client: pg.PoolClient,
  table: string,
  rows: Map<number, T | null>,
  withInstance: boolean,
): Promise<void> {
  const upserts = [...rows.entries()].filter((entry): entry is [number, T] => entry[1] !== null);
  const deletes = [...rows.entries()].filter(([, value]) => value === null).map(([key]) => key);
  if (upserts.length > 0) {
    const keys = upserts.map(([key]) => key);
    const bodies = upserts.map(([, value]) => JSON.stringify(value));
    if (withInstance) {
      const instances = upserts.map(([, value]) =>
        'processInstanceKey' in value && typeof value.processInstanceKey === 'number'
          ? value.processInstanceKey
          : 0,
      );
      await client.query(
        `insert into engine.${table} (key, process_instance_key, body)
         select * from unnest($1::bigint[], $2::bigint[], $3::jsonb[])
         on conflict (key) do update set body = excluded.body`,
        [keys, instances, bodies],
      );
    } else {
      await client.query(
        `insert into engine.${table} (key, body) select * from unnest($1::bigint[], $2::jsonb[])
         on conflict (key) do update set body = excluded.body`,
        [keys, bodies],
      );
    }
  }
  if (deletes.length > 0)
    await client.query(`delete from engine.${table} where key = any($1::bigint[])`, [deletes]);
}

/**
 * Writes one batch's changes — runtime rows, history rows and the key
 * counter — in a single transaction. Callers are answered only after it
 * commits.
 */
export async function commitChanges(
  pool: pg.Pool,
  changes: Changes,
  keyCounter: number,
  now: number,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    if (changes.keyCounterChanged)
      await client.query('update engine.key_counter set value = $1 where id = 1', [keyCounter]);
    for (const deployment of changes.deployments) {
      await client.query('insert into engine.deployments (key, created_at) values ($1, $2)', [
        deployment.key,
        iso(deployment.at),
      ]);
    }
    for (const { definition, xml } of changes.definitions) {
      await client.query(
        `insert into engine.process_definitions (key, bpmn_process_id, version, resource_name, checksum, deployment_key, resource, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          definition.key,
          definition.bpmnProcessId,
          definition.version,
          definition.resourceName,
          definition.checksum,
          definition.deploymentKey,
          xml,
          iso(now),
        ],
      );
    }
    await upsertBodies(client, 'element_instances', changes.elementInstances, true);
    await upsertBodies(client, 'jobs', changes.jobs, true);
    await upsertBodies(client, 'incidents', changes.incidents, true);
    await upsertBodies(client, 'timers', changes.timers, true);
    await upsertBodies(client, 'message_subscriptions', changes.subscriptions, true);
    await upsertBodies(client, 'signal_subscriptions', changes.signalSubscriptions, true);
    await upsertBodies(client, 'messages', changes.messages, false);
    await writeVariables(client, changes, now);
    await writeHistory(client, changes);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function writeVariables(client: pg.PoolClient, changes: Changes, now: number): Promise<void> {
  const rows = [...changes.variables.values()];
  if (rows.length > 0) {
    const columns = [
      rows.map((row) => row.scopeKey),
      rows.map((row) => row.name),
      rows.map((row) => row.processInstanceKey),
      rows.map((row) => row.value),
    ];
    await client.query(
      `insert into engine.variables (scope_key, name, process_instance_key, value)
       select * from unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[])
       on conflict (scope_key, name) do update set value = excluded.value`,
      columns,
    );
    await client.query(
      `insert into engine.history_variables (scope_key, name, process_instance_key, value, updated_at)
       select s, n, p, v, $5 from unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[]) as t(s, n, p, v)
       on conflict (scope_key, name) do update set value = excluded.value, updated_at = excluded.updated_at`,
      [...columns, iso(now)],
    );
  }
  if (changes.deletedScopes.length > 0)
    await client.query('delete from engine.variables where scope_key = any($1::bigint[])', [
      changes.deletedScopes,
    ]);
}

async function writeHistory(client: pg.PoolClient, changes: Changes): Promise<void> {
  const instances = [...changes.history.instances.values()];
  if (instances.length > 0) {
    await client.query(
      `insert into engine.history_process_instances
         (key, bpmn_process_id, version, process_definition_key, parent_process_instance_key, state, started_at, ended_at)
       select * from unnest($1::bigint[], $2::text[], $3::int[], $4::bigint[], $5::bigint[], $6::text[], $7::timestamptz[], $8::timestamptz[])
       on conflict (key) do update set state = excluded.state, ended_at = excluded.ended_at`,
      [
        instances.map((row) => row.key),
        instances.map((row) => row.bpmnProcessId),
        instances.map((row) => row.version),
        instances.map((row) => row.definitionKey),
        instances.map((row) => row.parentProcessInstanceKey ?? null),
        instances.map((row) => row.state),
        instances.map((row) => iso(row.startedAt)),
        instances.map((row) => iso(row.endedAt)),
      ],
    );
  }
  const elements = [...changes.history.elements.values()];
  if (elements.length > 0) {
    await client.query(
      `insert into engine.history_element_instances (key, process_instance_key, element_id, element_type, state, started_at, ended_at)
       select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
       on conflict (key) do update set state = excluded.state, ended_at = excluded.ended_at`,
      [
        elements.map((row) => row.key),
        elements.map((row) => row.processInstanceKey),
        elements.map((row) => row.elementId),
        elements.map((row) => row.elementType),
        elements.map((row) => row.state),
        elements.map((row) => iso(row.startedAt)),
        elements.map((row) => iso(row.endedAt)),
      ],
    );
  }
  const jobs = [...changes.history.jobs.values()];
  if (jobs.length > 0) {
    await client.query(
      `insert into engine.history_jobs (key, process_instance_key, element_instance_key, element_id, type, state, retries, worker, error_message, updated_at)
       select * from unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::timestamptz[])
       on conflict (key) do update set state = excluded.state, retries = excluded.retries, worker = excluded.worker,
         error_message = excluded.error_message, updated_at = excluded.updated_at`,
      [
        jobs.map((row) => row.key),
        jobs.map((row) => row.processInstanceKey),
        jobs.map((row) => row.elementInstanceKey),
        jobs.map((row) => row.elementId),
        jobs.map((row) => row.type),
        jobs.map((row) => row.state),
        jobs.map((row) => row.retries),
        jobs.map((row) => row.worker),
        jobs.map((row) => row.errorMessage),
        jobs.map((row) => iso(row.updatedAt)),
      ],
    );
  }
  const incidents = [...changes.history.incidents.values()];
  if (incidents.length > 0) {
    await client.query(
      `insert into engine.history_incidents (key, error_type, error_message, bpmn_process_id, process_definition_key, process_instance_key,
         element_id, element_instance_key, job_key, state, created_at, resolved_at)
       select * from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::bigint[],
         $9::bigint[], $10::text[], $11::timestamptz[], $12::timestamptz[])
       on conflict (key) do update set state = excluded.state, resolved_at = excluded.resolved_at`,
      [
        incidents.map((row) => row.key),
        incidents.map((row) => row.errorType),
        incidents.map((row) => row.errorMessage),
        incidents.map((row) => row.bpmnProcessId),
        incidents.map((row) => row.definitionKey),
        incidents.map((row) => row.processInstanceKey),
        incidents.map((row) => row.elementId),
        incidents.map((row) => row.elementInstanceKey),
        incidents.map((row) => row.jobKey ?? null),
        incidents.map((row) => row.state),
        incidents.map((row) => iso(row.createdAt)),
        incidents.map((row) => iso(row.resolvedAt)),
      ],
    );
  }
}
