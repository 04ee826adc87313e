import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedEngine } from '../../src/core/open-engine.ts';
import {
  activate,
  activateOne,
  bpmn,
  create,
  createCoreDatabase,
  deploy,
  flow,
  openCoreEngine,
  serviceTask,
} from './core-support.ts';

const io = (inputs: [string, string][], outputs: [string, string][] = []) =>
  '<zeebe:ioMapping>' +
  inputs.map(([source, target]) => `<zeebe:input source="${source}" target="${target}"/>`).join('') +
  outputs.map(([source, target]) => `<zeebe:output source="${source}" target="${target}"/>`).join('') +
  '</zeebe:ioMapping>';

/** start → First → Second → end, with extension XML for First. */
const twoTasks = (id: string, firstInner: string) =>
  bpmn(
    id,
    '<bpmn:startEvent id="Start"/>' +
      serviceTask('First', `${id}-first`, firstInner) +
      serviceTask('Second', `${id}-second`) +
      '<bpmn:endEvent id="End"/>' +
      flow('F1', 'Start', 'First') +
      flow('F2', 'First', 'Second') +
      flow('F3', 'Second', 'End'),
  );

describe('variables, io mappings and headers', () => {
  let engine: OpenedEngine;

  beforeAll(async () => {
    engine = await openCoreEngine(await createCoreDatabase('variables'));
  });
  afterAll(async () => {
    await engine.close();
  });

  it('shows input-mapped locals to the job, shadowing root variables, and fetches only named variables', async () => {
    await deploy(
      engine.service,
      'inputs.bpmn',
      twoTasks(
        'inputs',
        io([
          ['=x + 1', 'x'],
          ['=x * 10', 'y'],
          ['static text', 'label'],
          ['=x', 'nested.value'],
        ]),
      ),
    );
    await create(engine.service, 'inputs', '{"x": 1, "other": true}');
    const job = await activateOne(engine.service, 'inputs-first');
    expect(JSON.parse(job.variables)).toEqual({
      x: 2,
      y: 20,
      label: 'static text',
      nested: { value: 2 },
      other: true,
    });
    const [fetched] = await activate(engine.service, 'inputs-first');
    expect(fetched).toBeUndefined();
    await engine.service.failJob({
      jobKey: job.key,
      retries: 3,
      errorMessage: '',
      retryBackOff: 0,
      variables: '',
    });
    const again = await activateOne(engine.service, 'inputs-first', { fetch: ['x', 'missing'] });
    expect(JSON.parse(again.variables)).toEqual({ x: 2 });
  });

  it('does not change a root variable through a local of the same name when completing without outputs', async () => {
    await deploy(engine.service, 'shadow.bpmn', twoTasks('shadow', io([['=x', 'x']])));
    await create(engine.service, 'shadow', '{"x": 1}');
    const first = await activateOne(engine.service, 'shadow-first');
    await engine.service.completeJob(first.key, '{"x": 2, "fresh": "yes"}');
    const second = await activateOne(engine.service, 'shadow-second');
    expect(JSON.parse(second.variables)).toEqual({ x: 1, fresh: 'yes' });
  });

  it('propagates only output-mapped values when outputs exist, merging dotted targets', async () => {
    await deploy(
      engine.service,
      'outputs.bpmn',
      twoTasks(
        'outputs',
        io(
          [],
          [
            ['=result', 'out'],
            ['=result + 1', 'customer.score'],
          ],
        ),
      ),
    );
    await create(engine.service, 'outputs', '{"customer": {"name": "Wang"}}');
    const first = await activateOne(engine.service, 'outputs-first');
    await engine.service.completeJob(first.key, '{"result": 1, "other": 2}');
    const second = await activateOne(engine.service, 'outputs-second');
    expect(JSON.parse(second.variables)).toEqual({ out: 1, customer: { name: 'Wang', score: 2 } });
  });

  it('raises an IO_MAPPING_ERROR when an output cannot be evaluated and completes after it is fixed', async () => {
    await deploy(
      engine.service,
      'outfail.bpmn',
      twoTasks('outfail', io([], [['=assert(result, result != null)', 'out']])),
    );
    const created = await create(engine.service, 'outfail');
    const first = await activateOne(engine.service, 'outfail-first');
    await engine.service.completeJob(first.key, '{}');
    const [incident] = await engine.inspector.listIncidents({
      processInstanceKey: created.processInstanceKey,
      state: 'ACTIVE',
    });
    expect(incident).toMatchObject({ errorType: 'IO_MAPPING_ERROR', elementId: 'First' });
    await engine.service.setVariables({
      elementInstanceKey: incident?.elementInstanceKey ?? '',
      variables: '{"result": 5}',
      local: true,
    });
    await engine.service.resolveIncident(incident?.key ?? '');
    const second = await activateOne(engine.service, 'outfail-second');
    expect(JSON.parse(second.variables)).toEqual({ out: 5 });
  });

  it('sets variables locally on a task or propagates new names to the root', async () => {
    await deploy(engine.service, 'setvars.bpmn', twoTasks('setvars', ''));
    const created = await create(engine.service, 'setvars', '{"a": 1}');
    const first = await activateOne(engine.service, 'setvars-first');
    await engine.service.setVariables({
      elementInstanceKey: first.elementInstanceKey,
      variables: '{"onlyHere": true}',
      local: true,
    });
    await engine.service.setVariables({
      elementInstanceKey: first.elementInstanceKey,
      variables: '{"a": 2, "global": "g"}',
      local: false,
    });
    const view = await engine.inspector.getProcessInstance(created.processInstanceKey);
    expect(view?.variables[created.processInstanceKey]).toEqual({ a: 2, global: 'g' });
    expect(view?.variables[first.elementInstanceKey]).toEqual({ onlyHere: true });
    await expect(
      engine.service.setVariables({ elementInstanceKey: '2251799813685248', variables: '{}', local: true }),
    ).rejects.toMatchObject({ rejection: 'NOT_FOUND' });
    await expect(
      engine.service.setVariables({
        elementInstanceKey: first.elementInstanceKey,
        variables: '[]',
        local: true,
      }),
    ).rejects.toMatchObject({ rejection: 'INVALID_ARGUMENT' });
    await engine.service.completeJob(first.key, '');
    const second = await activateOne(engine.service, 'setvars-second');
    expect(JSON.parse(second.variables)).toEqual({ a: 2, global: 'g' });
  });

  it('sends modelled headers and evaluates a FEEL job type and retries', async () => {
    const headers =
      '<zeebe:taskHeaders><zeebe:header key="department" value="tax"/><zeebe:header key="empty" value=""/></zeebe:taskHeaders>';
    await deploy(
      engine.service,
      'headers.bpmn',
      bpmn(
        'headers',
        '<bpmn:startEvent id="Start"/><bpmn:serviceTask id="Task"><bpmn:extensionElements><zeebe:taskDefinition type="=kind + &quot;-job&quot;" retries="=tries"/>' +
          headers +
          '</bpmn:extensionElements></bpmn:serviceTask>' +
          flow('F1', 'Start', 'Task'),
      ),
    );
    await create(engine.service, 'headers', '{"kind": "dynamic", "tries": 5}');
    const job = await activateOne(engine.service, 'dynamic-job');
    expect(job.retries).toBe(5);
    expect(JSON.parse(job.customHeaders)).toEqual({ department: 'tax' });
  });

  it('builds the reserved headers of a job-based user task', async () => {
    await deploy(
      engine.service,
      'user.bpmn',
      bpmn(
        'user',
        '<bpmn:startEvent id="Start"/><bpmn:userTask id="Review"><bpmn:extensionElements>' +
          '<zeebe:assignmentDefinition assignee="=owner" candidateGroups="window, tax"/>' +
          '<zeebe:taskSchedule dueDate="2023-03-02T15:35:00+02:00" followUpDate="=followUp"/>' +
          '<zeebe:formDefinition formKey="camunda-forms:bpmn:Form_1"/></bpmn:extensionElements></bpmn:userTask>' +
          flow('F1', 'Start', 'Review'),
      ),
    );
    await create(engine.service, 'user', '{"owner": "clerk-1", "followUp": null}');
    const job = await activateOne(engine.service, 'io.camunda.zeebe:userTask');
    expect(job.retries).toBe(1);
    expect(JSON.parse(job.customHeaders)).toEqual({
      'io.camunda.zeebe:assignee': 'clerk-1',
      'io.camunda.zeebe:candidateGroups': '["window","tax"]',
      'io.camunda.zeebe:dueDate': '2023-03-02T15:35+02:00',
      'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:Form_1',
    });
  });
});
