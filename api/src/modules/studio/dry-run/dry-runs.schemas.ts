import { Type } from 'typebox';
import { ElementInstance, Incident } from '../../monitor/monitor.schemas.ts';

const JsonObject = Type.Record(Type.String(), Type.Unknown());
/** Set once a run was cancelled: by a designer, or by the api after it sat idle. */
const CancelReason = Type.Union([Type.Literal('designer'), Type.Literal('expired'), Type.Null()]);
const EngineState = Type.Union([
  Type.Literal('ACTIVE'),
  Type.Literal('COMPLETED'),
  Type.Literal('TERMINATED'),
]);

export const DryRunParams = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
export const DryRunTaskParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), taskId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const StartDryRunBody = Type.Object(
  {
    /** The draft version the designer sees (as for publishing): another save in between is a conflict. */
    version: Type.Integer({ minimum: 1 }),
    /** A test citizen's key, from GET /api/studio/test-citizens. */
    citizen: Type.String({ minLength: 1, maxLength: 64 }),
  },
  { additionalProperties: false },
);

export const CompleteDryRunTaskBody = Type.Object(
  {
    variables: Type.Optional(JsonObject),
    defaults: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const TestCitizens = Type.Object({
  /** Whether this deployment may run dry runs (its registries are the sandbox). */
  available: Type.Boolean(),
  citizens: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), idNumber: Type.String() })),
});

export const DryRunStarted = Type.Object({
  id: Type.String(),
  processInstanceKey: Type.String(),
  processDefinitionKey: Type.String(),
});

export const DryRunSummary = Type.Object({
  id: Type.String(),
  draftVersion: Type.Integer(),
  citizen: Type.String(),
  processInstanceKey: Type.String(),
  state: Type.Union([Type.Literal('running'), Type.Literal('completed'), Type.Literal('cancelled')]),
  cancelReason: CancelReason,
  startedAt: Type.String({ format: 'date-time' }),
  startedBy: Type.String(),
});
export const DryRunList = Type.Array(DryRunSummary);

const Outcome = Type.Object({
  service: Type.String(),
  department: Type.String(),
  status: Type.Union([
    Type.Literal('not_requested'),
    Type.Literal('pending'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  result: Type.Optional(JsonObject),
  reason: Type.Optional(Type.String()),
});

const Task = Type.Object({
  id: Type.String(),
  elementId: Type.String(),
  name: Type.String(),
  candidateGroups: Type.Array(Type.String()),
  state: Type.Union([Type.Literal('open'), Type.Literal('completed'), Type.Literal('cancelled')]),
  createdAt: Type.String({ format: 'date-time' }),
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  completedBy: Type.Union([Type.String(), Type.Null()]),
  form: Type.Union([JsonObject, Type.Null()]),
});

export const DryRunDetail = Type.Object({
  id: Type.String(),
  bundleKey: Type.String(),
  draftVersion: Type.Integer(),
  citizen: Type.String(),
  processInstanceKey: Type.String(),
  processDefinitionKey: Type.String(),
  bpmnProcessId: Type.String(),
  state: Type.Union([EngineState, Type.Literal('CANCELLED')]),
  /** Why a CANCELLED run was: the designer cancelled it, or it expired unused. */
  cancelReason: CancelReason,
  startedAt: Type.String({ format: 'date-time' }),
  startedBy: Type.String(),
  endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  elements: Type.Array(ElementInstance),
  incidents: Type.Array(Incident),
  variables: JsonObject,
  outcomes: Type.Array(Outcome),
  tasks: Type.Array(Task),
});

const errorBase = {
  code: Type.String(),
  message: Type.String(),
  fields: Type.Optional(Type.Record(Type.String(), Type.String())),
};
const Problem = Type.Object({
  source: Type.String(),
  elementId: Type.Optional(Type.String()),
  formPath: Type.Optional(Type.String()),
  fieldKey: Type.Optional(Type.String()),
  message: Type.String(),
});

/** 422 DRY_RUN_REJECTED (with `problems`, as PUBLISH_REJECTED) or DRY_RUN_DATA_INVALID (with `fields`). */
export const DryRunRejectedResponse = Type.Object({
  error: Type.Object({ ...errorBase, problems: Type.Optional(Type.Array(Problem)) }),
});
