import { describe, expect, it } from 'vitest';
import type { ElementInstance, Incident } from '../api/monitor.types.ts';
import { elementStates, statusCounts } from './element-states.ts';

let nextKey = 100;
function element(
  elementId: string,
  state: ElementInstance['state'],
  elementType = 'SERVICE_TASK',
): ElementInstance {
  nextKey += 1;
  return {
    key: String(nextKey),
    elementId,
    elementType,
    state,
    startedAt: '2026-11-29T08:00:00.000Z',
    endedAt: state === 'ACTIVE' ? null : '2026-11-29T08:05:00.000Z',
  };
}

function incident(elementId: string, state: Incident['state'] = 'ACTIVE'): Incident {
  return {
    key: `9${elementId.length}`,
    state,
    processInstanceKey: '1',
    bpmnProcessId: 'onething-newborn',
    elementId,
    elementInstanceKey: '2',
    errorType: 'JOB_NO_RETRIES',
    errorMessage: 'health/issue-birth-certificate: REGISTRY_UNAVAILABLE',
    jobKey: '3',
    createdAt: '2026-11-29T08:06:00.000Z',
  };
}

describe('elementStates', () => {
  it('marks passed elements completed, running ones active and the failing one as an incident with its count', () => {
    // given
    const history = [
      element('Process_Newborn', 'ACTIVE', 'PROCESS'),
      element('StartEvent_Submitted', 'COMPLETED', 'START_EVENT'),
      element('Task_WindowAccept', 'COMPLETED', 'USER_TASK'),
      element('SubProcess_Health', 'ACTIVE', 'SUB_PROCESS'),
      element('Task_BirthCertificate', 'ACTIVE'),
    ];

    // when
    const states = elementStates(history, [incident('Task_BirthCertificate')]);

    // then
    expect(states.has('Process_Newborn')).toBe(false);
    expect(states.get('Task_WindowAccept')).toMatchObject({ status: 'completed', completed: 1, active: 0 });
    expect(states.get('SubProcess_Health')).toMatchObject({ status: 'active', active: 1 });
    expect(states.get('Task_BirthCertificate')).toMatchObject({
      status: 'incident',
      active: 1,
      incidents: 1,
    });
    expect(statusCounts(states.values())).toEqual({ incident: 1, active: 1, completed: 2, terminated: 0 });
  });

  it('counts each pass of a loop and shows the element active while it runs again', () => {
    // given a task completed once, returned for correction and waiting again
    const history = [
      element('Task_WindowAccept', 'COMPLETED', 'USER_TASK'),
      element('Task_WindowAccept', 'ACTIVE', 'USER_TASK'),
    ];

    // when
    const state = elementStates(history, []).get('Task_WindowAccept');

    // then
    expect(state).toMatchObject({ status: 'active', active: 1, completed: 1 });
  });

  it('counts the inner instances of a multi-instance task, not its body', () => {
    // given
    const history = [
      element('Task_Notify', 'ACTIVE', 'MULTI_INSTANCE_BODY'),
      element('Task_Notify', 'COMPLETED'),
      element('Task_Notify', 'ACTIVE'),
      element('Task_Notify', 'ACTIVE'),
      element('Task_Waiting', 'ACTIVE', 'MULTI_INSTANCE_BODY'),
    ];

    // when
    const states = elementStates(history, []);

    // then
    expect(states.get('Task_Notify')).toMatchObject({ status: 'active', active: 2, completed: 1 });
    expect(states.get('Task_Waiting')).toMatchObject({ status: 'active', active: 1 });
  });

  it('ignores resolved incidents and marks terminated elements as such', () => {
    // given
    const history = [element('Task_Cancelled', 'TERMINATED'), element('Task_Retried', 'COMPLETED')];

    // when
    const states = elementStates(history, [incident('Task_Retried', 'RESOLVED')]);

    // then
    expect(states.get('Task_Cancelled')).toMatchObject({ status: 'terminated', terminated: 1 });
    expect(states.get('Task_Retried')).toMatchObject({ status: 'completed', incidents: 0 });
  });

  it('shows an incident on an element that has no history row of its own', () => {
    // when
    const states = elementStates([], [incident('Gateway_Decision')]);

    // then
    expect(states.get('Gateway_Decision')).toMatchObject({ status: 'incident', incidents: 1, active: 0 });
  });
});
