import type { PublishProblem } from '../studio.types.ts';

/** Where a publish problem is fixed: an element on the canvas, a field of a form, or nowhere in particular. */
export type ProblemTarget =
  | { kind: 'element'; elementId: string }
  | { kind: 'form'; formPath: string; fieldKey?: string }
  | { kind: 'none' };

export interface ProblemContext {
  /** Ids of the diagram's elements. */
  elementIds: ReadonlySet<string>;
  /** The draft's forms by path. */
  forms: Readonly<Record<string, Record<string, unknown>>>;
}

/**
 * Maps a problem the api reported to the place the designer fixes it. An element id the diagram
 * does not have (renamed or deleted since) is not a target; a form is found by its path, by its
 * name (`forms/x.form` ↔ `x`), or — for a field key alone — by the form that asks that key.
 */
export function problemTarget(problem: PublishProblem, context: ProblemContext): ProblemTarget {
  if (problem.elementId !== undefined && context.elementIds.has(problem.elementId)) {
    return { kind: 'element', elementId: problem.elementId };
  }
  const formPath =
    problem.formPath !== undefined
      ? findFormPath(problem.formPath, context.forms)
      : problem.fieldKey !== undefined
        ? formAskingKey(problem.fieldKey, context.forms)
        : undefined;
  if (formPath !== undefined) {
    return problem.fieldKey === undefined
      ? { kind: 'form', formPath }
      : { kind: 'form', formPath, fieldKey: problem.fieldKey };
  }
  return { kind: 'none' };
}

/** `forms/birth-certificate.form` → `birth-certificate`. */
export function formName(path: string): string {
  return path.replace(/^forms\//, '').replace(/\.form$/, '');
}

function findFormPath(path: string, forms: ProblemContext['forms']): string | undefined {
  if (path in forms) return path;
  return Object.keys(forms).find((candidate) => formName(candidate) === formName(path));
}

function formAskingKey(key: string, forms: ProblemContext['forms']): string | undefined {
  return Object.keys(forms).find((path) => formKeys(forms[path]).includes(key));
}

/** Every field key a form asks, group paths included (`mother.idNumber`). */
export function formKeys(schema: unknown, prefix = ''): string[] {
  const components = isObject(schema) && Array.isArray(schema.components) ? schema.components : [];
  return components.flatMap((component: unknown): string[] => {
    if (!isObject(component)) return [];
    const keys = typeof component.key === 'string' ? [`${prefix}${component.key}`] : [];
    const nestedPrefix = typeof component.path === 'string' ? `${prefix}${component.path}.` : prefix;
    return [...keys, ...formKeys(component, nestedPrefix)];
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
