import '@bpmn-io/form-js/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js';

/** A read-only-by-intent form-js viewer for the combined form preview. */
export interface FormPreviewHost {
  show(schema: object): Promise<void>;
  destroy(): void;
}

export function createFormPreviewHost(container: HTMLElement): FormPreviewHost {
  const form = new Form({ container });
  return {
    async show(schema) {
      await form.importSchema(structuredClone(schema), {});
    },
    destroy: () => form.destroy(),
  };
}
