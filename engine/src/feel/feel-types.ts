/** A value as the engine stores it: plain JSON. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The result types the engine asks for (Zeebe's evaluate*Expression variants). */
export type FeelResultType = 'any' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/** A parsed expression; reuse it: it is compiled once. */
export interface FeelExpression {
  readonly source: string;
}

export type FeelParse = { ok: true; expression: FeelExpression } | { ok: false; message: string };

export type FeelOutcome = { ok: true; value: JsonValue } | { ok: false; message: string };

export interface FeelEvaluationOptions {
  /** The engine clock, epoch milliseconds: `now()` and `today()` read it. */
  now: number;
  /** The type the result must have; a result of another type is a failure. */
  expect?: FeelResultType;
  /** The zone of `now()` and `today()`; the process's default zone when omitted. */
  zone?: string;
}
