import { loadBundle } from '../src/load-bundles.ts';
import { flowElements, parseBpmn, type Element } from './bpmn-model.ts';

/** The flow elements of a bundle's process, for bundle-specific assertions. */
export async function processElements(key: string): Promise<Element[]> {
  const { definitions } = await parseBpmn(loadBundle(key).bpmnXml);
  return definitions
    .elements('rootElements')
    .flatMap((e) => (e.type === 'bpmn:Process' ? flowElements(e) : []));
}

/** Ids of the elements a flow node's incoming flows come from. */
export function predecessors(elements: Element[], id: string): string[] {
  const node = elements.find((e) => e.id === id);
  return (node?.elements('incoming') ?? []).map((flow) => flow.element('sourceRef')?.id ?? '');
}

/** Ids of the elements a flow node's outgoing flows lead to. */
export function successors(elements: Element[], id: string): string[] {
  const node = elements.find((e) => e.id === id);
  return (node?.elements('outgoing') ?? []).map((flow) => flow.element('targetRef')?.id ?? '');
}

/** `target="x"` input mappings of a task as {target: source}. */
export function inputs(elements: Element[], id: string): Record<string, string> {
  const node = elements.find((e) => e.id === id);
  const mapping = node
    ?.element('extensionElements')
    ?.elements('values')
    .find((v) => v.type === 'zeebe:IoMapping');
  return Object.fromEntries(
    (mapping?.elements('inputParameters') ?? []).map((p) => [
      String(p.get('target')),
      String(p.get('source')),
    ]),
  );
}
