import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';
import { Engine } from 'bpmn-engine';
import { measureLevel, runClosedLoop, type LevelResult } from './closed-loop.ts';
import { heapPerInstanceKb } from './heap.ts';

const FIXTURE = new URL('./fixtures/bundle-shape.bpmn-engine.bpmn', import.meta.url);

/**
 * The reference: the same process shape on `bpmn-engine`, in memory, no
 * durability. The XML is parsed once and every instance gets the parsed
 * moddle context (its cheapest documented start), one `Engine` per instance.
 * The accept user task is signalled and every service task calls back on the
 * next turn of the event loop, like a worker that answers at once.
 */
export interface ReferenceRig {
  runLevel(options: { inFlight: number; total: number; maxMs: number }): Promise<LevelResult>;
  measureParked(count: number): Promise<number>;
}

export async function startReferenceRig(): Promise<ReferenceRig> {
  const moddleContext = await new BpmnModdle().fromXML(await readFile(FIXTURE, 'utf8'));
  const services = {
    work: (_context: unknown, callback: (error: Error | null, result?: unknown) => void) =>
      setImmediate(() => callback(null, { status: 'ok' })),
  };

  const runOne = () =>
    new Promise<void>((resolve, reject) => {
      const listener = new EventEmitter();
      listener.on('wait', (api: { signal: (message?: unknown) => void }) =>
        setImmediate(() => api.signal({ decision: 'accepted' })),
      );
      const engine = new Engine({ name: 'bundle-shape', moddleContext, services });
      engine.once('end', () => resolve());
      engine.once('error', (error: unknown) =>
        reject(error instanceof Error ? error : new Error(String(error))),
      );
      engine.execute({ listener }).catch(reject);
    });

  return {
    runLevel: (options) => measureLevel(options.inFlight, () => runClosedLoop({ ...options, runOne })),
    measureParked: (count) => {
      const parked: Engine[] = [];
      return heapPerInstanceKb(count, async () => {
        // Keep the engines reachable, as an application holding waiting instances must.
        const started = await Promise.all(
          Array.from({ length: count }, async () => {
            const engine = new Engine({ name: 'bundle-shape', moddleContext, services });
            await engine.execute({ listener: new EventEmitter() });
            return engine;
          }),
        );
        parked.push(...started);
      }).finally(() => {
        for (const engine of parked) void engine.stop();
      });
    },
  };
}
