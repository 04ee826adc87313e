import { dictionaryComponent } from '@onething/forms';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

// Steps of the tests where a bundle is republished while applications run on
// an earlier version: the Studio's edit-and-publish, and the window's task.

export interface DraftComponent {
  key?: string;
  validate?: { required?: boolean };
  components?: DraftComponent[];
  [property: string]: unknown;
}

export interface Draft {
  version: number;
  bpmn: string;
  forms: Record<string, { components: DraftComponent[] }>;
  bundle: Record<string, unknown>;
}

/** Edits the bundle's Studio draft, saves it and publishes it; the published version number. */
export async function publishEdited(
  app: FastifyInstance,
  designer: string,
  bundleKey: string,
  edit: (draft: Draft) => void,
): Promise<number> {
  const url = `/api/studio/bundles/${bundleKey}`;
  const draft: Draft = (await app.inject({ method: 'GET', url, headers: { cookie: designer } })).json();
  edit(draft);
  const saved = await app.inject({
    method: 'PUT',
    url,
    headers: { cookie: designer },
    payload: { version: draft.version, bpmn: draft.bpmn, forms: draft.forms, bundle: draft.bundle },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const published = await app.inject({
    method: 'POST',
    url: `${url}/publish`,
    headers: { cookie: designer },
    payload: { version: saved.json().version },
  });
  expect(published.statusCode, published.body).toBe(201);
  const version: unknown = published.json().version;
  if (typeof version !== 'number') throw new Error(`publish answered no version: ${published.body}`);
  return version;
}

/** The components of one of the draft's forms (top level), to edit in place. */
export function draftForm(draft: Draft, formPath: string): DraftComponent[] {
  const form = draft.forms[formPath];
  if (form === undefined) throw new Error(`the draft has no ${formPath}`);
  return form.components;
}

/** Makes a field of one of the draft's forms required. */
export function makeRequired(draft: Draft, formPath: string, key: string): void {
  const field = draftForm(draft, formPath).find((component) => component.key === key);
  if (field === undefined) throw new Error(`${formPath} has no ${key}`);
  field.validate = { ...field.validate, required: true };
}

/** The field a republication by `removeAndAddField` takes out of the newborn bundle: where to post the card. */
export const REMOVED_FIELD = 'socialSecurityCard.deliveryAddress';
/** The field it adds: the child's birth weight. */
export const ADDED_FIELD = 'child.birthWeight';

/** Edits the newborn draft to drop `REMOVED_FIELD` and ask `ADDED_FIELD`, a dictionary field. */
export function removeAndAddField(draft: Draft): void {
  const card = draftForm(draft, 'forms/social-security-card.form');
  const removed = card.findIndex((component) => component.key === REMOVED_FIELD);
  if (removed === -1) throw new Error(`the card form has no ${REMOVED_FIELD}`);
  card.splice(removed, 1);
  const weight = dictionaryComponent(ADDED_FIELD);
  if (weight === undefined) throw new Error(`${ADDED_FIELD} is not in the dictionary`);
  draftForm(draft, 'forms/birth-certificate.form').push({ ...weight });
}

/**
 * Waits for the open window task of the application (a new one after
 * `previous`, when it was returned and supplemented) and claims it for the clerk.
 */
export async function claimWindowTask(
  app: FastifyInstance,
  clerk: string,
  applicationId: string,
  previous?: string,
): Promise<string> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const list: { id: string; applicationId: string | null; name: string }[] = (
      await app.inject({ method: 'GET', url: '/api/tasks?state=open', headers: { cookie: clerk } })
    ).json();
    const task = list.find((entry) => entry.applicationId === applicationId && entry.id !== previous);
    if (task !== undefined) {
      expect(task.name).toBe('综窗受理');
      const claim = await app.inject({
        method: 'POST',
        url: `/api/tasks/${task.id}/claim`,
        headers: { cookie: clerk },
      });
      expect(claim.statusCode).toBe(204);
      return task.id;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no window task for ${applicationId}`);
}

/** The material kind a republication by `removeAndAddMaterial` takes out of the newborn bundle. */
export const REMOVED_MATERIAL = 'marriage-certificate';
/** The material kind it adds: the birth medical certificate. */
export const ADDED_MATERIAL = 'birth-medical-certificate';

/** Edits the newborn draft's bundle.json to drop the `REMOVED_MATERIAL` kind and ask for `ADDED_MATERIAL`. */
export function removeAndAddMaterial(draft: Draft): void {
  const materials = draft.bundle['materials'];
  if (!Array.isArray(materials)) throw new Error('the draft bundle has no materials');
  const kept = materials.filter(
    (material: unknown) =>
      !(
        typeof material === 'object' &&
        material !== null &&
        'key' in material &&
        material.key === REMOVED_MATERIAL
      ),
  );
  if (kept.length === materials.length) throw new Error(`the draft bundle has no ${REMOVED_MATERIAL}`);
  draft.bundle['materials'] = [
    ...kept,
    {
      key: ADDED_MATERIAL,
      name: { 'zh-CN': '出生医学证明', en: 'Birth medical certificate' },
      description: {
        'zh-CN': '助产机构签发的出生医学证明。',
        en: 'Issued by the hospital where the child was born.',
      },
      required: true,
    },
  ];
}
