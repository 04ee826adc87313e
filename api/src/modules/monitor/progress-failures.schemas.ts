import { Type, type Static } from 'typebox';

export const ProgressFailureParams = Type.Object({ applicationId: Type.String({ format: 'uuid' }) });
export type ProgressFailureParams = Static<typeof ProgressFailureParams>;

const DateTime = Type.String({ format: 'date-time' });

export const ProgressFailureView = Type.Object({
  applicationId: Type.String(),
  bundleKey: Type.Union([Type.String(), Type.Null()]),
  processInstanceKey: Type.Union([Type.String(), Type.Null()]),
  position: Type.String({
    description: 'the history feed position that named the application when it first failed',
  }),
  error: Type.String({ description: "the last error's message, resident ID numbers masked" }),
  attempts: Type.Integer({ description: 'failed attempts in all' }),
  state: Type.Union([Type.Literal('retrying'), Type.Literal('set_aside')]),
  firstSeenAt: DateTime,
  lastSeenAt: DateTime,
  nextAttemptAt: Type.Union([DateTime, Type.Null()], { description: 'null once set aside' }),
});
export type ProgressFailureView = Static<typeof ProgressFailureView>;
