import type { EntityManager } from '@mikro-orm/postgresql';
import type { FormSchema } from '@onething/forms';
import type { BundleMaterial } from '@onething/processes';
import { AppError } from '../../errors.ts';
import type { Principal } from '../auth/access.ts';
import type { ReloadableCatalogue } from '../catalogue/live-catalogue.ts';
import { ApplicationSchema } from './application.entity.ts';
import type { BundleVersionRef } from '../catalogue/published-versions.ts';

/** The combined form an application was filed with: what its citizen corrects it in. */
export interface ApplicationForm {
  bundleKey: string;
  /** The published bundle version the application is pinned to. */
  version: number;
  /** The services the citizen chose: the form asks their fields only. */
  services: string[];
  form: FormSchema;
  /** The materials of that version: the kinds its uploads may be, and which are required. */
  materials: BundleMaterial[];
}

/**
 * The combined form of the citizen's own application: the bundle version it
 * was filed under (whatever was published since) and the services it chose,
 * composed exactly as the supplement is validated, so that a correction made
 * in it is one the api accepts. Someone else's application does not exist
 * for the caller.
 */
export async function applicationForm(
  id: string,
  context: { em: EntityManager; catalogue: ReloadableCatalogue; principal: Principal },
): Promise<ApplicationForm> {
  const row = await context.em.findOne(ApplicationSchema, { id });
  if (row === null || row.applicantId !== context.principal.id) throw new AppError('APPLICATION_NOT_FOUND');
  const [{ version, form }, materials] = await Promise.all([
    pinnedForm(context.catalogue, row),
    pinnedMaterials(context.catalogue, row),
  ]);
  return { bundleKey: row.bundleKey, version, services: [...row.services], form, materials };
}

/**
 * The combined form of the bundle version an application was filed under,
 * for the services it chose: the form its supplement is validated against
 * and its citizen is shown.
 */
export async function pinnedForm(
  catalogue: ReloadableCatalogue,
  application: BundleVersionRef & { services: readonly string[] },
): Promise<{ version: number; form: FormSchema }> {
  const bundle = await catalogue.ofApplication(application);
  return { version: bundle.version, form: catalogue.formFor(bundle, application.services) };
}

/**
 * The materials of the bundle version an application was filed under: the
 * kinds an upload to it may be and the ones it requires, whatever was
 * published since. Materials belong to the bundle, not to a service, so the
 * chosen services do not narrow them.
 */
export async function pinnedMaterials(
  catalogue: ReloadableCatalogue,
  application: BundleVersionRef,
): Promise<BundleMaterial[]> {
  const bundle = await catalogue.ofApplication(application);
  return bundle.manifest.materials.map((material) => ({ ...material }));
}
