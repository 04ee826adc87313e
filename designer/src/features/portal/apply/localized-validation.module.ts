import type { MessageTranslator } from './validation-messages.ts';

interface FieldValidator {
  validateFieldInstance(fieldInstance: unknown, value: unknown): string[];
}

/**
 * A form-js module that shows the viewer's own validation messages in the UI language: it
 * wraps the `validator` service, so live (on blur) and full validation speak the same.
 */
export function localizedValidationModule(translate: MessageTranslator) {
  class LocalizedValidation {
    static $inject = ['validator'];

    constructor(validator: FieldValidator) {
      const original = validator.validateFieldInstance.bind(validator);
      validator.validateFieldInstance = (fieldInstance, value) =>
        original(fieldInstance, value).map((message) => translate(message));
    }
  }
  return {
    __init__: ['localizedValidation'],
    localizedValidation: ['type', LocalizedValidation],
  };
}
