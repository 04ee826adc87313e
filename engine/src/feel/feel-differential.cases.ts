import type { JsonValue } from './feel-types.ts';

/**
 * The language part of the differential table (operators, comparisons, logic, control flow, lists);
 * the built-in functions are in feel-differential-builtins.cases.ts.
 *
 * Expressions with the result feel-scala 1.17 (Zeebe 8.3) gives, written as Zeebe stores it
 * (ZEEBE-COMPAT.md §6.1: temporals as Java toString strings, durations as java.time Duration/Period).
 *
 * The expected values are taken from feel-scala's documentation and test suite, never from running
 * this engine; each group names its source. Doc paths are in github.com/camunda/feel-scala:
 *   v117 = docs/versioned_docs/version-1.17/reference, v116 = docs/versioned_docs/version-1.16/reference,
 *   main = docs/docs/reference.
 */

export interface DifferentialCase {
  expression: string;
  variables?: Record<string, JsonValue>;
  /** The stored result, or a failure whose message contains the text. */
  expected: JsonValue | { failure: string };
}

export interface DifferentialGroup {
  name: string;
  source: string;
  cases: DifferentialCase[];
}

export const row = (
  expression: string,
  expected: DifferentialCase['expected'],
  variables?: Record<string, JsonValue>,
): DifferentialCase => (variables ? { expression, expected, variables } : { expression, expected });

export const languageGroups: DifferentialGroup[] = [
  {
    name: 'arithmetic',
    source:
      'v117 language-guide/feel-numeric-expressions.md; v117 language-guide/feel-error-handling.md ' +
      '(an operation not defined for the values, or a missing variable, gives null); division by zero: ' +
      'FeelInterpreter.divOp (ValNumber(y) if y != 0, else an error suppressed to null)',
    cases: [
      row('2 + 3', 5),
      row('5 - 3', 2),
      row('5 * 3', 15),
      row('6 / 2', 3),
      row('2 ** 3', 8),
      row('.5', 0.5),
      row('01', 1),
      row('-0002', -2),
      row('10 - 2 * 3', 4),
      row('(10 - 2) * 3', 24),
      row('-x', -5, { x: 5 }),
      row('1 / 0', null),
      row('1 + "a"', null),
      row('x + 1', null),
      row('"foo" + "bar"', 'foobar'),
      row('"a" + null', null),
    ],
  },
  {
    name: 'decimal arithmetic',
    source:
      'ZEEBE-COMPAT.md §6.2 item 4 (feel-scala numbers are BigDecimal: 0.1 + 0.2 = 0.3); values built from a ' +
      "double's shortest decimal form (Scala BigDecimal(double)), 34-digit division (MathContext.DECIMAL128), " +
      'stored as the nearest double',
    cases: [
      row('0.1 + 0.2', 0.3),
      row('0.3 - 0.1', 0.2),
      row('19.99 * 3', 59.97),
      row('1.1 * 1.1', 1.21),
      row('price * quantity', 59.97, { price: 19.99, quantity: 3 }),
      row('0.1 + 0.2 = 0.3', true),
      row('sum([0.1, 0.2])', 0.3),
      row('product(1.1, 1.1)', 1.21),
      row('1 / 3 * 3', 1),
      row('10 - 0.01', 9.99),
    ],
  },
  {
    name: 'comparisons, including across types',
    source:
      'feel-scala src/test/scala/org/camunda/feel/impl/interpreter/ComparisonTypeTest.scala; ' +
      'main language-guide/feel-boolean-expressions.md; ZEEBE-COMPAT.md §6.2 item 2 (FeelInterpreter.dualOp); ' +
      'Camunda docs incident example "orderValue >= 100" with orderValue "99" → NULL',
    cases: [
      row('1 = 1', true),
      row('1 = 2', false),
      row('"a" = "a"', true),
      row('"a" = "b"', false),
      row('@"P1D" = @"P1D"', true),
      row('@"P1D" = @"P2D"', false),
      row('1 = null', false),
      row('"a" = null', false),
      row('@"P1D" = null', false),
      row('null = null', true),
      row('1 = true', null),
      row('1 = "a"', null),
      row('1 = @"P1D"', null),
      row('1 < 2', true),
      row('1 > 3', false),
      row('@"P1D" < @"P2D"', true),
      row('@"P1D" > @"P3D"', false),
      row('1 < null', null),
      row('@"P1D" > null', null),
      row('null < null', null),
      row('1 < true', null),
      row('1 > @"P1D"', null),
      row('5 != 5', false),
      row('date("2020-04-05") < date("2020-04-06")', true),
      row('time("08:00:00") <= time("08:00:00")', true),
      row('duration("P1D") > duration("P5D")', false),
      row('duration("P1Y") >= duration("P6M")', true),
      row('5 between 3 and 7', true),
      row('date("2020-04-06") between date("2020-04-05") and date("2020-04-09")', true),
      row('1 < "a"', null),
      row('"2023-01-01" < date("2023-01-02")', null),
      row('date and time("2023-01-01T10:00:00") < date and time("2023-01-01T10:00:00Z")', null),
      row('@"P1M" > @"P29D"', null),
      row('orderValue >= 100', null, { orderValue: '99' }),
      row('"foo" = null', false),
      row('{x: null}.x = null', true),
      row('{}.y = null', true),
      row('x = null', true),
      // the unary-test cases of ComparisonTypeTest, written as `in` expressions
      row('1 in < 2', true),
      row('1 in > 3', false),
      row('x in < 2', null, { x: null }),
      row('true in < 1', null),
      row('"a" in > 1', null),
      row('"5" in [1..10]', null),
    ],
  },
  {
    name: 'missing variables',
    source:
      'feel-scala src/test/scala/org/camunda/feel/impl/interpreter/InterpreterNonExistingVariableExpressionTest.scala',
    cases: [
      row('x = 1', false),
      row('1 = x', false),
      row('x = true', false),
      row('true = x', false),
      row('x = "string"', false),
      row('"string" = x', false),
      row('x = null', true),
      row('null = x', true),
      row('x = y', true),
      row('x < 1', null),
      row('1 < x', null),
      row('x < true', null),
      row('true < x', null),
      row('x < "string"', null),
      row('"string" < x', null),
      row('x < null', null),
      row('null < x', null),
      row('x < y', null),
      row('x > 1', null),
      row('1 > x', null),
      row('x > true', null),
      row('true > x', null),
      row('x > "string"', null),
      row('"string" > x', null),
      row('x > null', null),
      row('null > x', null),
      row('x > y', null),
      row('x <= 1', null),
      row('1 <= x', null),
      row('x <= true', null),
      row('true <= x', null),
      row('x <= "string"', null),
      row('"string" <= x', null),
      row('x <= null', null),
      row('null <= x', null),
      row('x <= y', null),
      row('x >= 1', null),
      row('1 >= x', null),
      row('x >= true', null),
      row('true >= x', null),
      row('x >= "string"', null),
      row('"string" >= x', null),
      row('x >= null', null),
      row('null >= x', null),
      row('x >= y', null),
      row('x between 1 and 3', null),
      row('1 between x and 3', null),
      row('3 between 1 and x', null),
      row('x between y and 3', null),
      row('x between 1 and y', null),
      row('x between y and z', null),
      row('non_existing', null),
    ],
  },
  {
    name: 'three-valued logic, instance of, in',
    source:
      'main language-guide/feel-boolean-expressions.md; v117 builtin-functions/feel-built-in-functions-boolean.md (not)',
    cases: [
      row('true and true', true),
      row('true and false', false),
      row('true and null', null),
      row('true and "otherwise"', null),
      row('false and null', false),
      row('false and "otherwise"', false),
      row('true or false', true),
      row('false or false', false),
      row('true or null', true),
      row('true or "otherwise"', true),
      row('false or null', null),
      row('false or "otherwise"', null),
      row('not(true)', false),
      row('not(null)', null),
      row('1 instance of number', true),
      row('1 instance of string', false),
      row('1 instance of Any', true),
      row('null instance of Any', false),
      row('duration("P3M") instance of years and months duration', true),
      row('duration("PT4H") instance of days and time duration', true),
      row('5 in (3..7)', true),
      row('date("2021-06-04") in [date("2021-05-01")..date("2021-05-31")]', false),
      row('5 in (3,5,7)', true),
      row('5 in [2,4,6,8]', false),
    ],
  },
  {
    name: 'if and for',
    source:
      'v116 language-guide/feel-control-flow.md ("If the condition c doesn\'t evaluate to a boolean value ' +
      '(e.g. null), it executes the expression b"); ZEEBE-COMPAT.md §6.2 item 3',
    cases: [
      row('if 5 < 10 then "low" else "high"', 'low'),
      row('if 12 < 10 then "low" else "high"', 'high'),
      row('if null then "low" else "high"', 'high'),
      row('if "yes" then 1 else 2', 2),
      row('if x then 1 else 2', 2, { x: 1 }),
      row('if x > 5 then "big" else "small"', 'small', { x: '10' }),
      row('for x in [1,2,3] return x * 2', [2, 4, 6]),
      row('for x in [1,2], y in [3,4] return x * y', [3, 4, 6, 8]),
      row(
        'for i in 1..10 return if (i <= 2) then 1 else partial[-1] + partial[-2]',
        [1, 1, 2, 3, 5, 8, 13, 21, 34, 55],
      ),
      row('for x in 0..8 return 2 ** x', [1, 2, 4, 8, 16, 32, 64, 128, 256]),
      row('for x in 3..1 return 2 * x', [6, 4, 2]),
    ],
  },
  {
    name: 'lists, filters, some, every',
    source: 'main language-guide/feel-list-expressions.md; v117 language-guide/feel-error-handling.md',
    cases: [
      row('[1,2,3,4][1]', 1),
      row('[1,2,3,4][4]', 4),
      row('[1,2,3,4][5]', null),
      row('[1,2,3,4][0]', null),
      row('[1,2,3,4][-1]', 4),
      row('[1,2,3,4][-2]', 3),
      row('[1,2,3,4][-5]', null),
      row('[1,2,3,4][item > 2]', [3, 4]),
      row('[1,2,3,4][item > 10]', []),
      row('[1,2,3,4][even(item)]', [2, 4]),
      row('some x in [1,2,3] satisfies x > 2', true),
      row('some x in [1,2,3] satisfies x > 5', false),
      row('some x in [1,2,3] satisfies even(x)', true),
      row('some x in [1,2], y in [2,3] satisfies x < y', true),
      row('every x in [1,2,3] satisfies x >= 1', true),
      row('every x in [1,2,3] satisfies x >= 2', false),
      row('every x in [1,2,3] satisfies even(x)', false),
      row('every x in [1,2], y in [2,3] satisfies x < y', false),
      row('[{a: 1}, {b: 2}].a', [1, null]),
      row('[{a: 1}, {b: 2}][a < 10]', [{ a: 1 }]),
    ],
  },
];
