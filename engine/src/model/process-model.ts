/**
 * The executable graph of one BPMN process: what the runtime walks. Built and
 * validated once per deployed resource (transform-process.ts); immutable.
 */

/** A value that is either static text or a FEEL expression (source without '='). */
export type Expression =
  { readonly kind: 'static'; readonly value: string } | { readonly kind: 'feel'; readonly source: string };

export interface VariableMapping {
  readonly source: Expression;
  readonly target: string;
}

export type ElementKind =
  | 'process'
  | 'startEvent'
  | 'endEvent'
  | 'jobTask'
  | 'scriptTask'
  | 'receiveTask'
  | 'passThrough'
  | 'intermediateCatchEvent'
  | 'boundaryEvent'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'subProcess'
  | 'eventSubProcess'
  | 'callActivity';

export type TimerDefinition = {
  readonly kind: 'timeDate' | 'timeDuration' | 'timeCycle';
  readonly value: Expression;
};

export type EventDefinition =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'message';
      readonly messageName: Expression;
      readonly correlationKey: Expression | undefined;
    }
  | { readonly kind: 'timer'; readonly timer: TimerDefinition }
  | { readonly kind: 'error'; readonly errorCode: Expression | undefined }
  | { readonly kind: 'signal'; readonly signalName: Expression }
  | { readonly kind: 'escalation'; readonly escalationCode: Expression | undefined }
  | { readonly kind: 'terminate' };

export interface JobDefinition {
  readonly type: Expression;
  readonly retries: Expression;
  /** Static custom headers, already filtered (no empty key or value). */
  readonly headers: Readonly<Record<string, string>>;
  readonly userTask?: UserTaskDefinition;
}

export interface UserTaskDefinition {
  readonly assignee?: Expression;
  readonly candidateGroups?: Expression;
  readonly candidateUsers?: Expression;
  readonly dueDate?: Expression;
  readonly followUpDate?: Expression;
  readonly formKey?: string;
}

export interface MultiInstanceDefinition {
  readonly sequential: boolean;
  readonly inputCollection: string;
  readonly inputElement?: string;
  readonly outputCollection?: string;
  readonly outputElement?: string;
  readonly completionCondition?: string;
}

export interface CalledElementDefinition {
  readonly processId: Expression;
  readonly propagateAllChildVariables: boolean;
  readonly propagateAllParentVariables: boolean;
}

export interface SequenceFlowModel {
  readonly id: string;
  readonly sourceId: string;
  readonly targetId: string;
  /** FEEL source of the condition (only out of exclusive/inclusive gateways). */
  readonly condition?: string;
}

export interface ElementModel {
  readonly id: string;
  readonly kind: ElementKind;
  /** Zeebe's BpmnElementType name, shown in history (SERVICE_TASK, …). */
  readonly elementType: string;
  /** Id of the enclosing scope (process, sub-process, event sub-process); undefined for the process. */
  readonly scopeId: string | undefined;
  readonly incoming: readonly string[];
  readonly outgoing: readonly SequenceFlowModel[];
  readonly defaultFlowId?: string;
  readonly inputs: readonly VariableMapping[];
  readonly outputs: readonly VariableMapping[];
  readonly event: EventDefinition;
  readonly job?: JobDefinition;
  readonly script?: { readonly expression: string; readonly resultVariable: string };
  /** Boundary events attached to this activity. */
  readonly boundaryIds: readonly string[];
  readonly attachedToId?: string;
  /** Boundary events and event sub-process starts: does firing interrupt? */
  readonly interrupting: boolean;
  /** Scopes: the none start event, and event sub-processes directly inside. */
  readonly noneStartId?: string;
  readonly eventSubProcessIds: readonly string[];
  /** Event sub-process: its single start event. */
  readonly startEventId?: string;
  readonly multiInstance?: MultiInstanceDefinition;
  readonly calledElement?: CalledElementDefinition;
}

export interface ProcessModel {
  readonly bpmnProcessId: string;
  readonly elements: ReadonlyMap<string, ElementModel>;
  readonly flows: ReadonlyMap<string, SequenceFlowModel>;
  /** Top-level start events with a message / timer / signal definition. */
  readonly messageStartIds: readonly string[];
  readonly timerStartIds: readonly string[];
  readonly signalStartIds: readonly string[];
}

export function element(model: ProcessModel, id: string): ElementModel {
  const found = model.elements.get(id);
  if (!found) throw new Error(`element '${id}' is not in process '${model.bpmnProcessId}'`);
  return found;
}
