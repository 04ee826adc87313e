import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../errors.ts';
import type { Principal } from '../auth/access.ts';
import type { BundleContent } from '../catalogue/bundle-content.ts';
import {
  BundleDraftSchema,
  BundleVersionSchema,
  type BundleDraft,
} from '../catalogue/bundle-version.entity.ts';
import { latestVersion } from '../catalogue/bundle-store.ts';
import type { StudioBundleDraft, StudioBundleSummary } from './studio.schemas.ts';

interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/** Every bundle with its draft and published state, in key order. */
export async function listStudioBundles(em: EntityManager): Promise<StudioBundleSummary[]> {
  const drafts = await em.find(BundleDraftSchema, {}, { orderBy: { key: 'asc' } });
  const heads = await em.execute<{ bundle_key: string; number: number; published_at: Date }[]>(
    `select distinct on (bundle_key) bundle_key, number, published_at
       from app.bundle_version order by bundle_key, number desc`,
  );
  const published = new Map(heads.map((head) => [head.bundle_key, head]));
  const publishedDrafts =
    heads.length === 0
      ? []
      : await em.find(BundleVersionSchema, {
          $or: heads.map((h) => ({ bundleKey: h.bundle_key, number: Number(h.number) })),
        });
  return drafts.map((draft) => {
    const head = published.get(draft.key);
    const current = publishedDrafts.find((v) => v.bundleKey === draft.key);
    return {
      key: draft.key,
      title: titleOf(draft.manifest, draft.key),
      publishedVersion: head === undefined ? null : Number(head.number),
      publishedAt: head === undefined ? null : new Date(head.published_at).toISOString(),
      draftVersion: draft.version,
      draftUpdatedAt: draft.updatedAt.toISOString(),
      draftUpdatedBy: draft.updatedBy,
      hasUnpublishedChanges: current === undefined || !sameContent(draft, current),
      shippedUpdate: draft.shippedHash !== draft.seededHash,
    };
  });
}

export async function getStudioBundle(em: EntityManager, key: string): Promise<StudioBundleDraft> {
  const draft = await em.findOne(BundleDraftSchema, { key });
  if (draft === null) throw new AppError('BUNDLE_NOT_FOUND');
  return studioDraft(em, draft);
}

/**
 * Saves a draft if `version` is the one stored (optimistic concurrency):
 * the draft gets `version + 1`. Another designer's save in between is a
 * DRAFT_CONFLICT naming who saved and when, and nothing changes.
 */
export async function saveDraft(
  em: EntityManager,
  key: string,
  input: BundleContent & { version: number },
  principal: Principal,
  now: Date,
): Promise<StudioBundleDraft> {
  const updated = await em.nativeUpdate(
    BundleDraftSchema,
    { key, version: input.version },
    {
      version: input.version + 1,
      bpmn: input.bpmn,
      forms: input.forms,
      manifest: input.manifest,
      updatedBy: principal.username,
      updatedAt: now,
    },
  );
  const draft = await em.fork().findOne(BundleDraftSchema, { key });
  if (draft === null) throw new AppError('BUNDLE_NOT_FOUND');
  if (updated === 0) throw draftConflict(draft);
  return studioDraft(em, draft);
}

export function draftConflict(draft: BundleDraft): AppError {
  return new AppError('DRAFT_CONFLICT', {
    message: `The draft is at version ${draft.version}, saved by ${draft.updatedBy} at ${draft.updatedAt.toISOString()}.`,
    details: { version: draft.version, updatedBy: draft.updatedBy, updatedAt: draft.updatedAt.toISOString() },
  });
}

async function studioDraft(em: EntityManager, draft: BundleDraft): Promise<StudioBundleDraft> {
  const published = await latestVersion(em, draft.key);
  return {
    key: draft.key,
    version: draft.version,
    bpmn: draft.bpmn,
    forms: objectsOf(draft.forms),
    bundle: draft.manifest,
    updatedAt: draft.updatedAt.toISOString(),
    updatedBy: draft.updatedBy,
    published:
      published === null
        ? null
        : {
            version: published.number,
            at: published.publishedAt.toISOString(),
            by: published.publishedBy,
            processDefinitionKey: published.processDefinitionKey,
          },
  };
}

function sameContent(a: BundleContent, b: BundleContent): boolean {
  return (
    a.bpmn === b.bpmn &&
    JSON.stringify(a.manifest) === JSON.stringify(b.manifest) &&
    JSON.stringify(a.forms) === JSON.stringify(b.forms)
  );
}

function objectsOf(forms: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const result: Record<string, Record<string, unknown>> = {};
  for (const [path, schema] of Object.entries(forms)) {
    if (typeof schema === 'object' && schema !== null && !Array.isArray(schema)) result[path] = { ...schema };
  }
  return result;
}

function titleOf(manifest: Record<string, unknown>, key: string): LocalizedText {
  const title = manifest['title'];
  if (typeof title === 'object' && title !== null && 'zh-CN' in title && 'en' in title) {
    const zh = title['zh-CN'];
    const en = title.en;
    if (typeof zh === 'string' && typeof en === 'string') return { 'zh-CN': zh, en };
  }
  return { 'zh-CN': key, en: key };
}
