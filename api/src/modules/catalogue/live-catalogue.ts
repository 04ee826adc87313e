import type { FormSchema } from '@onething/forms';
import type { FastifyBaseLogger } from 'fastify';
import type { Orm } from '../../orm.ts';
import { currentVersions } from './bundle-store.ts';
import { buildCatalogue, type Catalogue, type CatalogueBundle } from './catalogue.ts';
import { PublishedVersions, type BundleVersionRef } from './published-versions.ts';

/**
 * The catalogue the api serves: the current published version of every
 * bundle, read from the database. `reload()` swaps in a fresh snapshot; the
 * bundles whose version did not change are kept as they are (their combined
 * forms are not merged again). Reloads run one at a time, and a reload asked
 * for while one runs runs once more after it, so the last one always sees the
 * last publication.
 */
/** The catalogue as the app decorates it: reload() after a publication. */
export interface ReloadableCatalogue extends Catalogue {
  reload(): Promise<void>;
  /**
   * The version of the bundle an application was submitted under, with its
   * own forms, combined form and manifest (running applications stay on
   * theirs after a publication). Throws when it does not exist (a bug).
   */
  ofApplication(application: BundleVersionRef): Promise<CatalogueBundle>;
}

/**
 * A catalogue that never changes (catalogueOfFolders): reloading it has
 * nothing to do, and it has one version of each bundle, which every
 * application is on.
 */
export function fixedCatalogue(catalogue: Catalogue): ReloadableCatalogue {
  return {
    list: () => catalogue.list(),
    get: (key) => catalogue.get(key),
    formFor: (bundle, services) => catalogue.formFor(bundle, services),
    reload: async () => undefined,
    ofApplication: async (application) => {
      const bundle = catalogue.get(application.bundleKey);
      if (bundle === undefined) throw new Error(`bundle ${application.bundleKey} is not in the catalogue`);
      return bundle;
    },
  };
}

export class LiveCatalogue implements ReloadableCatalogue {
  private snapshot: Catalogue = buildCatalogue([]);
  private running: Promise<void> | undefined;
  private again = false;
  private readonly versions: PublishedVersions;

  constructor(
    private readonly orm: Orm,
    private readonly logger: FastifyBaseLogger,
  ) {
    this.versions = new PublishedVersions(orm);
  }

  list(): readonly CatalogueBundle[] {
    return this.snapshot.list();
  }

  get(key: string): CatalogueBundle | undefined {
    return this.snapshot.get(key);
  }

  formFor(bundle: CatalogueBundle, services: readonly string[]): FormSchema {
    return this.snapshot.formFor(bundle, services);
  }

  ofApplication(application: BundleVersionRef): Promise<CatalogueBundle> {
    const current = this.snapshot.get(application.bundleKey);
    if (current !== undefined && String(current.version) === application.bundleVersion) {
      return Promise.resolve(current);
    }
    return this.versions.of(application);
  }

  reload(): Promise<void> {
    if (this.running !== undefined) {
      this.again = true;
      return this.running;
    }
    this.running = this.loadUntilSettled().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async loadUntilSettled(): Promise<void> {
    do {
      this.again = false;
      const versions = await currentVersions(this.orm.em.fork());
      this.snapshot = buildCatalogue(versions, this.snapshot.list());
      this.logger.debug(
        { bundles: Object.fromEntries(versions.map((v) => [v.key, v.number])) },
        'catalogue loaded',
      );
    } while (this.again);
  }
}
