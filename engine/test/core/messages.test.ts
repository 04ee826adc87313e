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

const message = (name: string, key = '=orderId') =>
  `<bpmn:message id="Msg" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="${key}"/></bpmn:extensionElements></bpmn:message>`;

/** start → catch (message) → After task. */
const waitForMessage = (id: string, name: string, key?: string) =>
  bpmn(
    id,
    '<bpmn:startEvent id="Start"/><bpmn:intermediateCatchEvent id="Catch"><bpmn:messageEventDefinition messageRef="Msg"/></bpmn:intermediateCatchEvent>' +
      serviceTask('After', `${id}-after`) +
      flow('F1', 'Start', 'Catch') +
      flow('F2', 'Catch', 'After'),
    message(name, key),
  );

describe('messages', () => {
  const clock = new ManualClock();
  let engine: OpenedEngine;
  let databaseUrl: string;

  const publish = (
    name: string,
    correlationKey: string,
    options: { ttl?: number; id?: string; variables?: string } = {},
  ) =>
    engine.service.publishMessage({
      name,
      correlationKey,
      timeToLive: options.ttl ?? 0,
      messageId: options.id ?? '',
      variables: options.variables ?? '',
      tenantId: '',
    });

  beforeAll(async () => {
    databaseUrl = await createCoreDatabase('messages');
    engine = await openCoreEngine(databaseUrl, clock);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('correlates to a waiting catch event with the message variables; a number key matches its text', async () => {
    await deploy(engine.service, 'catch.bpmn', waitForMessage('catch', 'paid'));
    await create(engine.service, 'catch', '{"orderId": 42}');
    await publish('paid', '42', { variables: '{"amount": 10}' });
    const after = await activateOne(engine.service, 'catch-after');
    expect(JSON.parse(after.variables)).toEqual({ orderId: 42, amount: 10 });
  });

  it('delivers one message to one instance per process, but to each process', async () => {
    await deploy(engine.service, 'one_a.bpmn', waitForMessage('one_a', 'shared'));
    await deploy(engine.service, 'one_b.bpmn', waitForMessage('one_b', 'shared'));
    await create(engine.service, 'one_a', '{"orderId": "k"}');
    await create(engine.service, 'one_a', '{"orderId": "k"}');
    await create(engine.service, 'one_b', '{"orderId": "k"}');
    await publish('shared', 'k');
    expect(await activate(engine.service, 'one_a-after')).toHaveLength(1);
    expect(await activate(engine.service, 'one_b-after')).toHaveLength(1);
  });

  it('buffers a message with a TTL for a later subscription, but not one with TTL 0', async () => {
    await deploy(engine.service, 'buffer.bpmn', waitForMessage('buffer', 'early'));
    await publish('early', 'gone', { ttl: 0 });
    await publish('early', 'kept', { ttl: 10_000, variables: '{"fromBuffer": true}' });
    await create(engine.service, 'buffer', '{"orderId": "gone"}');
    await create(engine.service, 'buffer', '{"orderId": "kept"}');
    const [after, ...rest] = await activate(engine.service, 'buffer-after');
    expect(rest).toEqual([]);
    expect(JSON.parse(after?.variables ?? '{}')).toEqual({ orderId: 'kept', fromBuffer: true });
  });

  it('rejects a duplicate message id while it is buffered and forgets it after the TTL', async () => {
    await publish('dup', 'a', { ttl: 1000, id: 'm-1' });
    await expect(publish('dup', 'a', { ttl: 1000, id: 'm-1' })).rejects.toMatchObject({
      rejection: 'ALREADY_EXISTS',
    });
    await publish('dup', 'b', { ttl: 1000, id: 'm-1' });
    clock.advance(1000);
    await eventually(() => publish('dup', 'a', { ttl: 1000, id: 'm-1' }));
  });

  it('keeps buffered messages across a restart and lets them expire after it', async () => {
    await deploy(engine.service, 'durable.bpmn', waitForMessage('durable', 'stored'));
    await publish('stored', 'r', { ttl: 60_000 });
    await engine.close();
    engine = await openCoreEngine(databaseUrl, clock);
    await create(engine.service, 'durable', '{"orderId": "r"}');
    expect(await activate(engine.service, 'durable-after')).toHaveLength(1);
  });

  it('interrupts a task with a message boundary and runs a receive task', async () => {
    await deploy(
      engine.service,
      'msgboundary.bpmn',
      bpmn(
        'msgboundary',
        '<bpmn:startEvent id="Start"/>' +
          serviceTask('Task', 'msgboundary-task') +
          '<bpmn:boundaryEvent id="Cancelled" attachedToRef="Task"><bpmn:messageEventDefinition messageRef="Msg"/></bpmn:boundaryEvent>' +
          '<bpmn:receiveTask id="Receive" messageRef="Msg2"/>' +
          serviceTask('Done', 'msgboundary-done') +
          flow('F1', 'Start', 'Task') +
          flow('F2', 'Cancelled', 'Receive') +
          flow('F3', 'Receive', 'Done'),
        message('cancel') + message('confirm').replace('id="Msg"', 'id="Msg2"'),
      ),
    );
    await create(engine.service, 'msgboundary', '{"orderId": "o-1"}');
    const job = await activateOne(engine.service, 'msgboundary-task');
    await publish('cancel', 'o-1');
    await expect(engine.service.completeJob(job.key, '')).rejects.toMatchObject({ rejection: 'NOT_FOUND' });
    await publish('confirm', 'o-1', { variables: '{"confirmed": true}' });
    const done = await activateOne(engine.service, 'msgboundary-done');
    expect(JSON.parse(done.variables)).toMatchObject({ confirmed: true });
  });

  it('raises an incident when the correlation key is not a string or number', async () => {
    await deploy(engine.service, 'badkey.bpmn', waitForMessage('badkey', 'bad'));
    const created = await create(engine.service, 'badkey', '{"orderId": {"nested": true}}');
    const [incident] = await engine.inspector.listIncidents({
      processInstanceKey: created.processInstanceKey,
    });
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'Catch' });
  });
});
