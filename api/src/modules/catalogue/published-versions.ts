import type { Orm } from '../../orm.ts';
import { publishedVersion } from './bundle-store.ts';
import { catalogueBundle, type CatalogueBundle } from './catalogue.ts';

/** What an application records of the bundle it was submitted under. */
export interface BundleVersionRef {
  bundleKey: string;
  /** The published version number, as `Application.bundleVersion` stores it. */
  bundleVersion: string;
}

/**
 * Published versions by number, each read from the database once (one query)
 * and kept: a version never changes once written, so an application's own
 * forms, combined form and manifest can be served from memory however many
 * versions were published after it. Only versions that exist are kept; there
 * are as many as there were publications, a few per bundle.
 */
export class PublishedVersions {
  private readonly loaded = new Map<string, Promise<CatalogueBundle | undefined>>();

  constructor(private readonly orm: Orm) {}

  /** The version, or undefined when the bundle has no such published number. */
  get(key: string, number: number): Promise<CatalogueBundle | undefined> {
    const cacheKey = `${key}@${number}`;
    const cached = this.loaded.get(cacheKey);
    if (cached !== undefined) return cached;
    const loading = publishedVersion(this.orm.em.fork(), key, number).then((version) =>
      version === null ? undefined : catalogueBundle(version),
    );
    this.loaded.set(cacheKey, loading);
    // A miss or a failed read is not kept: the next call asks the database again.
    loading.then(
      (bundle) => {
        if (bundle === undefined) this.loaded.delete(cacheKey);
      },
      () => this.loaded.delete(cacheKey),
    );
    return loading;
  }

  /**
   * The version an application was submitted under. Every application names
   * a published version, so a missing one is a broken invariant: it throws.
   */
  async of(application: BundleVersionRef): Promise<CatalogueBundle> {
    const number = versionNumber(application.bundleVersion);
    const bundle = number === undefined ? undefined : await this.get(application.bundleKey, number);
    if (bundle === undefined) {
      throw new Error(
        `bundle ${application.bundleKey} has no published version ${application.bundleVersion}`,
      );
    }
    return bundle;
  }
}

/** `Application.bundleVersion` is the published number as text. */
export function versionNumber(text: string): number | undefined {
  return /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : undefined;
}
