import { isRecord } from '../../../app/json-guards.ts';
import type { FormSchemaJson } from '../catalogue/catalogue.api.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import {
  childComponents,
  englishLabel,
  fieldKey,
  valuePaths,
  type FormComponent,
} from './form-components.ts';

export type StepKind = 'applicant' | 'section' | 'materials' | 'review';

/** One page of the application wizard. */
export interface WizardStep {
  id: string;
  kind: StepKind;
  /** For section steps, the section's own label; other kinds are named by the portal's texts. */
  title: LocalizedText | null;
  /** The part of the combined form this step shows (form steps only). */
  schema: FormSchemaJson | null;
  /** Value paths the step asks for, to place errors and to review. */
  paths: string[];
}

export const APPLICANT_STEP = 'applicant';
export const MATERIALS_STEP = 'materials';
export const REVIEW_STEP = 'review';

const isApplicantField = (component: FormComponent) => fieldKey(component)?.startsWith('applicant.') ?? false;

/** The applicant's own fields, wherever the combined form put them. */
function applicantFields(components: readonly FormComponent[]): FormComponent[] {
  return components.flatMap((component) =>
    isApplicantField(component) ? [component] : applicantFields(childComponents(component)),
  );
}

function withoutApplicantFields(component: FormComponent): FormComponent {
  const children = childComponents(component);
  if (children.length === 0) return component;
  return {
    ...component,
    components: children.filter((child) => !isApplicantField(child)).map(withoutApplicantFields),
  };
}

function subSchema(form: FormSchemaJson, suffix: string, components: FormComponent[]): FormSchemaJson {
  return { ...form, id: `${String(form.id ?? 'Form')}_${suffix}`, components };
}

function sectionTitle(component: FormComponent): LocalizedText | null {
  if (typeof component.label !== 'string' || component.label === '') return null;
  return { 'zh-CN': component.label, en: englishLabel(component) ?? component.label };
}

/**
 * The wizard of a combined form: the applicant first, then one step per section of the form
 * that still asks something, then materials (when the bundle lists any), then the review.
 * Loose top-level fields (a form without sections) make one step of their own.
 */
export function buildSteps(form: FormSchemaJson, hasMaterials: boolean): WizardStep[] {
  const components = form.components.filter(isRecord);
  const steps: WizardStep[] = [];
  const applicant = applicantFields(components);
  if (applicant.length > 0) {
    steps.push({
      id: APPLICANT_STEP,
      kind: 'applicant',
      title: null,
      schema: subSchema(form, APPLICANT_STEP, applicant),
      paths: valuePaths(applicant),
    });
  }
  const loose: FormComponent[] = [];
  for (const component of components) {
    if (isApplicantField(component)) continue;
    if (component.type !== 'group') {
      loose.push(component);
      continue;
    }
    const section = withoutApplicantFields(component);
    const paths = valuePaths([section]);
    if (paths.length === 0) continue;
    const id = `section-${String(section.id ?? steps.length)}`;
    steps.push({
      id,
      kind: 'section',
      title: sectionTitle(section),
      schema: subSchema(form, id, [section]),
      paths,
    });
  }
  const loosePaths = valuePaths(loose);
  if (loosePaths.length > 0) {
    steps.push({
      id: 'section-other',
      kind: 'section',
      title: null,
      schema: subSchema(form, 'other', loose),
      paths: loosePaths,
    });
  }
  if (hasMaterials)
    steps.push({ id: MATERIALS_STEP, kind: 'materials', title: null, schema: null, paths: [] });
  steps.push({ id: REVIEW_STEP, kind: 'review', title: null, schema: null, paths: [] });
  return steps;
}

/** The step that asks for a value path (`mother.idNumber`, `children[0].name`). */
export function stepOfPath(steps: readonly WizardStep[], path: string): WizardStep | undefined {
  const root = path.replace(/\[\d+\].*$/, '');
  return steps.find((step) =>
    step.paths.some((candidate) => candidate === root || root.startsWith(`${candidate}.`)),
  );
}

export function stepIndex(steps: readonly WizardStep[], id: string | null): number {
  const index = steps.findIndex((step) => step.id === id);
  return index < 0 ? 0 : index;
}

export function nextStepId(steps: readonly WizardStep[], id: string): string {
  const index = stepIndex(steps, id);
  return steps[Math.min(index + 1, steps.length - 1)]?.id ?? id;
}

export function previousStepId(steps: readonly WizardStep[], id: string): string {
  const index = stepIndex(steps, id);
  return steps[Math.max(index - 1, 0)]?.id ?? id;
}
