import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

/** A BPMN element as the tests read it: its type, id, attributes and children by property. */
export interface Element {
  type: string;
  id: string;
  get(property: string): unknown;
  elements(property: string): Element[];
  element(property: string): Element | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function wrap(value: unknown): Element | undefined {
  if (!isRecord(value) || typeof value.$type !== 'string') return undefined;
  const raw = value;
  return {
    type: value.$type,
    id: typeof value.id === 'string' ? value.id : '',
    get: (property) => raw[property],
    elements: (property) => {
      const list = raw[property];
      return Array.isArray(list) ? list.flatMap((item) => wrap(item) ?? []) : [];
    },
    element: (property) => wrap(raw[property]),
  };
}

export interface ParsedBpmn {
  definitions: Element;
  warnings: string[];
}

export async function parseBpmn(xml: string): Promise<ParsedBpmn> {
  const moddle = new BpmnModdle({ zeebe });
  const { rootElement, warnings } = await moddle.fromXML(xml);
  const definitions = wrap(rootElement);
  if (!definitions) throw new Error('no definitions');
  return { definitions, warnings: warnings.map((w) => w.message) };
}

/** Every flow element of a container and its sub-processes, depth first. */
export function flowElements(container: Element): Element[] {
  return container.elements('flowElements').flatMap((element) => [element, ...flowElements(element)]);
}

/** The zeebe extension element of a type (`zeebe:TaskDefinition`), if present. */
export function extension(element: Element, type: string): Element | undefined {
  return element
    .element('extensionElements')
    ?.elements('values')
    .find((value) => value.type === type);
}

export function text(element: Element | undefined, property: string): string | undefined {
  const value = element?.get(property);
  return typeof value === 'string' ? value : undefined;
}
