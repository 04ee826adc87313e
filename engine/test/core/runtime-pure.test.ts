import { describe, expect, it } from 'vitest';
import { checkFeel, checkTimer, createRuntimeServices } from '../../src/core/runtime-services.ts';
import { parseBpmnResource } from '../../src/model/parse-resource.ts';
import { deploy } from '../../src/runtime/deploy.ts';
import { DueQueue } from '../../src/runtime/due-queue.ts';
import { runDueWork } from '../../src/runtime/due-work.ts';
import { EngineState } from '../../src/runtime/engine-state.ts';
import { Execution } from '../../src/runtime/execution.ts';
import { createInstance } from '../../src/runtime/instance-commands.ts';
import { activateJobs, failJob } from '../../src/runtime/job-commands.ts';
import { DEFAULT_MAX_MESSAGE_SIZE } from '../../src/message-size.ts';
import { bpmn, flow, oneTaskProcess, serviceTask } from './core-support.ts';

const services = createRuntimeServices();
const T0 = Date.UTC(2026, 0, 1);

/** Runs one command the way the writer does: against the state, at a given instant. */
function run<T>(state: EngineState, now: number, command: (x: Execution) => T): { result: T; x: Execution } {
  const x = new Execution(state, services, now);
  const result = command(x);
  x.runSteps();
  return { result, x };
}

async function stateWith(processId: string, content: Uint8Array): Promise<EngineState> {
  const parsed = await parseBpmnResource(`${processId}.bpmn`, content, {
    feel: checkFeel,
    timer: checkTimer,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const state = new EngineState();
  run(state, T0, (x) =>
    deploy(x, [
      { name: `${processId}.bpmn`, checksum: parsed.checksum, xml: parsed.xml, processes: parsed.processes },
    ]),
  );
  return state;
}

const activation = (type: string, timeout = 1000) => ({
  type,
  worker: 'w',
  timeout,
  maxJobsToActivate: 10,
  fetchVariable: [],
  maxMessageSize: DEFAULT_MAX_MESSAGE_SIZE,
});

describe('the pure runtime with an injected clock', () => {
  it('returns a timed-out job exactly when its deadline passes', async () => {
    const state = await stateWith('p', oneTaskProcess('p', 't'));
    run(state, T0, (x) =>
      createInstance(x, { bpmnProcessId: 'p', version: -1, definitionKey: -1, variables: new Map() }),
    );
    const [job] = run(state, T0, (x) => activateJobs(x, activation('t', 5000))).result;
    expect(job?.job.deadline).toBe(T0 + 5000);
    run(state, T0 + 4999, (x) => runDueWork(x));
    expect(run(state, T0 + 4999, (x) => activateJobs(x, activation('t'))).result).toEqual([]);
    const { x } = run(state, T0 + 5000, (x) => runDueWork(x));
    expect([...x.changes.activatableJobs]).toEqual([job?.job.key]);
    expect(run(state, T0 + 5000, (x) => activateJobs(x, activation('t'))).result).toHaveLength(1);
  });

  it('keeps a failed job back until its backoff elapses', async () => {
    const state = await stateWith('p', oneTaskProcess('p', 't'));
    run(state, T0, (x) =>
      createInstance(x, { bpmnProcessId: 'p', version: -1, definitionKey: -1, variables: new Map() }),
    );
    const [job] = run(state, T0, (x) => activateJobs(x, activation('t'))).result;
    run(state, T0 + 10, (x) =>
      failJob(x, {
        jobKey: job?.job.key ?? 0,
        retries: 2,
        errorMessage: 'e',
        retryBackOff: 300,
        variables: new Map(),
      }),
    );
    run(state, T0 + 309, (x) => runDueWork(x));
    expect(state.jobs.get(job?.job.key ?? 0)?.state).toBe('FAILED');
    run(state, T0 + 310, (x) => runDueWork(x));
    expect(state.jobs.get(job?.job.key ?? 0)?.state).toBe('ACTIVATABLE');
  });

  it('fires an intermediate timer at its due time and not before', async () => {
    const state = await stateWith(
      'w',
      bpmn(
        'w',
        '<bpmn:startEvent id="S"/><bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>' +
          serviceTask('After', 'after') +
          flow('F1', 'S', 'Wait') +
          flow('F2', 'Wait', 'After'),
      ),
    );
    run(state, T0, (x) =>
      createInstance(x, { bpmnProcessId: 'w', version: -1, definitionKey: -1, variables: new Map() }),
    );
    expect([...state.timers.values()].map((timer) => timer.dueAt)).toEqual([T0 + 3_600_000]);
    run(state, T0 + 3_599_999, (x) => runDueWork(x));
    expect(state.activatable.get('after')).toBeUndefined();
    run(state, T0 + 3_600_000, (x) => runDueWork(x));
    expect(state.activatable.get('after')).toHaveLength(1);
    expect(state.timers.size).toBe(0);
  });

  it('hands out keys from one counter starting at 2^51 + 1', async () => {
    const state = await stateWith('p', oneTaskProcess('p', 't'));
    const keys = [...state.definitions.keys()];
    expect(keys[0]).toBe(2 ** 51 + 1);
    const { result } = run(state, T0, (x) =>
      createInstance(x, { bpmnProcessId: 'p', version: -1, definitionKey: -1, variables: new Map() }),
    );
    expect(result.processInstanceKey).toBe(2 ** 51 + 3);
  });
});

describe('the due queue', () => {
  it('pops entries in due order and only those that are due', () => {
    const queue = new DueQueue();
    for (const at of [50, 10, 40, 20, 30]) queue.push({ at, kind: 'timer', key: at });
    expect(queue.popDue(25).map((entry) => entry.at)).toEqual([10, 20]);
    expect(queue.peekAt()).toBe(30);
    expect(queue.popDue(100).map((entry) => entry.at)).toEqual([30, 40, 50]);
  });
});
