import { Type, type Static } from 'typebox';

export { ErrorResponse } from '../auth/auth.schemas.ts';

const EngineKey = Type.String({ pattern: '^[0-9]{1,19}$', description: 'an engine key (decimal)' });
const InstanceState = Type.Union([
  Type.Literal('ACTIVE'),
  Type.Literal('COMPLETED'),
  Type.Literal('TERMINATED'),
]);
const IncidentState = Type.Union([Type.Literal('ACTIVE'), Type.Literal('RESOLVED')]);

export const MAX_PAGE = 200;

export const KeyParams = Type.Object({ key: EngineKey });
export type KeyParams = Static<typeof KeyParams>;

export const InstancesQuery = Type.Object(
  {
    bpmnProcessId: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    state: Type.Optional(InstanceState),
    limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }),
    cursor: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,9}$', description: 'nextCursor of the previous page' }),
    ),
  },
  { additionalProperties: false },
);
export type InstancesQuery = Static<typeof InstancesQuery>;

export const InstanceSummary = Type.Object({
  key: Type.String(),
  bpmnProcessId: Type.String(),
  version: Type.Integer(),
  processDefinitionKey: Type.String(),
  parentProcessInstanceKey: Type.Union([Type.String(), Type.Null()]),
  state: InstanceState,
  startedAt: Type.String({ format: 'date-time' }),
  endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  incidents: Type.Integer({ description: 'active incidents' }),
});

export const InstancesPage = Type.Object({
  items: Type.Array(InstanceSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const Incident = Type.Object({
  key: Type.String(),
  state: IncidentState,
  processInstanceKey: Type.String(),
  bpmnProcessId: Type.String(),
  elementId: Type.String(),
  elementInstanceKey: Type.String(),
  errorType: Type.String(),
  errorMessage: Type.String(),
  jobKey: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

export const IncidentsQuery = Type.Object(
  { state: IncidentState, processInstanceKey: Type.Optional(EngineKey) },
  { additionalProperties: false },
);
export type IncidentsQuery = Static<typeof IncidentsQuery>;

/** One element instance of the history (what the diagram overlays show). */
export const ElementInstance = Type.Object({
  key: Type.String(),
  elementId: Type.String(),
  elementType: Type.String(),
  state: InstanceState,
  startedAt: Type.String({ format: 'date-time' }),
  endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const InstanceDetail = Type.Object({
  key: Type.String(),
  bpmnProcessId: Type.String(),
  version: Type.Integer(),
  processDefinitionKey: Type.String(),
  parentProcessInstanceKey: Type.Union([Type.String(), Type.Null()]),
  state: InstanceState,
  startedAt: Type.String({ format: 'date-time' }),
  endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  elements: Type.Array(ElementInstance),
  variables: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown()), {
    description: 'by scope key (the instance key is the root scope); resident ID numbers masked',
  }),
  incidents: Type.Array(Incident),
});

export const ResolveResponse = Type.Object({
  key: Type.String(),
  resolved: Type.Literal(true),
  retriedJob: Type.Boolean({ description: 'the failed job was given a retry before resolving' }),
});
