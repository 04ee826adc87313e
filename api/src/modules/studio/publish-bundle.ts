import type { Zeebe } from '@camunda8/sdk';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../errors.ts';
import type { Principal } from '../auth/access.ts';
import type { BundleContent } from '../catalogue/bundle-content.ts';
import { BundleDraftSchema, type BundleVersion } from '../catalogue/bundle-version.entity.ts';
import { insertVersion, lockBundle } from '../catalogue/bundle-store.ts';
import type { ContentProblem } from '../catalogue/check-content.ts';
import { deployBundle } from '../catalogue/deploy-bundle.ts';
import { checkDraft } from './check-draft.ts';
import { draftConflict } from './drafts.ts';

export interface PublishContext {
  em: EntityManager;
  zeebe: () => Zeebe.ZeebeGrpcClient;
  principal: Principal;
  now: Date;
}

export interface PublishOutcome {
  version: BundleVersion;
  warnings: ContentProblem[];
}

/**
 * Publishes draft `draftVersion` of a bundle as its next version: checks it
 * (BPMN safety and the Camunda lint rules; bundle.json, forms, field
 * dictionary and form merge), deploys it to the engine and records the
 * version, which every api replica's catalogue then serves. Every problem
 * found is a PUBLISH_REJECTED listing them, and then nothing is published.
 *
 * The checks run before the bundle's lock is taken; under the lock the draft
 * version is checked again, so a save in between is a conflict rather than a
 * publish of content nobody checked.
 */
export async function publishBundle(
  key: string,
  draftVersion: number,
  context: PublishContext,
): Promise<PublishOutcome> {
  const draft = await context.em.fork().findOne(BundleDraftSchema, { key });
  if (draft === null) throw new AppError('BUNDLE_NOT_FOUND');
  if (draft.version !== draftVersion) throw draftConflict(draft);
  const content: BundleContent = { bpmn: draft.bpmn, forms: draft.forms, manifest: draft.manifest };

  const check = await checkDraft(key, content);
  if (!check.ok) throw rejected(check.problems);

  const version = await context.em.fork().transactional(async (tx) => {
    await lockBundle(tx, key);
    const current = await tx.findOne(BundleDraftSchema, { key });
    if (current === null) throw new AppError('BUNDLE_NOT_FOUND');
    if (current.version !== draftVersion) throw draftConflict(current);
    const deployed = await deployBundle(context.zeebe(), key, content.bpmn, check.checked.manifest.processId);
    if (!deployed.ok) throw rejected(deployed.problems);
    return insertVersion(tx, {
      key,
      content,
      deployment: deployed.deployment,
      source: 'studio',
      by: context.principal.username,
      at: context.now,
    });
  });
  return { version, warnings: check.warnings };
}

function rejected(problems: ContentProblem[]): AppError {
  return new AppError('PUBLISH_REJECTED', { details: { problems } });
}
