import { compileExpression, FeelDateTime, FeelDuration, type CompiledExpression, type Warning } from 'feelin';
import { Temporal } from 'temporal-polyfill';
import { evaluationClock, FeelAssertionFailure, hostFunctions } from './feel-functions.ts';
import { toJsonValue } from './feel-serialize.ts';
import { formatWarnings } from './feel-warnings.ts';
import type { FeelEvaluationOptions, FeelExpression, FeelOutcome, FeelParse } from './feel-types.ts';

/** A parsed and built expression. Instances come only from parseFeel, so they are trusted. */
class CompiledFeelExpression implements FeelExpression {
  constructor(
    readonly source: string,
    readonly compiled: CompiledExpression,
  ) {}
}

/**
 * Parsed expressions by source. Deployed processes use a bounded set of expressions, so the cache
 * stays small in practice; the bound only protects against unbounded ad-hoc input.
 */
const MAX_CACHED = 10_000;
const cache = new Map<string, CompiledFeelExpression>();

/** Zeebe's rule: a value that starts with '=' is FEEL, anything else is static. */
export function isFeel(text: string): boolean {
  return text.startsWith('=');
}

/** Parses an expression WITHOUT its leading '='. */
export function parseFeel(source: string): FeelParse {
  const cached = cache.get(source);
  if (cached) {
    return { ok: true, expression: cached };
  }
  if (source.trim() === '') {
    return { ok: false, message: `failed to parse expression '${source}': the expression is empty` };
  }
  let compiled: CompiledExpression;
  try {
    // Only the host function names take part in parsing, never the variables: like feel-scala,
    // `a-b` is a subtraction and a name with spaces needs backticks.
    // The camunda dialect of feelin's grammar adds backtick names (`a-b`), as in feel-scala.
    compiled = compileExpression(source, hostFunctions, 'camunda');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `failed to parse expression '${source}': ${reason}` };
  }
  const expression = new CompiledFeelExpression(source, compiled);
  if (cache.size >= MAX_CACHED) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(source, expression);
  return { ok: true, expression };
}

let defaultZone: string | undefined;

/** The process's default zone (Zeebe uses the JVM default zone for now() and timers). */
export function systemZone(): string {
  defaultZone ??= Temporal.Now.timeZoneId();
  return defaultZone;
}

/**
 * Evaluates an expression in a context of JSON variables and converts the result as Zeebe stores
 * it. Never throws for user input: parse errors, assertion failures and wrong result types come
 * back as `{ ok: false, message }` in Zeebe's wording, with the FEEL warnings appended.
 */
export function evaluateFeel(
  expression: FeelExpression | string,
  variables: Record<string, unknown>,
  options: FeelEvaluationOptions,
): FeelOutcome {
  let compiled: CompiledFeelExpression;
  if (expression instanceof CompiledFeelExpression) {
    compiled = expression;
  } else {
    const parsed = parseFeel(typeof expression === 'string' ? expression : expression.source);
    if (!parsed.ok) return parsed;
    if (!(parsed.expression instanceof CompiledFeelExpression)) {
      throw new Error('parseFeel returned a foreign expression');
    }
    compiled = parsed.expression;
  }

  evaluationClock.now = options.now;
  evaluationClock.zone = options.zone ?? systemZone();
  let value: unknown;
  let warnings: Warning[];
  try {
    ({ value, warnings } = compiled.compiled.evaluate(variables));
  } catch (error) {
    if (error instanceof FeelAssertionFailure) {
      const assertion = { type: 'ASSERT_FAILURE', message: error.message };
      return {
        ok: false,
        message:
          `Assertion failure on evaluate the expression '${compiled.source}': ${error.message}` +
          formatWarnings([assertion]),
      };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `failed to evaluate expression '${compiled.source}': ${reason}`,
    };
  }

  const expected = options.expect ?? 'any';
  if (expected !== 'any') {
    const actual = resultTypeOf(value);
    if (actual !== expected.toUpperCase()) {
      return {
        ok: false,
        message:
          `Expected result of the expression '${compiled.source}' to be '${expected.toUpperCase()}', ` +
          `but was '${actual}'.` +
          formatWarnings(warnings),
      };
    }
  }
  return { ok: true, value: toJsonValue(value) };
}

/** Zeebe's ResultType names, used in its failure messages. */
export function resultTypeOf(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return 'NUMBER';
  if (typeof value === 'string') return 'STRING';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof FeelDateTime) return 'DATE_TIME';
  if (value instanceof FeelDuration) return value.yearsMonths ? 'PERIOD' : 'DURATION';
  if (typeof value === 'object') {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null) return 'OBJECT';
  }
  return 'UNKNOWN';
}
