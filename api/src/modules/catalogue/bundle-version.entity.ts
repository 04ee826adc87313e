import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** Who made a version: a designer in the Studio, or the seed from `processes/` at start. */
export const VERSION_SOURCES = ['processes', 'studio'] as const;
export type VersionSource = (typeof VERSION_SOURCES)[number];

/**
 * The content of a bundle as the Studio edits it: the BPMN, every form by its
 * path (`forms/<name>.form`) and `bundle.json`. Stored as `json` (not `jsonb`),
 * so that a designer gets back the text order of what was saved.
 */
export interface BundleContentColumns {
  bpmn: string;
  forms: Record<string, unknown>;
  manifest: Record<string, unknown>;
}

/**
 * A bundle's draft: one row per bundle, edited in the Studio with optimistic
 * concurrency (`version` goes up by one with each save). The `seeded*` and
 * `shipped*` columns are the bookkeeping of the seed from `processes/`
 * (see seed-catalogue.ts).
 */
export const BundleDraftSchema = defineEntity({
  name: 'BundleDraft',
  schema: 'app',
  tableName: 'bundle_draft',
  properties: (p) => ({
    key: p.string().length(64).primary(),
    version: p.integer(),
    bpmn: p.text(),
    forms: p.json<Record<string, unknown>>().columnType('json'),
    manifest: p.json<Record<string, unknown>>().columnType('json'),
    /** Username of who saved it (`system` for the seed). */
    updatedBy: p.string().length(100),
    updatedAt: p.datetime().columnType('timestamptz'),
    /** Content hash of the `processes/` folder last applied to this bundle. */
    seededHash: p.string().length(64),
    /** The draft version that seed wrote: a higher one means a designer saved since. */
    seededDraftVersion: p.integer(),
    /** Content hash of the `processes/` folder seen at the last start (differs from `seededHash` when it was not applied). */
    shippedHash: p.string().length(64),
  }),
});
export type BundleDraft = InferEntity<typeof BundleDraftSchema>;

/**
 * A published version of a bundle: numbered 1, 2, … per bundle, never changed
 * once written. The catalogue serves the highest number of each bundle; an
 * application keeps the number it was submitted under, and its process
 * instance runs on that version's process definition.
 */
export const BundleVersionSchema = defineEntity({
  name: 'BundleVersion',
  schema: 'app',
  tableName: 'bundle_version',
  properties: (p) => ({
    bundleKey: p.string().length(64).primary(),
    number: p.integer().primary(),
    bpmn: p.text(),
    forms: p.json<Record<string, unknown>>().columnType('json'),
    manifest: p.json<Record<string, unknown>>().columnType('json'),
    bpmnProcessId: p.string().length(255),
    /** The engine's key and version of the deployed process definition. */
    processDefinitionKey: p.string().length(32),
    engineVersion: p.integer(),
    source: p.string().length(20).$type<VersionSource>(),
    publishedBy: p.string().length(100),
    publishedAt: p.datetime().columnType('timestamptz'),
  }),
});
export type BundleVersion = InferEntity<typeof BundleVersionSchema>;
