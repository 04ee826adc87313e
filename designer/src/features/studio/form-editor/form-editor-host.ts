import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js/dist/assets/properties-panel.css';
import { FormEditor } from '@bpmn-io/form-js';

export interface FormEditorHostOptions {
  container: HTMLElement;
  /** The schema a moment after each edit. */
  onChange: (schema: Record<string, unknown>) => void;
}

/** What the Vue component needs from the form-js editor, so that it never touches form-js itself. */
export interface FormEditorHost {
  open(schema: Record<string, unknown>): Promise<void>;
  /** The current schema, exported now; `undefined` when nothing was edited since `open`. */
  flush(): Record<string, unknown> | undefined;
  /** Edits not yet handed to `onChange` (the change delay has not passed). */
  hasPendingChanges(): boolean;
  /** Appends a field at the end of the form; false when the form already asks the key. */
  addField(component: Record<string, unknown>): boolean;
  /** Selects the field with this key; false when the form has none. */
  selectKey(key: string): boolean;
  destroy(): void;
}

interface FormField {
  key?: unknown;
  components?: unknown[];
}

const CHANGE_DELAY_MS = 250;

export function createFormEditorHost(options: FormEditorHostOptions): FormEditorHost {
  const editor = new FormEditor({ container: options.container });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let importing = false;
  let edited = false;
  let pending = false;

  const fields = () => editor.get<{ getAll(): FormField[] }>('formFieldRegistry').getAll();
  const exportSchema = (): Record<string, unknown> => ({ ...editor.saveSchema() });

  editor.on('changed', () => {
    if (importing) return;
    edited = true;
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      pending = false;
      options.onChange(exportSchema());
    }, CHANGE_DELAY_MS);
  });

  return {
    async open(schema) {
      clearTimeout(timer);
      importing = true;
      try {
        // form-js changes the schema it is given; the store's copy stays as it was.
        await editor.importSchema(structuredClone(schema));
      } finally {
        importing = false;
        edited = false;
      }
    },
    flush() {
      clearTimeout(timer);
      if (!edited) return undefined;
      pending = false;
      const schema = exportSchema();
      options.onChange(schema);
      return schema;
    },
    hasPendingChanges: () => pending,
    addField(component) {
      if (fields().some((field) => field.key === component.key)) return false;
      const root = editor._getState().schema;
      const { id: _id, ...attrs } = component;
      const modeling = editor.get<{ addFormField(attrs: object, target: object, index: number): unknown }>(
        'modeling',
      );
      modeling.addFormField(attrs, root, Array.isArray(root.components) ? root.components.length : 0);
      return true;
    },
    selectKey(key) {
      const field = fields().find((candidate) => candidate.key === key);
      if (!field) return false;
      editor.get<{ set(field: unknown): void }>('selection').set(field);
      return true;
    },
    destroy() {
      clearTimeout(timer);
      editor.destroy();
    },
  };
}
