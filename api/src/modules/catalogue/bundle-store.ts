import type { EntityManager } from '@mikro-orm/postgresql';
import type { BundleContent } from './bundle-content.ts';
import { BundleVersionSchema, type BundleVersion, type VersionSource } from './bundle-version.entity.ts';
import type { PublishedVersion } from './catalogue.ts';

/** The channel a publication is announced on, so that every api replica reloads its catalogue. */
export const CATALOGUE_CHANNEL = 'onething_catalogue';

/**
 * Serialises every write of one bundle's versions (the seed at start on each
 * replica, Studio publishes) until the transaction ends; the draft row may
 * not exist yet, so a row lock would not do.
 */
export async function lockBundle(tx: EntityManager, key: string): Promise<void> {
  await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`onething.bundle:${key}`]);
}

/** The current (highest) published version of every bundle. */
export async function currentVersions(em: EntityManager): Promise<PublishedVersion[]> {
  const heads = await em.execute<{ bundle_key: string; number: number }[]>(
    'select bundle_key, max(number) as number from app.bundle_version group by bundle_key',
  );
  if (heads.length === 0) return [];
  const rows = await em.find(
    BundleVersionSchema,
    { $or: heads.map((head) => ({ bundleKey: head.bundle_key, number: Number(head.number) })) },
    { disableIdentityMap: true },
  );
  return rows.map(toPublished);
}

/** One published version of a bundle, or null when there is no such number. */
export async function publishedVersion(
  em: EntityManager,
  key: string,
  number: number,
): Promise<PublishedVersion | null> {
  const row = await em.findOne(BundleVersionSchema, { bundleKey: key, number }, { disableIdentityMap: true });
  return row === null ? null : toPublished(row);
}

export async function latestVersion(em: EntityManager, key: string): Promise<BundleVersion | null> {
  return em.findOne(BundleVersionSchema, { bundleKey: key }, { orderBy: { number: 'desc' } });
}

export interface NewVersion {
  key: string;
  content: BundleContent;
  deployment: { bpmnProcessId: string; processDefinitionKey: string; engineVersion: number };
  source: VersionSource;
  by: string;
  at: Date;
}

/** Writes the next version number of a bundle and announces it; call inside lockBundle's transaction. */
export async function insertVersion(tx: EntityManager, input: NewVersion): Promise<BundleVersion> {
  const [row] = await tx.execute<{ next: number }[]>(
    'select coalesce(max(number), 0) + 1 as next from app.bundle_version where bundle_key = ?',
    [input.key],
  );
  const version: BundleVersion = {
    bundleKey: input.key,
    number: Number(row?.next ?? 1),
    bpmn: input.content.bpmn,
    forms: input.content.forms,
    manifest: input.content.manifest,
    bpmnProcessId: input.deployment.bpmnProcessId,
    processDefinitionKey: input.deployment.processDefinitionKey,
    engineVersion: input.deployment.engineVersion,
    source: input.source,
    publishedBy: input.by,
    publishedAt: input.at,
  };
  await tx.insert(BundleVersionSchema, version);
  await notifyPublished(tx, input.key);
  return version;
}

/** NOTIFY is delivered at commit, and not at all when the transaction rolls back. */
export async function notifyPublished(tx: EntityManager, key: string): Promise<void> {
  await tx.execute('select pg_notify(?, ?)', [CATALOGUE_CHANNEL, key]);
}

function toPublished(row: BundleVersion): PublishedVersion {
  return {
    key: row.bundleKey,
    number: row.number,
    content: { bpmn: row.bpmn, forms: row.forms, manifest: row.manifest },
    bpmnProcessId: row.bpmnProcessId,
    processDefinitionKey: row.processDefinitionKey,
    engineVersion: row.engineVersion,
    publishedAt: row.publishedAt,
  };
}
