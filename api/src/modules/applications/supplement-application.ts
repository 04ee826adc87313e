import type { Zeebe } from '@camunda8/sdk';
import type { EntityManager } from '@mikro-orm/postgresql';
import { errorMessages, validateSubmission } from '@onething/forms';
import { SUPPLEMENT_MESSAGE } from '@onething/processes';
import { AppError } from '../../errors.ts';
import type { Principal } from '../auth/access.ts';
import type { ReloadableCatalogue } from '../catalogue/live-catalogue.ts';
import type { PersonalDataCipher } from '../people/personal-data-cipher.ts';
import { sealApplicationData } from './application-data.ts';
import { pinnedForm } from './application-form.ts';
import { ApplicationEventSchema, ApplicationSchema } from './application.entity.ts';
import { toJsonObject } from './json-variables.ts';

export interface SupplementContext {
  em: EntityManager;
  catalogue: ReloadableCatalogue;
  cipher: PersonalDataCipher;
  zeebe: () => Zeebe.ZeebeGrpcClient;
  principal: Principal;
  now: Date;
}

/**
 * The citizen answers a return for correction (补正): the corrected data is
 * validated like a new submission (against the whole combined form of the
 * application's own bundle version), stored, and published as the message
 * `application-supplemented` (correlation key: the application id), which
 * takes the application back to the window. As at submission, the row is
 * changed in a transaction that commits only after the engine took the
 * message, and the message id makes a retried publish a no-op in the engine.
 */
export async function supplementApplication(
  id: string,
  data: Record<string, unknown>,
  context: SupplementContext,
): Promise<void> {
  const row = await context.em.findOne(ApplicationSchema, { id });
  if (row === null || row.applicantId !== context.principal.id) throw new AppError('APPLICATION_NOT_FOUND');
  if (row.status !== 'returned') throw new AppError('APPLICATION_NOT_RETURNED');
  // The combined form of the version the citizen applied under, whatever was published since.
  const { form } = await pinnedForm(context.catalogue, row);
  const result = validateSubmission(form, data);
  if (!result.valid) throw new AppError('FORM_SUBMISSION_INVALID', { fields: errorMessages(result) });

  const supplements = await context.em.count(ApplicationEventSchema, {
    applicationId: id,
    event: 'application.supplemented',
  });
  await context.em.transactional(async (tx) => {
    await tx.nativeUpdate(
      ApplicationSchema,
      { id, status: 'returned' },
      { ...sealApplicationData(context.cipher, result.data), status: 'submitted', updatedAt: context.now },
    );
    await tx.insert(ApplicationEventSchema, {
      applicationId: id,
      at: context.now,
      event: 'application.supplemented',
      by: context.principal.displayName,
      details: null,
    });
    try {
      await context.zeebe().publishMessage({
        name: SUPPLEMENT_MESSAGE,
        correlationKey: id,
        messageId: `${id}:supplement:${supplements + 1}`,
        variables: toJsonObject(result.data),
        timeToLive: 60_000,
      });
    } catch (error) {
      throw Object.assign(new AppError('ENGINE_UNAVAILABLE'), { cause: error });
    }
  });
}
