import { parse, stringify } from 'lossless-json';
import type { ElementModel } from '../model/process-model.ts';
import type { ElementInstance } from './entities.ts';
import type { Execution } from './execution.ts';
import { openBoundaryEvents } from './event-subscriptions.ts';
import { raiseIncident } from './incidents.ts';
import { complete, createElementInstance, activateLater, terminate } from './lifecycle.ts';

/**
 * Multi-instance activities (§3.11). The body holds the boundary events and
 * the output collection; each inner instance is the activity itself with
 * local `inputElement` and `loopCounter`.
 */

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Collection = { ok: true; items: string[] } | { ok: false; message: string };

function readCollection(x: Execution, body: ElementInstance, source: string): Collection {
  const outcome = x.evaluateFeel(source, body, 'any');
  if (!outcome.ok)
    return { ok: false, message: `Failed to evaluate the input collection '${source}': ${outcome.message}` };
  if (!Array.isArray(outcome.value))
    return {
      ok: false,
      message: `Expected the input collection '${source}' to be an array, but found '${JSON.stringify(outcome.value)}'`,
    };
  return { ok: true, items: outcome.value.map((item) => x.toText(item)) };
}

export function activateBody(x: Execution, body: ElementInstance, element: ElementModel): void {
  const loop = element.multiInstance;
  if (!loop || !body.mi) throw new Error(`element ${element.id} is not multi-instance`);
  if (element.boundaryIds.length > 0 && !openBoundaryEvents(x, body, element)) return;
  const collection = readCollection(x, body, loop.inputCollection);
  if (!collection.ok) {
    raiseIncident(x, body, 'EXTRACT_VALUE_ERROR', collection.message);
    return;
  }
  body.mi = { total: collection.items.length, completed: 0, terminated: 0, nextIndex: 0 };
  body.state = 'ACTIVATED';
  x.saveElement(body);
  if (loop.outputCollection)
    x.setLocal(body, loop.outputCollection, `[${collection.items.map(() => 'null').join(',')}]`);
  if (collection.items.length === 0) {
    x.enqueue(() => complete(x, body));
    return;
  }
  const count = loop.sequential ? 1 : collection.items.length;
  for (let index = 0; index < count; index += 1)
    spawnInner(x, body, element, index, collection.items[index] ?? 'null');
}

function spawnInner(
  x: Execution,
  body: ElementInstance,
  element: ElementModel,
  index: number,
  item: string,
): void {
  const loop = element.multiInstance;
  if (!loop || !body.mi) return;
  const inner = createElementInstance(x, body, element);
  inner.loopCounter = index + 1;
  x.saveElement(inner);
  if (loop.inputElement) x.setLocal(inner, loop.inputElement, item);
  x.setLocal(inner, 'loopCounter', String(index + 1));
  if (loop.outputElement && PLAIN_NAME.test(loop.outputElement.trim()))
    x.setLocal(inner, loop.outputElement.trim(), 'null');
  body.mi = { ...body.mi, nextIndex: index + 1 };
  x.saveElement(body);
  activateLater(x, inner);
}

/** The `outputElement` of an inner instance, evaluated in its scope before it leaves. */
export function innerOutputElement(
  x: Execution,
  inner: ElementInstance,
  element: ElementModel,
): { ok: true; value: string | undefined } | { ok: false; message: string } {
  const source = element.multiInstance?.outputElement;
  if (!source || !element.multiInstance?.outputCollection) return { ok: true, value: undefined };
  const outcome = x.evaluateFeel(source, inner, 'any');
  if (!outcome.ok)
    return { ok: false, message: `Failed to evaluate the output element '${source}': ${outcome.message}` };
  return { ok: true, value: x.toText(outcome.value) };
}

export function innerCompleted(
  x: Execution,
  body: ElementInstance,
  inner: ElementInstance,
  output: string | undefined,
): void {
  const element = x.elementOf(body);
  const name = element.multiInstance?.outputCollection;
  if (name && output !== undefined && inner.loopCounter !== undefined) {
    const current = x.state.variables.get(body.key)?.get(name) ?? '[]';
    const list = parse(current);
    if (Array.isArray(list)) {
      list[inner.loopCounter - 1] = parse(output);
      x.setLocal(body, name, stringify(list) ?? '[]');
    }
  }
  if (body.mi) body.mi = { ...body.mi, completed: body.mi.completed + 1 };
  x.saveElement(body);
  continueMultiInstance(x, body);
}

/** After an inner instance completed (or an incident on the body was resolved): next item, or done. */
export function continueMultiInstance(x: Execution, body: ElementInstance): void {
  const element = x.elementOf(body);
  const loop = element.multiInstance;
  const mi = body.mi;
  if (!loop || !mi) return;
  const active = x.state.childCount(body.key);
  if (loop.completionCondition) {
    const numbers = new Map([
      ['numberOfInstances', String(mi.total)],
      ['numberOfActiveInstances', String(active)],
      ['numberOfCompletedInstances', String(mi.completed)],
      ['numberOfTerminatedInstances', String(mi.terminated)],
    ]);
    const outcome = x.evaluateFeel(loop.completionCondition, body, 'boolean', numbers);
    if (!outcome.ok) {
      raiseIncident(
        x,
        body,
        'EXTRACT_VALUE_ERROR',
        `Failed to evaluate the completion condition '${loop.completionCondition}': ${outcome.message}`,
      );
      return;
    }
    if (outcome.value === true) {
      const remaining = [...(x.state.children.get(body.key) ?? [])];
      for (const key of remaining) {
        const child = x.state.elementInstances.get(key);
        if (child) terminate(x, child);
      }
      body.mi = { ...mi, terminated: mi.terminated + remaining.length };
      x.saveElement(body);
      x.enqueue(() => complete(x, body));
      return;
    }
  }
  if (loop.sequential && mi.nextIndex < mi.total) {
    const collection = readCollection(x, body, loop.inputCollection);
    if (!collection.ok) {
      raiseIncident(x, body, 'EXTRACT_VALUE_ERROR', collection.message);
      return;
    }
    spawnInner(x, body, element, mi.nextIndex, collection.items[mi.nextIndex] ?? 'null');
    return;
  }
  if (active === 0) x.enqueue(() => complete(x, body));
}
