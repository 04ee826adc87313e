import { escapeXml, type Container, type FlowNode, type SequenceFlow } from './diagram.ts';

export interface ProcessDocument {
  definitionsId: string;
  processId: string;
  processName: string;
  /** Documentation of the process, shown in the modeler's properties panel. */
  documentation: string;
  root: Container;
  /** Extra root elements (messages), raw XML. */
  rootElements: string[];
}

const NAMESPACES = [
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
  'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"',
  'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"',
  'xmlns:di="http://www.omg.org/spec/DD/20100524/DI"',
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"',
  'xmlns:modeler="http://camunda.org/schema/modeler/1.0"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
];

function indent(text: string, depth: number): string {
  const pad = '  '.repeat(depth);
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? pad + line : line))
    .join('\n');
}

function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
}

function nodeXml(node: FlowNode): string {
  const open = `<bpmn:${node.kind}${attributes({ id: node.id, name: node.name, ...node.attrs })}>`;
  const parts: string[] = [];
  if (node.extensions)
    parts.push(`<bpmn:extensionElements>\n${indent(node.extensions, 1)}\n</bpmn:extensionElements>`);
  for (const id of node.incoming) parts.push(`<bpmn:incoming>${id}</bpmn:incoming>`);
  for (const id of node.outgoing) parts.push(`<bpmn:outgoing>${id}</bpmn:outgoing>`);
  if (node.body) parts.push(node.body);
  if (node.children) parts.push(containerXml(node.children));
  if (parts.length === 0) return open.replace(/>$/, ' />');
  return `${open}\n${indent(parts.join('\n'), 1)}\n</bpmn:${node.kind}>`;
}

function flowXml(flow: SequenceFlow): string {
  const open = `<bpmn:sequenceFlow${attributes({
    id: flow.id,
    name: flow.name,
    sourceRef: flow.source.id,
    targetRef: flow.target.id,
  })}`;
  if (flow.condition === undefined) return `${open} />`;
  const condition = `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escapeXml(flow.condition)}</bpmn:conditionExpression>`;
  return `${open}>\n  ${condition}\n</bpmn:sequenceFlow>`;
}

function containerXml(container: Container): string {
  return [...container.nodes.map(nodeXml), ...container.flows.map(flowXml)].join('\n');
}

function shapesXml(container: Container): string[] {
  const out: string[] = [];
  for (const node of container.nodes) {
    const extra =
      node.kind === 'subProcess'
        ? ' isExpanded="true"'
        : node.kind === 'exclusiveGateway'
          ? ' isMarkerVisible="true"'
          : '';
    const label = node.label
      ? `  <bpmndi:BPMNLabel>\n    <dc:Bounds x="${node.label.x}" y="${node.label.y}" width="${node.label.w}" height="${node.label.h}" />\n  </bpmndi:BPMNLabel>\n`
      : '';
    out.push(
      `<bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"${extra}>\n` +
        `  <dc:Bounds x="${node.x}" y="${node.y}" width="${node.w}" height="${node.h}" />\n` +
        label +
        `</bpmndi:BPMNShape>`,
    );
    if (node.children) out.push(...shapesXml(node.children));
  }
  return out;
}

function edgesXml(container: Container): string[] {
  const out: string[] = [];
  for (const flow of container.flows) {
    const points = flow.waypoints.map(([x, y]) => `  <di:waypoint x="${x}" y="${y}" />`).join('\n');
    out.push(`<bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">\n${points}\n</bpmndi:BPMNEdge>`);
  }
  for (const node of container.nodes) if (node.children) out.push(...edgesXml(node.children));
  return out;
}

/** Boundary events must come after their host in the DI so bpmn-js draws them on top. */
function orderForDi(container: Container): Container {
  const hosts = container.nodes.filter((node) => node.kind !== 'boundaryEvent');
  const boundaries = container.nodes.filter((node) => node.kind === 'boundaryEvent');
  return {
    nodes: [...hosts, ...boundaries].map((node) =>
      node.children ? { ...node, children: orderForDi(node.children) } : node,
    ),
    flows: container.flows,
  };
}

export function serializeProcess(doc: ProcessDocument): string {
  const process =
    `<bpmn:process id="${doc.processId}" name="${escapeXml(doc.processName)}" isExecutable="true">\n` +
    indent(
      `<bpmn:documentation>${escapeXml(doc.documentation)}</bpmn:documentation>\n${containerXml(doc.root)}`,
      1,
    ) +
    `\n</bpmn:process>`;
  const diRoot = orderForDi(doc.root);
  const plane =
    `<bpmndi:BPMNDiagram id="BPMNDiagram_1">\n` +
    `  <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${doc.processId}">\n` +
    indent([...shapesXml(diRoot), ...edgesXml(diRoot)].join('\n'), 2) +
    `\n  </bpmndi:BPMNPlane>\n</bpmndi:BPMNDiagram>`;
  const header =
    `<bpmn:definitions ${NAMESPACES.join(' ')} id="${doc.definitionsId}" ` +
    `targetNamespace="http://bpmn.io/schema/bpmn" exporter="OneThing bundle generator" exporterVersion="1.0.0" ` +
    `modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.3.0">`;
  const body = [process, ...doc.rootElements, plane].map((part) => indent(part, 1)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${header}\n${body}\n</bpmn:definitions>\n`;
}
