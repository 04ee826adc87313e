import type pg from 'pg';
import type { ProcessModel } from '../model/process-model.ts';
import { EngineState } from '../runtime/engine-state.ts';
import type {
  BufferedMessage,
  ElementInstance,
  Incident,
  Job,
  MessageSubscription,
  SignalSubscription,
  Timer,
} from '../runtime/entities.ts';

/** Rebuilds a process model from its stored resource (it was validated when deployed). */
export type ModelLoader = (resourceName: string, xml: string) => Promise<ProcessModel[]>;

interface DefinitionRow {
  key: string;
  bpmn_process_id: string;
  version: number;
  resource_name: string;
  checksum: string;
  deployment_key: string;
  resource: string;
}

/**
 * Recovery: everything running instances need, read back from the runtime
 * tables. The rows were written by this engine, so their bodies are trusted.
 */
export async function loadState(pool: pg.Pool, loadModels: ModelLoader): Promise<EngineState> {
  const state = new EngineState();
  const counter = await pool.query<{ value: string; commit_sequence: string }>(
    'select value, commit_sequence from engine.key_counter where id = 1',
  );
  state.keyCounter = Number(counter.rows[0]?.value ?? 0);
  state.commitSequence = Number(counter.rows[0]?.commit_sequence ?? 0);

  const definitions = await pool.query<DefinitionRow>(
    'select * from engine.process_definitions order by key',
  );
  const parsedResources = new Map<string, ProcessModel[]>();
  for (const row of definitions.rows) {
    const cacheKey = `${row.resource_name}\u0000${row.checksum}`;
    const models = parsedResources.get(cacheKey) ?? (await loadModels(row.resource_name, row.resource));
    parsedResources.set(cacheKey, models);
    const model = models.find((candidate) => candidate.bpmnProcessId === row.bpmn_process_id);
    if (!model)
      throw new Error(
        `stored resource '${row.resource_name}' no longer contains process '${row.bpmn_process_id}'`,
      );
    state.putDefinition({
      key: Number(row.key),
      bpmnProcessId: row.bpmn_process_id,
      version: row.version,
      resourceName: row.resource_name,
      checksum: row.checksum,
      deploymentKey: Number(row.deployment_key),
      model,
    });
  }

  const elements = await pool.query<{ body: ElementInstance }>(
    'select body from engine.element_instances order by key',
  );
  for (const row of elements.rows) state.putElementInstance(row.body);

  const variables = await pool.query<{ scope_key: string; name: string; value: string }>(
    // The latest value per scope, for the scopes that are still live (migrations.ts, version 5).
    `select v.scope_key, v.name, v.value
       from engine.history_variables v join engine.element_instances e on e.key = v.scope_key`,
  );
  for (const row of variables.rows) {
    const scopeKey = Number(row.scope_key);
    const local = state.variables.get(scopeKey) ?? new Map<string, string>();
    local.set(row.name, row.value);
    state.variables.set(scopeKey, local);
  }

  const jobs = await pool.query<{ body: Job }>('select body from engine.jobs order by key');
  for (const row of jobs.rows) state.putJob(row.body);
  const incidents = await pool.query<{ body: Incident }>('select body from engine.incidents');
  for (const row of incidents.rows) state.incidents.set(row.body.key, row.body);
  const timers = await pool.query<{ body: Timer }>('select body from engine.timers');
  for (const row of timers.rows) state.putTimer(row.body);
  const subscriptions = await pool.query<{ body: MessageSubscription }>(
    'select body from engine.message_subscriptions',
  );
  for (const row of subscriptions.rows) state.putSubscription(row.body);
  const signals = await pool.query<{ body: SignalSubscription }>(
    'select body from engine.signal_subscriptions',
  );
  for (const row of signals.rows) state.putSignalSubscription(row.body);
  const messages = await pool.query<{ body: BufferedMessage }>('select body from engine.messages');
  for (const row of messages.rows) state.putMessage(row.body);
  return state;
}
