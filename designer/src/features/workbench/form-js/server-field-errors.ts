/**
 * A form-js viewer module that shows the api's field errors (`fields` of a 400, keyed by the
 * field's value path such as `acceptance.reason`) at the fields themselves, the way the
 * viewer shows its own validation errors (keyed by field id).
 */

interface FormField {
  id: string;
  type: string;
}

interface FormFieldRegistry {
  getAll(): FormField[];
}

interface PathRegistry {
  getValuePath(field: FormField): string[] | undefined;
}

interface FormWithState {
  _setState(state: { errors: Record<string, string[]> }): void;
}

export class ServerFieldErrors {
  static $inject = ['form', 'formFieldRegistry', 'pathRegistry'];

  constructor(
    private readonly form: FormWithState,
    private readonly fields: FormFieldRegistry,
    private readonly paths: PathRegistry,
  ) {}

  /** Marks the fields named in `messages`; returns the paths that matched no field of the form. */
  show(messages: Readonly<Record<string, string>>): string[] {
    const errors: Record<string, string[]> = {};
    const matched = new Set<string>();
    for (const field of this.fields.getAll()) {
      const path = this.paths.getValuePath(field)?.join('.');
      const message = path === undefined ? undefined : messages[path];
      if (path !== undefined && message !== undefined) {
        errors[field.id] = [message];
        matched.add(path);
      }
    }
    this.form._setState({ errors });
    return Object.keys(messages).filter((path) => !matched.has(path));
  }
}

export const serverFieldErrorsModule = {
  serverFieldErrors: ['type', ServerFieldErrors],
};
