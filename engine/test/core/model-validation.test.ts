import { describe, expect, it } from 'vitest';
import { checkFeel, checkTimer } from '../../src/core/runtime-services.ts';
import { parseBpmnResource } from '../../src/model/parse-resource.ts';
import { bpmn, flow, serviceTask } from './core-support.ts';

const checkers = { feel: checkFeel, timer: checkTimer };

async function problemsOf(body: string, extra = ''): Promise<string> {
  const parsed = await parseBpmnResource('model.bpmn', bpmn('model', body, extra), checkers);
  return parsed.ok ? '' : parsed.message;
}

const start = '<bpmn:startEvent id="Start"/>';
const message =
  '<bpmn:message id="Msg" name="m"><bpmn:extensionElements><zeebe:subscription correlationKey="=k"/></bpmn:extensionElements></bpmn:message>';

describe('deploy-time validation of BPMN processes', () => {
  it('accepts a valid process and keeps its structure', async () => {
    const parsed = await parseBpmnResource(
      'ok.bpmn',
      bpmn('ok', start + serviceTask('Task', 't') + flow('F', 'Start', 'Task')),
      checkers,
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(parsed.processes[0]?.elements.get('Task')?.job?.retries).toEqual({ kind: 'static', value: '3' });
  });

  it.each([
    [
      'a condition on a flow out of a task',
      start +
        serviceTask('Task', 't') +
        serviceTask('Next', 'n') +
        flow('F', 'Start', 'Task') +
        flow('F2', 'Task', 'Next', '=x'),
      "Element 'F2'",
    ],
    [
      'an inclusive join',
      start +
        serviceTask('A', 'a') +
        '<bpmn:inclusiveGateway id="Join"/>' +
        flow('F1', 'Start', 'Join') +
        flow('F2', 'A', 'Join'),
      "Element 'Join'",
    ],
    [
      'an interrupting cycle boundary',
      start +
        serviceTask('Task', 't') +
        '<bpmn:boundaryEvent id="B" attachedToRef="Task"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>' +
        serviceTask('X', 'x') +
        flow('F1', 'Start', 'Task') +
        flow('F2', 'B', 'X'),
      "Element 'B'",
    ],
    [
      'a non-interrupting error boundary',
      start +
        serviceTask('Task', 't') +
        '<bpmn:boundaryEvent id="B" attachedToRef="Task" cancelActivity="false"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>' +
        serviceTask('X', 'x') +
        flow('F1', 'Start', 'Task') +
        flow('F2', 'B', 'X'),
      'must be interrupting',
    ],
    [
      'an escalation boundary on a task',
      start +
        serviceTask('Task', 't') +
        '<bpmn:boundaryEvent id="B" attachedToRef="Task"><bpmn:escalationEventDefinition/></bpmn:boundaryEvent>' +
        serviceTask('X', 'x') +
        flow('F1', 'Start', 'Task') +
        flow('F2', 'B', 'X'),
      'sub-process or call activity',
    ],
    [
      'a sub-process without a start event',
      start +
        '<bpmn:subProcess id="Sub">' +
        serviceTask('Inner', 'i') +
        '</bpmn:subProcess>' +
        flow('F1', 'Start', 'Sub'),
      "Element 'Sub'",
    ],
    ['two none start events', start + '<bpmn:startEvent id="Start2"/>', 'at most one none start event'],
    [
      'a link event',
      start +
        '<bpmn:intermediateThrowEvent id="Link"><bpmn:linkEventDefinition name="l"/></bpmn:intermediateThrowEvent>' +
        flow('F1', 'Start', 'Link'),
      "Element 'Link': link events",
    ],
    [
      'an unparsable FEEL condition',
      start +
        '<bpmn:exclusiveGateway id="G"/>' +
        serviceTask('A', 'a') +
        flow('F1', 'Start', 'G') +
        flow('F2', 'G', 'A', '=x >'),
      "Element 'F2'",
    ],
    [
      'a message catch without a correlation key',
      start +
        '<bpmn:intermediateCatchEvent id="C"><bpmn:messageEventDefinition messageRef="M2"/></bpmn:intermediateCatchEvent>' +
        flow('F1', 'Start', 'C'),
      'correlation key',
    ],
    [
      'an event-based gateway with one target',
      start +
        '<bpmn:eventBasedGateway id="G"/><bpmn:intermediateCatchEvent id="C"><bpmn:messageEventDefinition messageRef="Msg"/></bpmn:intermediateCatchEvent>' +
        flow('F1', 'Start', 'G') +
        flow('F2', 'G', 'C'),
      'at least two outgoing',
    ],
    [
      'an event-based gateway leading to a task',
      start +
        '<bpmn:eventBasedGateway id="G"/>' +
        serviceTask('A', 'a') +
        serviceTask('B', 'b') +
        flow('F1', 'Start', 'G') +
        flow('F2', 'G', 'A') +
        flow('F3', 'G', 'B'),
      'intermediate message, timer or signal catch event',
    ],
    [
      'a duplicated header key',
      start +
        serviceTask(
          'Task',
          't',
          '<zeebe:taskHeaders><zeebe:header key="a" value="1"/><zeebe:header key="a" value="2"/></zeebe:taskHeaders>',
        ) +
        flow('F1', 'Start', 'Task'),
      'more than once',
    ],
    [
      'a script task without a result variable',
      start +
        '<bpmn:scriptTask id="S"><bpmn:extensionElements><zeebe:script expression="=1"/></bpmn:extensionElements></bpmn:scriptTask>' +
        flow('F1', 'Start', 'S'),
      'resultVariable',
    ],
    [
      'a call activity without a process id',
      start + '<bpmn:callActivity id="Call"/>' + flow('F1', 'Start', 'Call'),
      "Element 'Call'",
    ],
    [
      'a standard loop',
      start +
        '<bpmn:serviceTask id="L"><bpmn:extensionElements><zeebe:taskDefinition type="t"/></bpmn:extensionElements><bpmn:standardLoopCharacteristics/></bpmn:serviceTask>' +
        flow('F1', 'Start', 'L'),
      'standard loop',
    ],
    [
      'a Zeebe user task',
      start +
        '<bpmn:userTask id="U"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask>' +
        flow('F1', 'Start', 'U'),
      'Zeebe user tasks',
    ],
    [
      'a DMN business rule task',
      start +
        '<bpmn:businessRuleTask id="R"><bpmn:extensionElements><zeebe:calledDecision decisionId="d" resultVariable="r"/></bpmn:extensionElements></bpmn:businessRuleTask>' +
        flow('F1', 'Start', 'R'),
      'DMN',
    ],
    ['an unknown BPMN element', start + '<bpmn:complexGateway id="Complex"/>', "Element 'Complex'"],
    [
      'a process timer start with an invalid FEEL cycle',
      '<bpmn:startEvent id="T"><bpmn:timerEventDefinition><bpmn:timeCycle>="not a cycle"</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>',
      "Element 'T'",
    ],
  ])('rejects %s', async (_name, body, expected) => {
    expect(await problemsOf(body, message + '<bpmn:message id="M2" name="m2"/>')).toContain(expected);
  });

  it('skips non-executable processes and rejects a resource with none executable', async () => {
    const content = new TextEncoder().encode(
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="p" isExecutable="false"><bpmn:startEvent id="S"/></bpmn:process></bpmn:definitions>',
    );
    const parsed = await parseBpmnResource('none.bpmn', content, checkers);
    expect(parsed.ok ? '' : parsed.message).toContain('at least one executable process');
  });
});
