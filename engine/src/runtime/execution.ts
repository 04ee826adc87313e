import type { ElementModel, Expression, ProcessModel } from '../model/process-model.ts';
import { Changes } from './changes.ts';
import { KEY_BASE, type DeployedDefinition, type ElementInstance, type Job } from './entities.ts';
import type { EngineState } from './engine-state.ts';
import { fromFeelValue, toFeelValue, type Variables } from './json-values.ts';
import type { EvaluationResult, ExpectedType, RuntimeServices } from './runtime-services.ts';

/**
 * One batch of work against the state: the clock value, the key source, the
 * changes to persist, and a FIFO of follow-up steps that runs until the
 * instance is quiescent. Nothing here performs I/O.
 */
export class Execution {
  readonly changes = new Changes();
  private readonly steps: (() => void)[] = [];

  constructor(
    readonly state: EngineState,
    readonly services: RuntimeServices,
    public now: number,
  ) {}

  nextKey(): number {
    this.state.keyCounter += 1;
    this.changes.keyCounterChanged = true;
    return KEY_BASE + this.state.keyCounter;
  }

  enqueue(step: () => void): void {
    this.steps.push(step);
  }

  runSteps(): void {
    // An index instead of shift(): a large fork (multi-instance) queues many steps.
    for (let index = 0; index < this.steps.length; index += 1) this.steps[index]?.();
    this.steps.length = 0;
  }

  definition(key: number): DeployedDefinition {
    const found = this.state.definitions.get(key);
    if (!found) throw new Error(`process definition ${key} is not loaded`);
    return found;
  }

  model(instance: ElementInstance): ProcessModel {
    return this.definition(instance.definitionKey).model;
  }

  elementOf(instance: ElementInstance): ElementModel {
    const found = this.model(instance).elements.get(instance.elementId);
    if (!found)
      throw new Error(`element ${instance.elementId} is not in definition ${instance.definitionKey}`);
    return found;
  }

  saveElement(instance: ElementInstance): void {
    this.changes.elementInstances.set(instance.key, instance);
  }

  saveJob(job: Job): void {
    this.changes.jobs.set(job.key, job);
    this.changes.history.jobs.set(job.key, {
      key: job.key,
      processInstanceKey: job.processInstanceKey,
      elementInstanceKey: job.elementInstanceKey,
      elementId: job.elementId,
      type: job.type,
      state: job.state,
      retries: job.retries,
      worker: job.worker,
      errorMessage: job.errorMessage,
      updatedAt: this.now,
    });
    if (job.state === 'ACTIVATABLE') this.changes.activatableJobs.add(job.key);
  }

  // ---- variables -------------------------------------------------------

  setLocal(scope: ElementInstance, name: string, value: string): void {
    const local = this.state.variables.get(scope.key) ?? new Map<string, string>();
    local.set(name, value);
    this.state.variables.set(scope.key, local);
    this.changes.variables.set(`${scope.key}\u0000${name}`, {
      scopeKey: scope.key,
      processInstanceKey: scope.processInstanceKey,
      name,
      value,
    });
  }

  setLocalAll(scope: ElementInstance, variables: Variables): void {
    for (const [name, value] of variables) this.setLocal(scope, name, value);
  }

  /**
   * Zeebe's merge document (§4.2): climb from `start`; a scope holding the
   * name with a different value takes it; the rest lands on the root.
   */
  propagate(start: ElementInstance, variables: Variables): void {
    for (const [name, value] of variables) {
      let scope: ElementInstance | undefined = start;
      let root = start;
      let placed = false;
      while (scope) {
        root = scope;
        const existing = this.state.variables.get(scope.key)?.get(name);
        if (existing !== undefined && existing !== value) {
          this.setLocal(scope, name, value);
          placed = true;
          break;
        }
        scope = scope.scopeKey === undefined ? undefined : this.state.elementInstances.get(scope.scopeKey);
      }
      if (!placed) this.setLocal(root, name, value);
    }
  }

  /** The variables visible from an element instance, nearest definition first. */
  visibleVariables(instance: ElementInstance): Variables {
    const result: Variables = new Map();
    let scope: ElementInstance | undefined = instance;
    while (scope) {
      for (const [name, value] of this.state.variables.get(scope.key) ?? [])
        if (!result.has(name)) result.set(name, value);
      scope = scope.scopeKey === undefined ? undefined : this.state.elementInstances.get(scope.scopeKey);
    }
    return result;
  }

  feelContext(instance: ElementInstance, extra?: Variables): Record<string, unknown> {
    const context: Record<string, unknown> = {};
    for (const [name, value] of this.visibleVariables(instance)) context[name] = toFeelValue(value);
    for (const [name, value] of extra ?? []) context[name] = toFeelValue(value);
    return context;
  }

  evaluateFeel(
    source: string,
    instance: ElementInstance,
    expect: ExpectedType,
    extra?: Variables,
  ): EvaluationResult {
    return this.services.evaluate(source, this.feelContext(instance, extra), this.now, expect);
  }

  /** A static-or-FEEL value; static text is taken as a string (or a number when `expect` is number). */
  evaluateExpression(
    expression: Expression,
    instance: ElementInstance,
    expect: ExpectedType,
  ): EvaluationResult {
    if (expression.kind === 'feel') return this.evaluateFeel(expression.source, instance, expect);
    if (expect === 'number') {
      const number = Number(expression.value);
      return Number.isFinite(number)
        ? { ok: true, value: number }
        : { ok: false, message: `'${expression.value}' is not a number` };
    }
    return { ok: true, value: expression.value };
  }

  toText(value: unknown): string {
    return fromFeelValue(value);
  }
}
