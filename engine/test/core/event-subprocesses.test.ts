import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedEngine } from '../../src/core/open-engine.ts';
import {
  activate,
  activateOne,
  bpmn,
  create,
  createCoreDatabase,
  deploy,
  eventually,
  flow,
  ManualClock,
  openCoreEngine,
  serviceTask,
} from './core-support.ts';

const subscription = (id: string, name: string) =>
  `<bpmn:message id="${id}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="=key"/></bpmn:extensionElements></bpmn:message>`;

describe('event sub-processes, signals, escalations and start events', () => {
  const clock = new ManualClock();
  let engine: OpenedEngine;

  const publish = (name: string, correlationKey: string, variables = '') =>
    engine.service.publishMessage({
      name,
      correlationKey,
      timeToLive: 0,
      messageId: '',
      variables,
      tenantId: '',
    });
  const signal = (signalName: string, variables = '') =>
    engine.service.broadcastSignal({ signalName, variables, tenantId: '' });

  beforeAll(async () => {
    engine = await openCoreEngine(await createCoreDatabase('event_subprocesses'), clock);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('catches an error thrown inside an embedded sub-process with an error event sub-process of the process', async () => {
    await deploy(
      engine.service,
      'esp_error.bpmn',
      bpmn(
        'esp_error',
        '<bpmn:startEvent id="Start"/><bpmn:subProcess id="Sub"><bpmn:startEvent id="SubStart"/>' +
          serviceTask('Work', 'esp-error-work') +
          flow('S1', 'SubStart', 'Work') +
          '</bpmn:subProcess>' +
          '<bpmn:subProcess id="OnError" triggeredByEvent="true"><bpmn:startEvent id="ErrorStart"><bpmn:errorEventDefinition errorRef="Err"/></bpmn:startEvent>' +
          serviceTask('Handle', 'esp-error-handle') +
          flow('E1', 'ErrorStart', 'Handle') +
          '</bpmn:subProcess>' +
          flow('F1', 'Start', 'Sub'),
        '<bpmn:error id="Err" errorCode="REJECTED"/>',
      ),
    );
    const created = await create(engine.service, 'esp_error');
    const work = await activateOne(engine.service, 'esp-error-work');
    await engine.service.throwError({
      jobKey: work.key,
      errorCode: 'REJECTED',
      errorMessage: '',
      variables: '{"why": "incomplete"}',
    });
    const handle = await activateOne(engine.service, 'esp-error-handle');
    expect(JSON.parse(handle.variables)).toEqual({ why: 'incomplete' });
    await engine.service.completeJob(handle.key, '');
    const view = await engine.inspector.getProcessInstance(created.processInstanceKey);
    expect(view?.state).toBe('COMPLETED');
    expect(view?.elements.find((element) => element.elementId === 'Sub')?.state).toBe('TERMINATED');
  });

  it('runs a non-interrupting message event sub-process beside the main flow, and an interrupting timer one ends it', async () => {
    await deploy(
      engine.service,
      'esp_events.bpmn',
      bpmn(
        'esp_events',
        '<bpmn:startEvent id="Start"/>' +
          serviceTask('Main', 'esp-main') +
          flow('F1', 'Start', 'Main') +
          '<bpmn:subProcess id="OnNote" triggeredByEvent="true"><bpmn:startEvent id="NoteStart" isInterrupting="false"><bpmn:messageEventDefinition messageRef="Note"/></bpmn:startEvent>' +
          serviceTask('Record', 'esp-record') +
          flow('N1', 'NoteStart', 'Record') +
          '</bpmn:subProcess>' +
          '<bpmn:subProcess id="OnTimeout" triggeredByEvent="true"><bpmn:startEvent id="TimeoutStart"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>' +
          serviceTask('Close', 'esp-close') +
          flow('T1', 'TimeoutStart', 'Close') +
          '</bpmn:subProcess>',
        subscription('Note', 'note'),
      ),
    );
    await create(engine.service, 'esp_events', '{"key": "k1"}');
    const main = await activateOne(engine.service, 'esp-main');
    await publish('note', 'k1', '{"text": "a"}');
    await publish('note', 'k1', '{"text": "b"}');
    expect(await activate(engine.service, 'esp-record')).toHaveLength(2);
    clock.advance(3_600_000);
    await eventually(() => activateOne(engine.service, 'esp-close'));
    await expect(engine.service.completeJob(main.key, '')).rejects.toMatchObject({ rejection: 'NOT_FOUND' });
  });

  it('wakes waiting signal catch events and starts signal start processes', async () => {
    await deploy(
      engine.service,
      'sig_wait.bpmn',
      bpmn(
        'sig_wait',
        '<bpmn:startEvent id="Start"/><bpmn:intermediateCatchEvent id="Wait"><bpmn:signalEventDefinition signalRef="Sig"/></bpmn:intermediateCatchEvent>' +
          serviceTask('After', 'sig-after') +
          flow('F1', 'Start', 'Wait') +
          flow('F2', 'Wait', 'After'),
        '<bpmn:signal id="Sig" name="go"/>',
      ),
    );
    await deploy(
      engine.service,
      'sig_start.bpmn',
      bpmn(
        'sig_start',
        '<bpmn:startEvent id="Start"><bpmn:signalEventDefinition signalRef="Sig"/></bpmn:startEvent>' +
          serviceTask('Started', 'sig-started') +
          flow('F1', 'Start', 'Started'),
        '<bpmn:signal id="Sig" name="go"/>',
      ),
    );
    await create(engine.service, 'sig_wait');
    await create(engine.service, 'sig_wait');
    await signal('go', '{"wave": 1}');
    expect(await activate(engine.service, 'sig-after')).toHaveLength(2);
    const [started] = await activate(engine.service, 'sig-started');
    expect(JSON.parse(started?.variables ?? '{}')).toEqual({ wave: 1 });
    await signal('go');
    expect(await activate(engine.service, 'sig-after')).toEqual([]);
  });

  it('throws a signal from an end event to other processes', async () => {
    await deploy(
      engine.service,
      'sig_throw.bpmn',
      bpmn(
        'sig_throw',
        '<bpmn:startEvent id="Start"/><bpmn:endEvent id="Shout"><bpmn:signalEventDefinition signalRef="Sig"/></bpmn:endEvent>' +
          flow('F1', 'Start', 'Shout'),
        '<bpmn:signal id="Sig" name="shout"/>',
      ),
    );
    await deploy(
      engine.service,
      'sig_hear.bpmn',
      bpmn(
        'sig_hear',
        '<bpmn:startEvent id="Start"/>' +
          serviceTask('Task', 'sig-hear-task') +
          '<bpmn:boundaryEvent id="Heard" attachedToRef="Task" cancelActivity="false"><bpmn:signalEventDefinition signalRef="Sig"/></bpmn:boundaryEvent>' +
          serviceTask('Heard_Task', 'sig-heard') +
          flow('F1', 'Start', 'Task') +
          flow('F2', 'Heard', 'Heard_Task'),
        '<bpmn:signal id="Sig" name="shout"/>',
      ),
    );
    await create(engine.service, 'sig_hear');
    await create(engine.service, 'sig_throw');
    expect(await activate(engine.service, 'sig-heard')).toHaveLength(1);
    expect(await activate(engine.service, 'sig-hear-task')).toHaveLength(1);
  });

  it('catches an escalation at an interrupting sub-process boundary; an uncaught one lets the flow go on', async () => {
    const escalating = (id: string, boundary: string) =>
      bpmn(
        id,
        '<bpmn:startEvent id="Start"/><bpmn:subProcess id="Sub"><bpmn:startEvent id="SubStart"/><bpmn:intermediateThrowEvent id="Raise"><bpmn:escalationEventDefinition escalationRef="Esc"/></bpmn:intermediateThrowEvent>' +
          serviceTask('Continue', `${id}-continue`) +
          flow('S1', 'SubStart', 'Raise') +
          flow('S2', 'Raise', 'Continue') +
          '</bpmn:subProcess>' +
          boundary +
          serviceTask('Escalated', `${id}-escalated`) +
          flow('F1', 'Start', 'Sub') +
          (boundary ? flow('F2', 'Caught', 'Escalated') : ''),
        '<bpmn:escalation id="Esc" escalationCode="LATE"/>',
      );
    await deploy(
      engine.service,
      'esc_caught.bpmn',
      escalating(
        'esc_caught',
        '<bpmn:boundaryEvent id="Caught" attachedToRef="Sub"><bpmn:escalationEventDefinition escalationRef="Esc"/></bpmn:boundaryEvent>',
      ),
    );
    await deploy(engine.service, 'esc_free.bpmn', escalating('esc_free', ''));
    await create(engine.service, 'esc_caught');
    await create(engine.service, 'esc_free');
    expect(await activate(engine.service, 'esc_caught-escalated')).toHaveLength(1);
    expect(await activate(engine.service, 'esc_caught-continue')).toEqual([]);
    expect(await activate(engine.service, 'esc_free-continue')).toHaveLength(1);
  });

  it('starts an instance from a message, but not a second one for the same key while it runs', async () => {
    await deploy(
      engine.service,
      'msg_start.bpmn',
      bpmn(
        'msg_start',
        '<bpmn:startEvent id="Start"><bpmn:messageEventDefinition messageRef="Apply"/></bpmn:startEvent>' +
          serviceTask('Review', 'msg-start-review') +
          flow('F1', 'Start', 'Review'),
        '<bpmn:message id="Apply" name="apply"/>',
      ),
    );
    await publish('apply', 'citizen-1', '{"form": "A"}');
    await publish('apply', 'citizen-1', '{"form": "B"}');
    const [review, ...others] = await activate(engine.service, 'msg-start-review');
    expect(others).toEqual([]);
    expect(JSON.parse(review?.variables ?? '{}')).toEqual({ form: 'A' });
    await engine.service.completeJob(review?.key ?? '', '');
    await publish('apply', 'citizen-1', '{"form": "C"}');
    expect(await activate(engine.service, 'msg-start-review')).toHaveLength(1);
  });

  it('starts instances from buffered messages on deploy and when the instance of the same key ends', async () => {
    const buffered = (name: string, key: string, form: string) =>
      engine.service.publishMessage({
        name,
        correlationKey: key,
        timeToLive: 60_000,
        messageId: '',
        variables: `{"form": "${form}"}`,
        tenantId: '',
      });
    await buffered('late-apply', 'c-9', 'first');
    await buffered('late-apply', 'c-9', 'second');
    await deploy(
      engine.service,
      'late_start.bpmn',
      bpmn(
        'late_start',
        '<bpmn:startEvent id="Start"><bpmn:messageEventDefinition messageRef="Apply"/></bpmn:startEvent>' +
          serviceTask('Review', 'late-review') +
          flow('F1', 'Start', 'Review'),
        '<bpmn:message id="Apply" name="late-apply"/>',
      ),
    );
    const [first, ...none] = await activate(engine.service, 'late-review');
    expect(none).toEqual([]);
    expect(JSON.parse(first?.variables ?? '{}')).toEqual({ form: 'first' });
    await engine.service.completeJob(first?.key ?? '', '');
    const second = await activateOne(engine.service, 'late-review');
    expect(JSON.parse(second.variables)).toEqual({ form: 'second' });
  });

  it('starts instances on a timer start cycle and stops when a new version replaces it', async () => {
    const timed = (type: string) =>
      bpmn(
        'timer_start',
        '<bpmn:startEvent id="Start"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>' +
          serviceTask('Tick', type) +
          flow('F1', 'Start', 'Tick'),
      );
    await deploy(engine.service, 'timer_start.bpmn', timed('tick-v1'));
    for (let tick = 0; tick < 2; tick += 1) {
      clock.advance(60_000);
      const job = await eventually(() => activateOne(engine.service, 'tick-v1'));
      await engine.service.completeJob(job.key, '');
    }
    await deploy(
      engine.service,
      'timer_start.bpmn',
      bpmn(
        'timer_start',
        '<bpmn:startEvent id="Start"/>' + serviceTask('Tick', 'tick-v2') + flow('F1', 'Start', 'Tick'),
      ),
    );
    clock.advance(120_000);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await activate(engine.service, 'tick-v1')).toEqual([]);
  });
});
