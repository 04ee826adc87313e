import type { Form } from '@bpmn-io/form-js-viewer';
import { localizedValidationModule } from './localized-validation.module.ts';
import { validationMessageTranslator } from './validation-messages.ts';

export type FormViewer = Form;

/**
 * Creates a form-js viewer in `container`. form-js and its styles are loaded on first use,
 * so the Portal's first load does not carry them (`pnpm size` checks).
 */
export async function createFormViewer(container: HTMLElement, locale: () => string): Promise<FormViewer> {
  const [{ Form: FormClass }] = await Promise.all([
    import('@bpmn-io/form-js-viewer'),
    import('@bpmn-io/form-js-viewer/dist/assets/form-js.css'),
  ]);
  return new FormClass({
    container,
    additionalModules: [localizedValidationModule(validationMessageTranslator(locale))],
  });
}
