import type { EntityManager } from '@mikro-orm/postgresql';
import type { FormSchema } from '@onething/forms';
import { parseFormKey } from '@onething/processes';
import { ApplicationSchema } from '../applications/application.entity.ts';
import type { CatalogueBundle } from '../catalogue/catalogue.ts';
import type { ReloadableCatalogue } from '../catalogue/live-catalogue.ts';
import { RATING_FOLLOW_UP_FORM, RATING_FOLLOW_UP_FORM_KEY } from './follow-up-form.ts';

/** A task's form and where it comes from. */
export interface TaskForm {
  /** The form's name in its bundle (`window-accept`, `review-birth-certificate`), or the platform form's. */
  name: string;
  form: FormSchema;
  /** The bundle version the form was read from; null for the platform's own forms. */
  bundle: CatalogueBundle | null;
  /** The task's application (its services choose the combined form); null when the task names none. */
  application: { id: string; services: readonly string[] } | null;
}

export interface TaskFormContext {
  em: EntityManager;
  catalogue: ReloadableCatalogue;
}

/**
 * The task's form from its form key (`onething:form:<bundle>/<name>`), read
 * from the bundle version the task's application was submitted under, so
 * that a publication does not change the forms of running applications. A
 * task without an application (the bridge found none in the job) reads the
 * current version. The follow-up of a rating has the platform's own form.
 */
export async function taskForm(
  task: { formKey?: string | null; applicationId?: string | null },
  context: TaskFormContext,
): Promise<TaskForm | undefined> {
  const formKey = task.formKey ?? null;
  if (formKey === RATING_FOLLOW_UP_FORM_KEY)
    return { name: 'rating-follow-up', form: RATING_FOLLOW_UP_FORM, bundle: null, application: null };
  const parsed = formKey === null ? undefined : parseFormKey(formKey);
  if (parsed === undefined) return undefined;
  const application =
    task.applicationId === null || task.applicationId === undefined
      ? null
      : await context.em.findOne(
          ApplicationSchema,
          { id: task.applicationId },
          { fields: ['bundleKey', 'bundleVersion', 'services'] },
        );
  const bundle =
    application !== null && application.bundleKey === parsed.bundleKey
      ? await context.catalogue.ofApplication(application)
      : context.catalogue.get(parsed.bundleKey);
  const form = bundle?.forms.get(parsed.formName);
  if (bundle === undefined || form === undefined) return undefined;
  return {
    name: parsed.formName,
    form,
    bundle,
    application: application === null ? null : { id: application.id, services: application.services },
  };
}
