import type { Zeebe } from '@camunda8/sdk';
import { loadBundles, type Bundle } from '@onething/processes';
import type { Logger } from 'pino';
import type { Orm } from '../../orm.ts';
import { contentFromFolder, contentHash, type BundleContent } from './bundle-content.ts';
import { BundleDraftSchema, BundleVersionSchema } from './bundle-version.entity.ts';
import {
  currentVersions,
  insertVersion,
  latestVersion,
  lockBundle,
  notifyPublished,
} from './bundle-store.ts';
import { checkContent } from './check-content.ts';
import { deployBundle } from './deploy-bundle.ts';

/** Who the seed's drafts and versions name. */
export const SEED_AUTHOR = 'system';

/**
 * What the seed did with a bundle folder:
 * - `created`: a bundle the database did not have: its draft and version 1.
 * - `upgraded`: the files changed since the last seed and nobody changed the
 *   bundle in the Studio since: the files become the draft and a new version.
 * - `kept`: the files changed, but a designer saved or published since the
 *   last seed: the Studio's work stays; the files are not applied (logged, and
 *   shown in the Studio as `shippedUpdate`).
 * - `unchanged`: the files are what was seeded last.
 */
export type SeedOutcome = 'created' | 'upgraded' | 'kept' | 'unchanged';

export interface SeedOptions {
  orm: Orm;
  zeebe: Zeebe.ZeebeGrpcClient;
  logger: Logger;
  /** The shipped bundles (default: every folder of processes/). */
  bundles?: readonly Bundle[];
  now?: () => Date;
}

/**
 * Brings the catalogue in the database up to date with `processes/` at start,
 * without ever overwriting the Studio's work (see SeedOutcome), then makes
 * sure the engine has the current version of every bundle (a new, empty
 * Zeebe cluster behind an existing database gets them deployed again).
 * Replicas starting together serialise on each bundle's lock.
 */
export async function seedCatalogue(options: SeedOptions): Promise<Record<string, SeedOutcome>> {
  const { orm, zeebe, logger } = options;
  const now = options.now ?? (() => new Date());
  const outcomes: Record<string, SeedOutcome> = {};
  for (const bundle of options.bundles ?? loadBundles()) {
    const key = bundle.manifest.key;
    const content = contentFromFolder(bundle);
    const hash = contentHash(content);
    outcomes[key] = await orm.em.fork().transactional(async (tx) => {
      await lockBundle(tx, key);
      const draft = await tx.findOne(BundleDraftSchema, { key });
      if (draft === null) {
        await publishShipped(tx, zeebe, key, content, now());
        tx.create(BundleDraftSchema, {
          key,
          version: 1,
          ...content,
          updatedBy: SEED_AUTHOR,
          updatedAt: now(),
          seededHash: hash,
          seededDraftVersion: 1,
          shippedHash: hash,
        });
        return 'created';
      }
      draft.shippedHash = hash;
      if (draft.seededHash === hash) return 'unchanged';
      const latest = await latestVersion(tx, key);
      if (draft.version !== draft.seededDraftVersion || latest?.source === 'studio') {
        logger.warn(
          { bundle: key, draftVersion: draft.version, publishedVersion: latest?.number },
          'processes/ ships a changed bundle that was changed in the Studio since: the Studio version is kept',
        );
        return 'kept';
      }
      await publishShipped(tx, zeebe, key, content, now());
      Object.assign(draft, content, {
        version: draft.version + 1,
        updatedBy: SEED_AUTHOR,
        updatedAt: now(),
        seededHash: hash,
        seededDraftVersion: draft.version + 1,
      });
      return 'upgraded';
    });
  }
  await redeployCurrent(options, outcomes);
  return outcomes;
}

async function publishShipped(
  tx: Parameters<typeof lockBundle>[0],
  zeebe: Zeebe.ZeebeGrpcClient,
  key: string,
  content: BundleContent,
  at: Date,
): Promise<void> {
  const checked = checkContent(key, content);
  if (!checked.ok) {
    // A shipped bundle that does not check is a broken release: stop the start.
    throw new Error(`processes/${key} does not check: ${checked.problems.map((p) => p.message).join('; ')}`);
  }
  const deployed = await deployBundle(zeebe, key, content.bpmn, checked.value.manifest.processId);
  if (!deployed.ok) {
    throw new Error(
      `processes/${key} was refused by the engine: ${deployed.problems.map((p) => `${p.elementId ?? ''} ${p.message}`).join('; ')}`,
    );
  }
  await insertVersion(tx, {
    key,
    content,
    deployment: deployed.deployment,
    source: 'processes',
    by: SEED_AUTHOR,
    at,
  });
}

/**
 * Deploys the current version of the bundles the seed did not publish. The
 * same bytes give the engine's existing definition; a different key means the
 * engine lost it (a new cluster) and now has it again, so the version's
 * deployment is updated for new applications to start on.
 */
async function redeployCurrent(options: SeedOptions, outcomes: Record<string, SeedOutcome>): Promise<void> {
  const em = options.orm.em.fork();
  for (const current of await currentVersions(em)) {
    if (outcomes[current.key] === 'created' || outcomes[current.key] === 'upgraded') continue;
    const processId = current.bpmnProcessId;
    const deployed = await deployBundle(options.zeebe, current.key, current.content.bpmn, processId);
    if (!deployed.ok) {
      throw new Error(
        `bundle ${current.key} version ${current.number} was refused by the engine on redeploy`,
      );
    }
    const { processDefinitionKey, engineVersion } = deployed.deployment;
    if (processDefinitionKey === current.processDefinitionKey) continue;
    options.logger.warn(
      { bundle: current.key, version: current.number, processDefinitionKey },
      'the engine did not have the current version of the bundle: deployed it again',
    );
    await em.transactional(async (tx) => {
      await lockBundle(tx, current.key);
      await tx.nativeUpdate(
        BundleVersionSchema,
        { bundleKey: current.key, number: current.number },
        { processDefinitionKey, engineVersion },
      );
      await notifyPublished(tx, current.key);
    });
  }
}
