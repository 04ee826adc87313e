import { errorMessages, validateSubmission } from '@onething/forms';
import { checkServiceSelection, startVariables } from '@onething/processes';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.ts';
import type { Zeebe } from '@camunda8/sdk';
import type { Principal } from '../auth/access.ts';
import type { Catalogue, CatalogueBundle } from '../catalogue/catalogue.ts';
import { combinedFormKeys } from '../catalogue/combined-form-keys.ts';
import type { PersonalDataCipher } from '../people/personal-data-cipher.ts';
import { ApplicationDraftSchema } from '../drafts/application-draft.entity.ts';
import { MaterialSchema } from '../materials/material.entity.ts';
import { countPrefilled } from '../prefill/served-prefill.ts';
import { UserSchema } from '../users/user.entity.ts';
import { sealApplicationData } from './application-data.ts';
import { toJsonObject } from './json-variables.ts';
import { ApplicationEventSchema, ApplicationSchema, type ApplicationStatus } from './application.entity.ts';

export interface SubmitInput {
  bundleKey: string;
  data: Record<string, unknown>;
  /** Selected services; all of the bundle's when omitted. */
  services?: string[];
  idempotencyKey?: string;
}

export interface SubmitContext {
  em: EntityManager;
  catalogue: Catalogue;
  cipher: PersonalDataCipher;
  zeebe: () => Zeebe.ZeebeGrpcClient;
  principal: Principal;
  now: Date;
}

export interface Submitted {
  id: string;
  status: ApplicationStatus;
  /** True when an earlier submission with the same Idempotency-Key is returned. */
  replayed: boolean;
}

/**
 * Validates a citizen's application against the combined form of the chosen
 * services, stores it and starts the bundle's process.
 *
 * Storing and starting are one unit: the row is inserted in a transaction
 * that stays open while CreateProcessInstance runs and commits only with the
 * instance key. If the engine refuses or is unreachable, the transaction
 * rolls back and nothing is left half-written; the client gets 503 and may
 * retry with the same Idempotency-Key. (A separate `submitted` row started
 * later could instead start the process twice after a lost reply: Zeebe has
 * no idempotent CreateProcessInstance.) The one window left is a commit that
 * fails after the engine started the instance: that instance carries an
 * applicationId that no row has, and its window task names no application.
 */
export async function submitApplication(input: SubmitInput, context: SubmitContext): Promise<Submitted> {
  const { em, catalogue, principal } = context;
  const bundle = catalogue.get(input.bundleKey);
  if (bundle === undefined) throw new AppError('BUNDLE_NOT_FOUND');

  if (input.idempotencyKey !== undefined) {
    const earlier = await findByIdempotencyKey(em, principal.id, input.idempotencyKey);
    if (earlier !== undefined) return replay(earlier, input.bundleKey);
  }

  const services = input.services ?? bundle.manifest.services.map((service) => service.key);
  const selectionProblems = checkServiceSelection(bundle.manifest, services);
  if (selectionProblems.length > 0) {
    throw new AppError('SERVICE_SELECTION_INVALID', { fields: { services: selectionProblems.join('; ') } });
  }
  const result = validateSubmission(catalogue.formFor(bundle, services), input.data);
  if (!result.valid) throw new AppError('FORM_SUBMISSION_INVALID', { fields: errorMessages(result) });

  const counts = await countPrefilled(em, context.cipher, {
    citizenId: principal.id,
    bundleKey: bundle.manifest.key,
    formKeys: combinedFormKeys(bundle.fields, services),
    data: result.data,
    now: context.now,
  });
  const applicant = await applicantIdentity(em, context.cipher, principal);
  const id = randomUUID();
  const departments = [
    ...new Set(bundle.manifest.services.filter((s) => services.includes(s.key)).map((s) => s.department)),
  ];
  const variables = startVariables(bundle.manifest, {
    applicationId: id,
    applicant,
    data: result.data,
    services,
    submittedAt: context.now,
  });
  try {
    await em.transactional(async (tx) => {
      await tx.insert(ApplicationSchema, {
        id,
        bundleKey: bundle.manifest.key,
        bundleVersion: String(bundle.version),
        applicantId: principal.id,
        status: 'submitted',
        services,
        departments,
        ...sealApplicationData(context.cipher, result.data),
        idempotencyKey: input.idempotencyKey ?? null,
        processInstanceKey: null,
        outcomes: null,
        submittedAt: context.now,
        updatedAt: context.now,
        filledFields: counts.filled,
        prefilledFields: counts.prefilled,
      });
      await tx.insert(ApplicationEventSchema, {
        applicationId: id,
        at: context.now,
        event: 'application.submitted',
        by: principal.displayName,
        details: { services },
      });
      // The draft becomes the application: its materials move over, the draft goes.
      const draft = await tx.findOne(
        ApplicationDraftSchema,
        { applicantId: principal.id, bundleKey: bundle.manifest.key },
        { fields: ['id'], lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (draft !== null) {
        await tx.nativeUpdate(MaterialSchema, { draftId: draft.id }, { draftId: null, applicationId: id });
        await tx.nativeDelete(ApplicationDraftSchema, { id: draft.id });
      }
      const instance = await startProcess(context.zeebe, bundle, variables);
      await tx.nativeUpdate(ApplicationSchema, { id }, { processInstanceKey: instance });
    });
  } catch (error) {
    // Two submissions with one Idempotency-Key raced: the first one won.
    if (input.idempotencyKey !== undefined && isUniqueViolation(error)) {
      const earlier = await findByIdempotencyKey(em, principal.id, input.idempotencyKey);
      if (earlier !== undefined) return replay(earlier, input.bundleKey);
    }
    throw error;
  }
  return { id, status: 'submitted', replayed: false };
}

async function startProcess(
  zeebe: () => Zeebe.ZeebeGrpcClient,
  bundle: CatalogueBundle,
  variables: Record<string, unknown>,
): Promise<string> {
  const client = zeebe();
  // The definition the catalogue's current version deployed, not the engine's latest.
  const { deployment } = bundle;
  if (deployment === null) throw new AppError('ENGINE_UNAVAILABLE');
  try {
    const response = await client.createProcessInstance({
      bpmnProcessId: deployment.bpmnProcessId,
      version: deployment.engineVersion,
      variables: toJsonObject(variables),
    });
    return String(response.processInstanceKey);
  } catch (error) {
    throw Object.assign(new AppError('ENGINE_UNAVAILABLE'), { cause: error });
  }
}

async function applicantIdentity(
  em: EntityManager,
  cipher: PersonalDataCipher,
  principal: Principal,
): Promise<Record<string, unknown>> {
  const user = await em.findOne(UserSchema, { id: principal.id }, { fields: ['idNumberCipher'] });
  const idNumber = user?.idNumberCipher ? cipher.decrypt(user.idNumberCipher) : undefined;
  // The account's verified ID number wins over what was typed as the applicant's.
  return idNumber === undefined ? {} : { idNumber };
}

async function findByIdempotencyKey(em: EntityManager, applicantId: string, idempotencyKey: string) {
  return (
    (await em
      .fork()
      .findOne(
        ApplicationSchema,
        { applicantId, idempotencyKey },
        { fields: ['id', 'status', 'bundleKey'] },
      )) ?? undefined
  );
}

function replay(
  earlier: { id: string; status: ApplicationStatus; bundleKey: string },
  bundleKey: string,
): Submitted {
  if (earlier.bundleKey !== bundleKey) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return { id: earlier.id, status: earlier.status, replayed: true };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException;
}
