import type { ElementState } from '../../element-states.ts';

/* The few diagram-js services this module uses, typed by what it calls. */
interface Overlays {
  add(
    element: string,
    type: string,
    overlay: {
      position: { top?: number; bottom?: number; left?: number; right?: number };
      html: HTMLElement;
    },
  ): string;
  remove(filter: { type: string }): void;
}
interface Viewbox {
  x: number;
  y: number;
  width: number;
  height: number;
  scale: number;
  outer: { width: number; height: number };
}
interface Canvas {
  addMarker(element: string, marker: string): void;
  removeMarker(element: string, marker: string): void;
  viewbox(box?: { x: number; y: number; width: number; height: number }): Viewbox;
}
interface DiagramElement {
  id: string;
  children?: unknown[];
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}
interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
}

export const OVERLAY_TYPE = 'ot-instance-state';
const MARKER_PREFIX = 'ot-element--';

/** Localised tooltip texts for the badges (the module knows no i18n). */
export interface OverlayTexts {
  active(count: number): string;
  incidents(count: number): string;
  completed(count: number): string;
}

/**
 * Shows where one process instance is: a marker class per element status (styled by the
 * host) and count badges — running (blue, bottom left), incidents (red, top right) and
 * completed (green, bottom right). Expanded sub-processes get the marker only: badges on a
 * container would sit on its children.
 */
export class InstanceOverlays {
  static $inject = ['overlays', 'canvas', 'elementRegistry'];

  private readonly marked = new Map<string, string>();

  constructor(
    private readonly overlays: Overlays,
    private readonly canvas: Canvas,
    private readonly elementRegistry: ElementRegistry,
  ) {}

  /** Replaces what is shown with these states; returns the element ids not on the diagram. */
  show(states: Iterable<ElementState>, texts: OverlayTexts): string[] {
    this.clear();
    const missing: string[] = [];
    for (const state of states) {
      const element = this.elementRegistry.get(state.elementId);
      if (!element) {
        missing.push(state.elementId);
        continue;
      }
      const marker = MARKER_PREFIX + state.status;
      this.canvas.addMarker(element.id, marker);
      this.marked.set(element.id, marker);
      if ((element.children?.length ?? 0) > 0) continue;
      if (state.active > 0)
        this.badge(element.id, 'active', state.active, texts.active(state.active), { bottom: 10, left: -8 });
      if (state.incidents > 0)
        this.badge(element.id, 'incident', state.incidents, texts.incidents(state.incidents), {
          top: -10,
          right: 10,
        });
      if (state.completed > 0)
        this.badge(element.id, 'completed', state.completed, texts.completed(state.completed), {
          bottom: 10,
          right: 12,
        });
    }
    return missing;
  }

  /**
   * Centres the view on where the instance needs attention (its first incident, else the
   * first running task) when the whole diagram would be drawn smaller than `minScale`.
   * Returns whether it moved.
   */
  focus(states: Iterable<ElementState>, minScale = 0.75): boolean {
    const current = this.canvas.viewbox();
    if (current.scale >= minScale) return false;
    const list = [...states];
    const leaf = (state: ElementState) => {
      const element = this.elementRegistry.get(state.elementId);
      return element && (element.children?.length ?? 0) === 0 ? element : undefined;
    };
    const target =
      list
        .filter((state) => state.status === 'incident')
        .map(leaf)
        .find(Boolean) ??
      list
        .filter((state) => state.status === 'active')
        .map(leaf)
        .find(Boolean);
    if (!target || target.x === undefined || target.y === undefined) return false;
    const width = current.outer.width / minScale;
    const height = current.outer.height / minScale;
    const centreX = target.x + (target.width ?? 0) / 2;
    const centreY = target.y + (target.height ?? 0) / 2;
    this.canvas.viewbox({ x: centreX - width / 2, y: centreY - height / 2, width, height });
    return true;
  }

  clear(): void {
    this.overlays.remove({ type: OVERLAY_TYPE });
    for (const [id, marker] of this.marked) this.canvas.removeMarker(id, marker);
    this.marked.clear();
  }

  private badge(
    elementId: string,
    kind: 'active' | 'incident' | 'completed',
    count: number,
    title: string,
    position: { top?: number; bottom?: number; left?: number; right?: number },
  ): void {
    const html = document.createElement('span');
    html.className = `ot-badge ot-badge--${kind}`;
    html.textContent = String(count);
    html.title = title;
    html.setAttribute('data-element-id', elementId);
    html.setAttribute('data-badge', kind);
    this.overlays.add(elementId, OVERLAY_TYPE, { position, html });
  }
}
