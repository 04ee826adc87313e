import { Type } from 'typebox';

const Day = Type.String({ format: 'date', description: 'a day in China (YYYY-MM-DD)' });

export const StatsQuery = Type.Object(
  { from: Type.Optional(Day), to: Type.Optional(Day) },
  { additionalProperties: false },
);

const Duration = { avgHours: Type.Number(), count: Type.Integer() };

export const Stats = Type.Object({
  perDay: Type.Array(Type.Object({ day: Day, submitted: Type.Integer(), completed: Type.Integer() })),
  durations: Type.Object({
    byDepartment: Type.Array(Type.Object({ department: Type.String(), ...Duration })),
    byBundle: Type.Array(Type.Object({ bundleKey: Type.String(), ...Duration })),
  }),
  /** Share of the submitted fields that came unchanged from the api's prefill; null when none was counted. */
  prefilledShare: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
  ratings: Type.Object({
    average: Type.Union([Type.Number(), Type.Null()]),
    count: Type.Integer(),
    byScore: Type.Object({
      1: Type.Integer(),
      2: Type.Integer(),
      3: Type.Integer(),
      4: Type.Integer(),
      5: Type.Integer(),
    }),
  }),
});

export const Breaches = Type.Array(
  Type.Object({
    applicationId: Type.String(),
    bundleKey: Type.String(),
    department: Type.String(),
    service: Type.String(),
    dueDate: Type.String({ format: 'date-time' }),
    state: Type.Union([Type.Literal('warning'), Type.Literal('overdue')]),
    workingDaysLeft: Type.Integer(),
  }),
);

export const ProcessDefinitionParams = Type.Object(
  { processDefinitionKey: Type.String({ pattern: '^[0-9]{1,19}$' }) },
  { additionalProperties: false },
);
