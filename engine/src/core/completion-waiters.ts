import type pg from 'pg';
import { renderDocument } from '../runtime/json-values.ts';

interface Waiter {
  fetch: readonly string[];
  resolve(variables: string): void;
}

function render(variables: Map<string, string>, fetch: readonly string[]): string {
  if (fetch.length === 0) return renderDocument(variables);
  return renderDocument(
    fetch.flatMap((name): [string, string][] => {
      const value = variables.get(name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
}

/**
 * CreateProcessInstanceWithResult: callers wait for an instance to complete.
 * An instance that already completed (before the wait was registered) is
 * answered from history; one that ended otherwise never answers (§1.4).
 */
export class CompletionWaiters {
  private readonly waiting = new Map<number, Set<Waiter>>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly isRunning: (processInstanceKey: number) => boolean,
  ) {}

  wait(processInstanceKey: number, fetch: readonly string[], signal: AbortSignal): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const set = this.waiting.get(processInstanceKey) ?? new Set<Waiter>();
      const waiter: Waiter = {
        fetch,
        resolve: (variables) => {
          signal.removeEventListener('abort', onAbort);
          resolve(variables);
        },
      };
      const onAbort = () => {
        this.remove(processInstanceKey, waiter);
        reject(
          signal.reason instanceof Error
            ? signal.reason
            : new Error('awaiting the process instance result was aborted'),
        );
      };
      if (signal.aborted) {
        onAbort();
        return;
      }
      signal.addEventListener('abort', onAbort, { once: true });
      set.add(waiter);
      this.waiting.set(processInstanceKey, set);
      // With the database out of reach the waiter stays until the caller's deadline.
      if (!this.isRunning(processInstanceKey))
        this.answerFromHistory(processInstanceKey).catch(() => undefined);
    });
  }

  completed(processInstanceKey: number, variables: Map<string, string>): void {
    const set = this.waiting.get(processInstanceKey);
    if (!set) return;
    this.waiting.delete(processInstanceKey);
    for (const waiter of set) waiter.resolve(render(variables, waiter.fetch));
  }

  private remove(processInstanceKey: number, waiter: Waiter): void {
    const set = this.waiting.get(processInstanceKey);
    set?.delete(waiter);
    if (set?.size === 0) this.waiting.delete(processInstanceKey);
  }

  private async answerFromHistory(processInstanceKey: number): Promise<void> {
    const instance = await this.pool.query<{ state: string }>(
      'select state from engine.history_process_instances where key = $1',
      [processInstanceKey],
    );
    if (instance.rows[0]?.state !== 'COMPLETED') return;
    const rows = await this.pool.query<{ name: string; value: string }>(
      'select name, value from engine.history_variables where scope_key = $1 order by name',
      [processInstanceKey],
    );
    this.completed(processInstanceKey, new Map(rows.rows.map((row) => [row.name, row.value])));
  }
}
