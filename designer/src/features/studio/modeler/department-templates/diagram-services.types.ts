import type { ElementTemplate } from '../../studio.types.ts';

/** The small part of diagram-js's services the Studio's modules use (the libraries ship no types for them). */
export interface DiagramElement {
  id?: string;
  type?: string;
  businessObject?: unknown;
}

export interface EventLike {
  x?: number;
  y?: number;
}

export interface PopupMenuEntry {
  label: string;
  className: string;
  description?: string | undefined;
  group: { id: string; name: string };
  search: string;
  action: (event: EventLike) => void;
}

export interface ElementTemplatesService {
  applyTemplate(element: DiagramElement, template: ElementTemplate): DiagramElement;
  createElement(template: ElementTemplate): DiagramElement;
}
