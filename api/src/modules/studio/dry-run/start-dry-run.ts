import { randomUUID } from 'node:crypto';
import type { Zeebe } from '@camunda8/sdk';
import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '@onething/forms';
import { startVariables } from '@onething/processes';
import { AppError } from '../../../errors.ts';
import { toJsonObject } from '../../applications/json-variables.ts';
import type { Principal } from '../../auth/access.ts';
import type { BundleContent } from '../../catalogue/bundle-content.ts';
import { BundleDraftSchema } from '../../catalogue/bundle-version.entity.ts';
import { deployBundle } from '../../catalogue/deploy-bundle.ts';
import { checkDraft } from '../check-draft.ts';
import { draftConflict } from '../drafts.ts';
import { dryRunData } from './dry-run-data.ts';
import { DRY_RUN_SUFFIX, dryRunBpmn, dryRunProcessId } from './dry-run-process.ts';
import { DryRunSchema, type DryRun } from './dry-run.entity.ts';
import { testCitizen } from './test-citizens.ts';

export interface DryRunContext {
  em: EntityManager;
  zeebe: () => Zeebe.ZeebeGrpcClient;
  principal: Principal;
  /** The sandbox registries (the route refuses a dry run without them). */
  registriesUrl: string;
  now: Date;
}

/**
 * Starts a dry run of draft `version` of a bundle for a test citizen: the
 * draft passes the publish checks (checkDraft), is deployed under the
 * dry-run process id (the catalogue's version and definition stay as they
 * are), and one instance starts with the variables a submission of that
 * citizen would have: the same start variables, every service selected.
 * The draft at this moment is kept with the run, for its diagram and forms.
 */
export async function startDryRun(
  key: string,
  input: { version: number; citizen: string },
  context: DryRunContext,
): Promise<DryRun> {
  const citizen = testCitizen(input.citizen);
  if (citizen === undefined) {
    throw new AppError('VALIDATION_FAILED', { fields: { citizen: 'is not a test citizen of the sandbox' } });
  }
  const draft = await context.em.fork().findOne(BundleDraftSchema, { key });
  if (draft === null) throw new AppError('BUNDLE_NOT_FOUND');
  if (draft.version !== input.version) throw draftConflict(draft);
  const content: BundleContent = { bpmn: draft.bpmn, forms: draft.forms, manifest: draft.manifest };
  const check = await checkDraft(key, content);
  if (!check.ok) throw new AppError('DRY_RUN_REJECTED', { details: { problems: check.problems } });
  const { manifest, form } = check.checked;

  const id = randomUUID();
  const data = await dryRunData(context.em, {
    bundleKey: key,
    title: manifest.title,
    form,
    citizen,
    runId: id,
    registriesUrl: context.registriesUrl,
    actor: context.principal.displayName,
    today: todayInChina(context.now),
    now: () => new Date(),
  });

  const processId = dryRunProcessId(manifest.processId);
  const bpmn = dryRunBpmn(content.bpmn, manifest.processId);
  const zeebe = context.zeebe();
  const deployed = await deployBundle(zeebe, `${key}${DRY_RUN_SUFFIX}`, bpmn, processId);
  if (!deployed.ok) throw new AppError('DRY_RUN_REJECTED', { details: { problems: deployed.problems } });
  const variables = startVariables(manifest, {
    applicationId: id,
    applicant: { idNumber: citizen.idNumber },
    data,
    services: manifest.services.map((service) => service.key),
    submittedAt: context.now,
  });
  let instanceKey: string;
  try {
    const created = await zeebe.createProcessInstance({
      bpmnProcessId: processId,
      version: deployed.deployment.engineVersion,
      variables: toJsonObject(variables),
    });
    instanceKey = String(created.processInstanceKey);
  } catch (error) {
    throw Object.assign(new AppError('ENGINE_UNAVAILABLE'), { cause: error });
  }
  const run: DryRun = {
    id,
    bundleKey: key,
    draftVersion: draft.version,
    citizen: citizen.key,
    ...content,
    bpmnProcessId: processId,
    processDefinitionKey: deployed.deployment.processDefinitionKey,
    processInstanceKey: instanceKey,
    state: 'running',
    startedBy: context.principal.username,
    startedAt: context.now,
    cancelledAt: null,
    cancelReason: null,
    lastActivityAt: context.now,
  };
  await context.em.insert(DryRunSchema, run);
  return run;
}
