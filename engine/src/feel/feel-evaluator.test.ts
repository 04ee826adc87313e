import { describe, expect, it } from 'vitest';
import { evaluateFeel, isFeel, parseFeel } from './index.ts';

const NOW = Date.UTC(2023, 0, 1, 10, 0, 0); // 2023-01-01T10:00:00Z
const at = { now: NOW, zone: 'Europe/Berlin' };

describe('isFeel', () => {
  it('treats a value starting with = as an expression and anything else as static', () => {
    expect(isFeel('=x + 1')).toBe(true);
    expect(isFeel('x + 1')).toBe(false);
    expect(isFeel(' =x')).toBe(false);
  });
});

describe('parseFeel', () => {
  it('returns a reusable expression for valid source', () => {
    // given
    const first = parseFeel('amount > 1000');
    // when
    const second = parseFeel('amount > 1000');
    // then
    expect(first.ok && second.ok && first.expression === second.expression).toBe(true);
    if (first.ok) expect(first.expression.source).toBe('amount > 1000');
  });

  it('reports a syntax error with the expression', () => {
    const parsed = parseFeel('1 +');
    expect(parsed).toEqual({ ok: false, message: expect.stringContaining("'1 +'") as unknown });
  });

  it('rejects an empty expression', () => {
    expect(parseFeel('  ').ok).toBe(false);
  });
});

describe('evaluateFeel', () => {
  it('evaluates a parsed expression many times with different variables', () => {
    // given
    const parsed = parseFeel('amount * 2');
    if (!parsed.ok) throw new Error(parsed.message);
    // when
    const results = [1, 2, 3].map((amount) => evaluateFeel(parsed.expression, { amount }, at));
    // then
    expect(results).toEqual([
      { ok: true, value: 2 },
      { ok: true, value: 4 },
      { ok: true, value: 6 },
    ]);
  });

  it('accepts source text directly', () => {
    expect(
      evaluateFeel(
        'order.items[price > 10].name',
        {
          order: {
            items: [
              { name: 'a', price: 5 },
              { name: 'b', price: 20 },
            ],
          },
        },
        at,
      ),
    ).toEqual({ ok: true, value: ['b'] });
  });

  it('gives null for a missing variable when no type is expected', () => {
    expect(evaluateFeel('missing', {}, at)).toEqual({ ok: true, value: null });
  });

  it("fails a wrong result type with Zeebe's message and the warnings", () => {
    // when
    const outcome = evaluateFeel('x > 5', {}, { ...at, expect: 'boolean' });
    // then
    expect(outcome).toEqual({
      ok: false,
      message:
        "Expected result of the expression 'x > 5' to be 'BOOLEAN', but was 'NULL'. " +
        "The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'x'",
    });
  });

  it("fails a gateway condition that compares a string with a number, as in Camunda's incident example", () => {
    // the message of the Camunda docs' "Order Value?" incident
    const outcome = evaluateFeel('orderValue >= 100', { orderValue: '99' }, { ...at, expect: 'boolean' });
    expect(outcome).toEqual({
      ok: false,
      message:
        "Expected result of the expression 'orderValue >= 100' to be 'BOOLEAN', but was 'NULL'. " +
        "The evaluation reported the following warnings:\n[NOT_COMPARABLE] Can't compare '\"99\"' with '100'",
    });
  });

  it('words missing context entries as feel-scala does', () => {
    const message = (source: string, variables: Record<string, unknown>): string => {
      const outcome = evaluateFeel(source, variables, { ...at, expect: 'boolean' });
      return outcome.ok ? '' : outcome.message;
    };
    expect(message('result.valid', { result: { status: 200, body: 'x' } })).toContain(
      "[NO_CONTEXT_ENTRY_FOUND] No context entry found with key 'valid'. Available keys: 'status', 'body'",
    );
    expect(message('result.valid', { result: {} })).toContain(
      "[NO_CONTEXT_ENTRY_FOUND] No context entry found with key 'valid'. The context is empty",
    );
    expect(message('result.valid', {})).toBe(
      "Expected result of the expression 'result.valid' to be 'BOOLEAN', but was 'NULL'. " +
        'The evaluation reported the following warnings:\n' +
        "[NO_VARIABLE_FOUND] No variable found with name 'result'\n" +
        "[NO_CONTEXT_ENTRY_FOUND] No context entry found with key 'valid'. The context is null",
    );
  });

  it("reports an unknown function in feel-scala's words", () => {
    // feel-scala's function tests: "no function found with name 'f' and 1 parameters"
    const message = (source: string): string => {
      const outcome = evaluateFeel(source, { f: 3 }, { ...at, expect: 'number' });
      return outcome.ok ? '' : outcome.message;
    };
    expect(message('foo(1)')).toContain(
      "[NO_FUNCTION_FOUND] No function found with name 'foo' and 1 parameters",
    );
    expect(message('f(x: 1, z: 3)')).toContain(
      "[NO_FUNCTION_FOUND] No function found with name 'f' and parameters: x,z",
    );
  });

  it('names the actual type of a wrong result', () => {
    const cases: [string, string][] = [
      ['"a"', 'STRING'],
      ['1', 'NUMBER'],
      ['[1]', 'ARRAY'],
      ['{a: 1}', 'OBJECT'],
      ['true', 'BOOLEAN'],
      ['now()', 'DATE_TIME'],
      ['duration("PT1H")', 'DURATION'],
      ['duration("P1M")', 'PERIOD'],
    ];
    for (const [source, type] of cases) {
      const outcome = evaluateFeel(source, {}, { ...at, expect: type === 'STRING' ? 'number' : 'string' });
      expect(outcome.ok ? '' : outcome.message).toContain(`but was '${type}'.`);
    }
  });

  it('accepts each expected type', () => {
    expect(evaluateFeel('x', { x: 'a' }, { ...at, expect: 'string' })).toEqual({ ok: true, value: 'a' });
    expect(evaluateFeel('x', { x: 3 }, { ...at, expect: 'number' })).toEqual({ ok: true, value: 3 });
    expect(evaluateFeel('x', { x: [1] }, { ...at, expect: 'array' })).toEqual({ ok: true, value: [1] });
    expect(evaluateFeel('x', { x: { a: 1 } }, { ...at, expect: 'object' })).toEqual({
      ok: true,
      value: { a: 1 },
    });
    expect(evaluateFeel('x', { x: false }, { ...at, expect: 'boolean' })).toEqual({ ok: true, value: false });
  });

  it('reads now() and today() from the engine clock in the given zone', () => {
    expect(evaluateFeel('now()', {}, at)).toEqual({
      ok: true,
      value: '2023-01-01T11:00+01:00[Europe/Berlin]',
    });
    expect(evaluateFeel('today()', {}, { now: Date.UTC(2023, 0, 1, 23, 30), zone: 'Europe/Berlin' })).toEqual(
      {
        ok: true,
        value: '2023-01-02',
      },
    );
    // feelin does not tell the region UTC from the offset Z, so both print as Java's ZoneOffset.UTC
    expect(evaluateFeel('now() + duration("PT1H")', {}, { now: NOW, zone: 'UTC' })).toEqual({
      ok: true,
      value: '2023-01-01T11:00Z',
    });
  });

  it('keeps functions callable when a variable has the same name', () => {
    expect(evaluateFeel('count([1, 2]) + count', { count: 5 }, at)).toEqual({ ok: true, value: 7 });
    expect(evaluateFeel('now() != null', { now: 'yesterday' }, at)).toEqual({ ok: true, value: true });
  });

  it('reads a-b as a subtraction, never as a variable name', () => {
    expect(evaluateFeel('a-b', { a: 5, b: 2, 'a-b': 100 }, at)).toEqual({ ok: true, value: 3 });
  });

  it('fails the evaluation when an assertion does not hold', () => {
    const outcome = evaluateFeel('assert(x, x != null, "x is required")', {}, at);
    expect(outcome).toEqual({
      ok: false,
      message:
        'Assertion failure on evaluate the expression \'assert(x, x != null, "x is required")\': x is required ' +
        'The evaluation reported the following warnings:\n[ASSERT_FAILURE] x is required',
    });
  });

  it('turns an evaluation the interpreter cannot handle into a failure instead of throwing', () => {
    const outcome = evaluateFeel('matches("a", "a", "x")', {}, at);
    expect(outcome.ok).toBe(false);
  });

  it('turns a parse error of source text into a failure', () => {
    expect(evaluateFeel('if then', {}, at).ok).toBe(false);
  });
});
