import { evaluate, unaryTest } from '@bpmn-io/feelin';
import { isPlainRecord } from './value-path.ts';

/**
 * The variables a FEEL expression sees, as the viewer builds them (`buildExpressionContext`):
 * the form data at the top level, plus `this`, `parent` and `i` (list positions) and their
 * underscored aliases.
 */
export interface ExpressionScope {
  readonly data: unknown;
  readonly this: unknown;
  readonly parent: unknown;
  readonly i: readonly number[];
}

export function expressionContext(scope: ExpressionScope): Record<string, unknown> {
  const special = { this: scope.this, parent: scope.parent, i: scope.i };
  return {
    ...special,
    ...(isPlainRecord(scope.data) ? scope.data : {}),
    _this_: special.this,
    _parent_: special.parent,
    _i_: special.i,
  };
}

export function isExpression(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('=');
}

/** A `conditional.hide` result: hidden only when the unary test is exactly true; broken tests show the field. */
export function isHidden(hide: string | undefined, context: Record<string, unknown>): boolean {
  if (!isExpression(hide)) return false;
  try {
    return unaryTest(hide.slice(1), context).value === true;
  } catch {
    return false;
  }
}

/** A FEEL expression's value, or null when it does not evaluate (as the viewer does). */
export function evaluateExpression(expression: string, context: Record<string, unknown>): unknown {
  try {
    return evaluate(expression.slice(1), context).value;
  } catch {
    return null;
  }
}
