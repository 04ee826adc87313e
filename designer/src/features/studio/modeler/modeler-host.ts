import type { ElementTemplate } from '../studio.types.ts';
import { LINT_DONE_EVENT, type LintReport } from './live-lint/live-lint.ts';

export interface ModelerHostOptions {
  canvas: HTMLElement;
  propertiesPanel: HTMLElement;
  templates: readonly ElementTemplate[];
  locale: string;
  /** The diagram's XML a moment after each edit. */
  onChange: (xml: string) => void;
  onLint: (reports: LintReport[]) => void;
}

/** What the Vue component needs from the modeler, so that it never touches bpmn-js itself. */
export interface ModelerHost {
  open(xml: string): Promise<void>;
  flush(): Promise<string>;
  lastXml(): string;
  /** Edits not yet handed to `onChange` (the change delay has not passed). */
  hasPendingChanges(): boolean;
  select(elementId: string): boolean;
  destroy(): void;
}

interface Canvas {
  scrollToElement(element: unknown): void;
}
interface Selection {
  select(element: unknown): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}

const CHANGE_DELAY_MS = 250;

/** Loads the modeler's chunk and wires its events to plain callbacks. */
export async function createModelerHost(options: ModelerHostOptions): Promise<ModelerHost> {
  const { createModeler } = await import('./create-modeler.ts');
  const modeler = createModeler(options);
  let xml = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let importing = false;
  // Exported XML differs in form from the XML that was opened; only edits make it a change.
  let edited = false;
  let pending = false;

  async function exportXml(): Promise<string> {
    const result = await modeler.saveXML({ format: true });
    xml = result.xml ?? xml;
    return xml;
  }

  modeler.on('commandStack.changed', () => {
    if (importing) return;
    edited = true;
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void exportXml().then((current) => {
        pending = false;
        options.onChange(current);
      });
    }, CHANGE_DELAY_MS);
  });
  modeler.on(LINT_DONE_EVENT, (event: { reports: LintReport[] }) => options.onLint(event.reports));

  return {
    async open(next) {
      clearTimeout(timer);
      importing = true;
      edited = false;
      pending = false;
      xml = next;
      try {
        await modeler.importXML(next);
        // The editor's grid settles its columns after the first frame; fit to the final size.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const canvas = modeler.get<{ resized(): void; zoom(level: string, center: string): void }>('canvas');
        canvas.resized();
        canvas.zoom('fit-viewport', 'auto');
      } finally {
        importing = false;
      }
    },
    async flush() {
      clearTimeout(timer);
      if (!edited) return xml;
      const current = await exportXml();
      pending = false;
      options.onChange(current);
      return current;
    },
    lastXml: () => xml,
    hasPendingChanges: () => pending,
    select(elementId) {
      const element = modeler.get<ElementRegistry>('elementRegistry').get(elementId);
      if (!element) return false;
      modeler.get<Canvas>('canvas').scrollToElement(element);
      modeler.get<Selection>('selection').select(element);
      return true;
    },
    destroy() {
      clearTimeout(timer);
      modeler.destroy();
    },
  };
}
