export type {
  FeelEvaluationOptions,
  FeelExpression,
  FeelOutcome,
  FeelParse,
  FeelResultType,
  JsonValue,
} from './feel-types.ts';
export { evaluateFeel, isFeel, parseFeel, systemZone } from './feel-evaluator.ts';
