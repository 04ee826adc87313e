/**
 * User tasks name their form with `zeebe:formDefinition formKey`. OneThing's
 * form keys point at a form file of a bundle folder:
 * `onething:form:<bundle>/<name>` → `<bundle>/forms/<name>.form`.
 */
const FORM_KEY = /^onething:form:([a-z][a-z0-9-]*)\/([a-z][a-z0-9-]*)$/;

export function formKey(bundleKey: string, formName: string): string {
  return `onething:form:${bundleKey}/${formName}`;
}

export function parseFormKey(key: string): { bundleKey: string; formName: string } | undefined {
  const match = FORM_KEY.exec(key);
  if (!match || match[1] === undefined || match[2] === undefined) return undefined;
  return { bundleKey: match[1], formName: match[2] };
}

/** The staff forms every bundle has, besides one citizen form per service. */
export const STAFF_FORMS = {
  /** 综窗受理: accept, return for correction or reject. */
  windowAccept: 'window-accept',
  /** 统一出件: the window hands every result to the citizen. */
  deliverResults: 'deliver-results',
  /** 督办: a department part ran past its time limit (group `supervisor`). */
  overdue: 'overdue',
  /** 处理驳回: a registry rejected a request; retry or end the service. */
  registryRejection: 'registry-rejection',
} as const;

/** The department review form of a `review` service: `review-<service in kebab-case>`. */
export function reviewFormName(serviceKey: string): string {
  return `review-${serviceKey.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** Message the api publishes (correlation key: the application id) when the citizen supplements. */
export const SUPPLEMENT_MESSAGE = 'application-supplemented';
