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

describe('script tasks, inclusive and event-based gateways', () => {
  const clock = new ManualClock();
  let engine: OpenedEngine;

  beforeAll(async () => {
    engine = await openCoreEngine(await createCoreDatabase('more_elements'), clock);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('writes a script result for the next task, and raises an incident for a type mismatch in a gateway', async () => {
    await deploy(
      engine.service,
      'script.bpmn',
      bpmn(
        'script',
        '<bpmn:startEvent id="Start"/><bpmn:scriptTask id="Sum"><bpmn:extensionElements><zeebe:script expression="=a + b" resultVariable="sum"/></bpmn:extensionElements></bpmn:scriptTask>' +
          '<bpmn:exclusiveGateway id="Check" default="F_default"/>' +
          serviceTask('Next', 'script-next') +
          serviceTask('Other', 'script-other') +
          flow('F1', 'Start', 'Sum') +
          flow('F2', 'Sum', 'Check') +
          flow('F_cmp', 'Check', 'Other', '=x &lt; "a"') +
          flow('F_default', 'Check', 'Next'),
      ),
    );
    const created = await create(engine.service, 'script', '{"a": 1, "b": 2, "x": 5}');
    const [incident] = await engine.inspector.listIncidents({
      processInstanceKey: created.processInstanceKey,
    });
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'Check' });
    expect(await activate(engine.service, 'script-next')).toEqual([]);
    const view = await engine.inspector.getProcessInstance(created.processInstanceKey);
    expect(view?.variables[created.processInstanceKey]?.sum).toBe(3);
  });

  it('takes every inclusive flow whose condition is true', async () => {
    await deploy(
      engine.service,
      'or.bpmn',
      bpmn(
        'or',
        '<bpmn:startEvent id="Start"/><bpmn:inclusiveGateway id="Fork" default="F_d"/>' +
          serviceTask('A', 'or-a') +
          serviceTask('B', 'or-b') +
          serviceTask('D', 'or-d') +
          flow('F0', 'Start', 'Fork') +
          flow('F_a', 'Fork', 'A', '=x > 1') +
          flow('F_b', 'Fork', 'B', '=x > 2') +
          flow('F_d', 'Fork', 'D'),
      ),
    );
    await create(engine.service, 'or', '{"x": 3}');
    await create(engine.service, 'or', '{"x": 0}');
    expect(await activate(engine.service, 'or-a')).toHaveLength(1);
    expect(await activate(engine.service, 'or-b')).toHaveLength(1);
    expect(await activate(engine.service, 'or-d')).toHaveLength(1);
  });

  it('continues with the first event behind an event-based gateway and closes the others', async () => {
    await deploy(
      engine.service,
      'race.bpmn',
      bpmn(
        'race',
        '<bpmn:startEvent id="Start"/><bpmn:eventBasedGateway id="Race"/>' +
          '<bpmn:intermediateCatchEvent id="Paid"><bpmn:messageEventDefinition messageRef="Msg"/></bpmn:intermediateCatchEvent>' +
          '<bpmn:intermediateCatchEvent id="Expired"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>' +
          serviceTask('Ship', 'race-ship') +
          serviceTask('Remind', 'race-remind') +
          flow('F0', 'Start', 'Race') +
          flow('F1', 'Race', 'Paid') +
          flow('F2', 'Race', 'Expired') +
          flow('F3', 'Paid', 'Ship') +
          flow('F4', 'Expired', 'Remind'),
        '<bpmn:message id="Msg" name="race-paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=id"/></bpmn:extensionElements></bpmn:message>',
      ),
    );
    await create(engine.service, 'race', '{"id": "r1"}');
    await create(engine.service, 'race', '{"id": "r2"}');
    await engine.service.publishMessage({
      name: 'race-paid',
      correlationKey: 'r1',
      timeToLive: 0,
      messageId: '',
      variables: '{"paid": true}',
      tenantId: '',
    });
    const ship = await activateOne(engine.service, 'race-ship');
    expect(JSON.parse(ship.variables)).toEqual({ id: 'r1', paid: true });
    clock.advance(3_600_000);
    const [remind, ...others] = await eventually(async () => {
      const jobs = await activate(engine.service, 'race-remind');
      expect(jobs).toHaveLength(1);
      return jobs;
    });
    expect(others).toEqual([]);
    expect(JSON.parse(remind?.variables ?? '{}')).toEqual({ id: 'r2' });
  });
});
