import type pg from 'pg';
import { toFeelValue } from '../runtime/json-values.ts';
import type { EngineInspector, IncidentView, ProcessInstanceView } from '../service.ts';

export interface ProcessInstanceSummary {
  key: string;
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  parentProcessInstanceKey: string | null;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  startedAt: string;
  endedAt: string | null;
  /** Active incidents of the instance. */
  incidents: number;
}

export interface ProcessInstanceFilter {
  bpmnProcessId?: string;
  /** Leaves out the processes whose id ends with this (the platform's Studio dry runs). */
  excludeBpmnProcessIdSuffix?: string;
  state?: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  limit?: number;
  offset?: number;
}

/** One row of the history's change feed: a commit touched this instance's history. */
export interface HistoryChange {
  /** Increases in commit order (int64 as a decimal string); gaps are normal. */
  position: string;
  processInstanceKey: string;
}

export interface HistoryReader extends EngineInspector {
  listProcessInstances(filter: ProcessInstanceFilter): Promise<ProcessInstanceSummary[]>;
  /**
   * The change feed after `position` (exclusive; '0' from the start), oldest first, at most
   * `limit` rows. Every change at or below the last position returned is visible to this
   * read, so a reader that stores that position as its cursor misses nothing.
   */
  listHistoryChanges(after: string, limit: number): Promise<HistoryChange[]>;
  /** `getProcessInstance` for many instances in three queries; unknown keys are left out. */
  getProcessInstances(processInstanceKeys: readonly string[]): Promise<Map<string, ProcessInstanceView>>;
}

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

interface IncidentRow {
  key: string;
  state: 'ACTIVE' | 'RESOLVED';
  error_type: string;
  error_message: string;
  bpmn_process_id: string;
  process_definition_key: string;
  process_instance_key: string;
  element_id: string;
  element_instance_key: string;
  job_key: string | null;
  created_at: Date;
}

interface InstanceRow {
  key: string;
  bpmn_process_id: string;
  version: number;
  process_definition_key: string;
  parent_process_instance_key: string | null;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  started_at: Date;
  ended_at: Date | null;
}

/**
 * The read side over the history tables (what Operate shows for Zeebe):
 * the EngineInspector plus a listing for the platform's Monitor.
 */
export function createHistoryReader(pool: pg.Pool): HistoryReader {
  return {
    async listIncidents(filter): Promise<IncidentView[]> {
      const result = await pool.query<IncidentRow>(
        `select * from engine.history_incidents
         where ($1::bigint is null or process_instance_key = $1) and ($2::text is null or state = $2)
           and ($3::text is null or right(bpmn_process_id, length($3)) <> $3)
         order by key`,
        [filter.processInstanceKey ?? null, filter.state ?? null, filter.excludeBpmnProcessIdSuffix ?? null],
      );
      return result.rows.map((row) => ({
        key: row.key,
        state: row.state,
        errorType: row.error_type,
        errorMessage: row.error_message,
        bpmnProcessId: row.bpmn_process_id,
        processDefinitionKey: row.process_definition_key,
        processInstanceKey: row.process_instance_key,
        elementId: row.element_id,
        elementInstanceKey: row.element_instance_key,
        jobKey: row.job_key,
        createdAt: row.created_at.toISOString(),
      }));
    },

    async getProcessInstance(processInstanceKey): Promise<ProcessInstanceView | undefined> {
      return (await readInstances(pool, [processInstanceKey])).get(processInstanceKey);
    },

    getProcessInstances: (processInstanceKeys) => readInstances(pool, processInstanceKeys),

    async listHistoryChanges(after, limit): Promise<HistoryChange[]> {
      if (!/^\d{1,19}$/.test(after)) throw new Error(`not a history position: ${after}`);
      const result = await pool.query<{ position: string; process_instance_key: string }>(
        `select position, process_instance_key from engine.history_changes
         where position > $1 order by position limit $2`,
        [after, Math.max(1, Math.min(limit, 10_000))],
      );
      return result.rows.map((row) => ({
        position: row.position,
        processInstanceKey: row.process_instance_key,
      }));
    },

    async listProcessInstances(filter): Promise<ProcessInstanceSummary[]> {
      const result = await pool.query<InstanceRow & { incidents: string }>(
        `select p.*, (select count(*) from engine.history_incidents i where i.process_instance_key = p.key and i.state = 'ACTIVE') as incidents
         from engine.history_process_instances p
         where ($1::text is null or p.bpmn_process_id = $1) and ($2::text is null or p.state = $2)
           and ($5::text is null or right(p.bpmn_process_id, length($5)) <> $5)
         order by p.key desc limit $3 offset $4`,
        [
          filter.bpmnProcessId ?? null,
          filter.state ?? null,
          Math.min(filter.limit ?? 100, 1000),
          filter.offset ?? 0,
          filter.excludeBpmnProcessIdSuffix ?? null,
        ],
      );
      return result.rows.map((row) => ({
        key: row.key,
        bpmnProcessId: row.bpmn_process_id,
        version: row.version,
        processDefinitionKey: row.process_definition_key,
        parentProcessInstanceKey: row.parent_process_instance_key,
        state: row.state,
        startedAt: row.started_at.toISOString(),
        endedAt: iso(row.ended_at),
        incidents: Number(row.incidents),
      }));
    },
  };
}

interface ElementRow {
  key: string;
  process_instance_key: string;
  element_id: string;
  element_type: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  started_at: Date;
  ended_at: Date | null;
}

/** Instances with their elements and variables by scope, three queries whatever their number. */
async function readInstances(
  pool: pg.Pool,
  processInstanceKeys: readonly string[],
): Promise<Map<string, ProcessInstanceView>> {
  const keys = processInstanceKeys.filter((key) => /^\d{1,19}$/.test(key));
  const views = new Map<string, ProcessInstanceView>();
  if (keys.length === 0) return views;
  const instances = await pool.query<InstanceRow>(
    'select * from engine.history_process_instances where key = any($1::bigint[])',
    [keys],
  );
  if (instances.rows.length === 0) return views;
  const found = instances.rows.map((row) => row.key);
  const elements = await pool.query<ElementRow>(
    `select key, process_instance_key, element_id, element_type, state, started_at, ended_at
       from engine.history_element_instances where process_instance_key = any($1::bigint[]) order by key`,
    [found],
  );
  const variables = await pool.query<{
    process_instance_key: string;
    scope_key: string;
    name: string;
    value: string;
  }>(
    `select process_instance_key, scope_key, name, value from engine.history_variables
      where process_instance_key = any($1::bigint[]) order by scope_key, name`,
    [found],
  );
  for (const row of instances.rows) {
    views.set(row.key, {
      key: row.key,
      bpmnProcessId: row.bpmn_process_id,
      version: row.version,
      processDefinitionKey: row.process_definition_key,
      parentProcessInstanceKey: row.parent_process_instance_key,
      state: row.state,
      startedAt: row.started_at.toISOString(),
      endedAt: iso(row.ended_at),
      elements: [],
      variables: {},
    });
  }
  for (const element of elements.rows) {
    views.get(element.process_instance_key)?.elements.push({
      key: element.key,
      elementId: element.element_id,
      elementType: element.element_type,
      state: element.state,
      startedAt: element.started_at.toISOString(),
      endedAt: iso(element.ended_at),
    });
  }
  for (const variable of variables.rows) {
    const view = views.get(variable.process_instance_key);
    if (view === undefined) continue;
    const scope = view.variables[variable.scope_key] ?? {};
    scope[variable.name] = toFeelValue(variable.value);
    view.variables[variable.scope_key] = scope;
  }
  return views;
}
