/**
 * A tiny BPMN writer for the bundle generator: flow nodes with their bounds,
 * sequence flows with their waypoints, nested in the process or in expanded
 * sub-processes, serialised as BPMN 2.0 XML with Zeebe extensions and a full
 * BPMNDI plane (so bpmn-js shows the layout we chose, not an automatic one).
 */

export type NodeKind =
  | 'startEvent'
  | 'endEvent'
  | 'userTask'
  | 'serviceTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'eventBasedGateway'
  | 'intermediateCatchEvent'
  | 'boundaryEvent'
  | 'subProcess';

export const SIZE = {
  task: { w: 100, h: 80 },
  gateway: { w: 50, h: 50 },
  event: { w: 36, h: 36 },
} as const;

export interface Bounds {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FlowNode extends Bounds {
  id: string;
  kind: NodeKind;
  name?: string;
  /** Raw XML placed inside the element, after extensionElements (event definitions). */
  body?: string;
  /** Raw XML of the zeebe extension elements. */
  extensions?: string;
  attrs?: Record<string, string>;
  children?: Container;
  /** Where the external label goes, when the default (below the node) would cross a flow. */
  label?: Bounds;
  incoming: string[];
  outgoing: string[];
}

export interface SequenceFlow {
  id: string;
  name?: string;
  source: FlowNode;
  target: FlowNode;
  condition?: string;
  waypoints: [number, number][];
}

export interface Container {
  nodes: FlowNode[];
  flows: SequenceFlow[];
}

export type Port = 'left' | 'right' | 'top' | 'bottom';

export function port(node: Bounds, side: Port): [number, number] {
  const cx = node.x + node.w / 2;
  const cy = node.y + node.h / 2;
  switch (side) {
    case 'left':
      return [node.x, cy];
    case 'right':
      return [node.x + node.w, cy];
    case 'top':
      return [cx, node.y];
    case 'bottom':
      return [cx, node.y + node.h];
  }
}

export type LabelSide = 'above' | 'right' | 'left' | 'belowRight';

/** Places the external label of an event or gateway beside it. */
export function placeLabel(node: FlowNode, side: LabelSide): void {
  const width = 90;
  const height = 14;
  const cx = centerX(node);
  const cy = centerY(node);
  const at: Record<LabelSide, [number, number]> = {
    above: [cx - width / 2, node.y - height - 8],
    right: [node.x + node.w + 4, cy + 2],
    left: [node.x - width - 4, cy - height / 2],
    belowRight: [node.x + node.w - 10, node.y + node.h - 6],
  };
  const [x, y] = at[side];
  node.label = { x, y, w: width, h: height };
}

export function centerY(node: Bounds): number {
  return node.y + node.h / 2;
}

export function centerX(node: Bounds): number {
  return node.x + node.w / 2;
}

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

export function createContainer(): Container {
  return { nodes: [], flows: [] };
}

export interface NodeInit {
  id: string;
  kind: NodeKind;
  name?: string;
  /** Centre of the node. */
  at: [number, number];
  size?: { w: number; h: number };
  body?: string;
  extensions?: string;
  attrs?: Record<string, string>;
}

function defaultSize(kind: NodeKind): { w: number; h: number } {
  if (kind === 'exclusiveGateway' || kind === 'parallelGateway' || kind === 'eventBasedGateway')
    return SIZE.gateway;
  if (kind === 'userTask' || kind === 'serviceTask' || kind === 'subProcess') return SIZE.task;
  return SIZE.event;
}

export function addNode(container: Container, init: NodeInit): FlowNode {
  const size = init.size ?? defaultSize(init.kind);
  const node: FlowNode = {
    id: init.id,
    kind: init.kind,
    x: init.at[0] - size.w / 2,
    y: init.at[1] - size.h / 2,
    w: size.w,
    h: size.h,
    incoming: [],
    outgoing: [],
    ...(init.name === undefined ? {} : { name: init.name }),
    ...(init.body === undefined ? {} : { body: init.body }),
    ...(init.extensions === undefined ? {} : { extensions: init.extensions }),
    ...(init.attrs === undefined ? {} : { attrs: init.attrs }),
    ...(init.kind === 'subProcess' ? { children: createContainer() } : {}),
  };
  container.nodes.push(node);
  return node;
}

export interface FlowInit {
  id: string;
  name?: string;
  condition?: string;
  from?: Port;
  to?: Port;
  /** Bend points between the two ports. */
  via?: [number, number][];
  /** Exact start or end point on the node's border, instead of the middle of a side. */
  start?: [number, number];
  end?: [number, number];
}

/** Connects two nodes; without `via`, bends once or twice at right angles. */
export function connect(
  container: Container,
  source: FlowNode,
  target: FlowNode,
  init: FlowInit,
): SequenceFlow {
  const start = init.start ?? port(source, init.from ?? 'right');
  const end = init.end ?? port(target, init.to ?? 'left');
  const bends = init.via ?? elbows(start, end, init.from ?? 'right', init.to ?? 'left');
  const waypoints: [number, number][] = [start, ...bends, end];
  const flow: SequenceFlow = {
    id: init.id,
    source,
    target,
    waypoints,
    ...(init.name === undefined ? {} : { name: init.name }),
    ...(init.condition === undefined ? {} : { condition: init.condition }),
  };
  source.outgoing.push(flow.id);
  target.incoming.push(flow.id);
  container.flows.push(flow);
  return flow;
}

function elbows(start: [number, number], end: [number, number], from: Port, to: Port): [number, number][] {
  if (start[0] === end[0] || start[1] === end[1]) return [];
  const fromVertical = from === 'top' || from === 'bottom';
  const toVertical = to === 'top' || to === 'bottom';
  if (fromVertical && toVertical) {
    const midY = (start[1] + end[1]) / 2;
    return [
      [start[0], midY],
      [end[0], midY],
    ];
  }
  if (fromVertical) return [[start[0], end[1]]];
  if (toVertical) return [[end[0], start[1]]];
  const midX = (start[0] + end[0]) / 2;
  return [
    [midX, start[1]],
    [midX, end[1]],
  ];
}
