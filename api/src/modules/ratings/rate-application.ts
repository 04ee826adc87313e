import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addWorkingDays } from '@onething/processes';
import { AppError } from '../../errors.ts';
import { openApplicationData } from '../applications/application-data.ts';
import { ApplicationEventSchema, ApplicationSchema } from '../applications/application.entity.ts';
import type { Principal } from '../auth/access.ts';
import type { PersonalDataCipher } from '../people/personal-data-cipher.ts';
import { RATING_FOLLOW_UP_FORM_KEY } from '../tasks/follow-up-form.ts';
import { UserTaskSchema } from '../tasks/user-task.entity.ts';
import { RatingSchema, type Rating } from './rating.entity.ts';

/** A score this low or lower (差评) opens a follow-up task for the supervisors. */
export const LOW_SCORE = 2;
/** A low rating is followed up (回访) within this many working days. */
export const FOLLOW_UP_TIME_LIMIT_DAYS = 1;
export const FOLLOW_UP_TASK_NAME = '差评回访';

export interface RatingInput {
  score: number;
  comment?: string | undefined;
}

export interface RateContext {
  em: EntityManager;
  cipher: PersonalDataCipher;
  principal: Principal;
  now: Date;
}

export interface RatingView {
  score: number;
  comment: string | null;
  ratedAt: string;
}

/**
 * The owner rates their completed application, once. A low score opens a
 * follow-up task for the `supervisor` group in the same transaction: a task
 * row with no engine job, which the supervisors claim and complete through
 * the task routes.
 */
export async function rateApplication(
  applicationId: string,
  input: RatingInput,
  context: RateContext,
): Promise<RatingView> {
  const { em, principal, now } = context;
  const application = await em.findOne(ApplicationSchema, { id: applicationId });
  if (application === null || application.applicantId !== principal.id)
    throw new AppError('APPLICATION_NOT_FOUND');
  if (application.status !== 'completed') throw new AppError('NOT_COMPLETED');
  if ((await em.count(RatingSchema, { applicationId })) > 0) throw new AppError('ALREADY_RATED');

  const comment = input.comment === undefined || input.comment.trim() === '' ? null : input.comment.trim();
  const followUpTaskId = input.score <= LOW_SCORE ? randomUUID() : null;
  try {
    await em.transactional(async (tx) => {
      await tx.insert(RatingSchema, {
        applicationId,
        bundleKey: application.bundleKey,
        raterId: principal.id,
        score: input.score,
        comment,
        ratedAt: now,
        followUpTaskId,
      });
      await tx.insert(ApplicationEventSchema, {
        applicationId,
        at: now,
        event: 'application.rated',
        by: principal.displayName,
        details: { score: input.score },
      });
      if (followUpTaskId === null) return;
      // The supervisor calls the citizen back: the task keeps the application's data with the rating.
      const data = openApplicationData(context.cipher, application.dataCipher);
      const variables = {
        ...data,
        applicationId,
        bundleKey: application.bundleKey,
        rating: { score: input.score, comment },
      };
      await tx.insert(UserTaskSchema, {
        id: followUpTaskId,
        origin: 'rating',
        jobKey: null,
        processInstanceKey: null,
        bpmnProcessId: null,
        elementId: null,
        name: FOLLOW_UP_TASK_NAME,
        candidateGroups: ['supervisor'],
        assigneeId: null,
        assigneeName: null,
        formKey: RATING_FOLLOW_UP_FORM_KEY,
        dueDate: new Date(addWorkingDays(now, FOLLOW_UP_TIME_LIMIT_DAYS)),
        applicationId,
        bundleKey: application.bundleKey,
        state: 'open',
        variablesCipher: context.cipher.encrypt(JSON.stringify(variables)),
        jobDeadline: null,
        createdAt: now,
        completedAt: null,
        completedBy: null,
      });
    });
  } catch (error) {
    // Two ratings raced: the first one stands.
    if (error instanceof UniqueConstraintViolationException) throw new AppError('ALREADY_RATED');
    throw error;
  }
  return { score: input.score, comment, ratedAt: now.toISOString() };
}

/** The application's rating as its detail shows it, or null. */
export async function ratingOf(em: EntityManager, applicationId: string): Promise<RatingView | null> {
  const rating = await em.findOne(RatingSchema, { applicationId });
  return rating === null ? null : ratingView(rating);
}

function ratingView(rating: Pick<Rating, 'score' | 'comment' | 'ratedAt'>): RatingView {
  return { score: rating.score, comment: rating.comment ?? null, ratedAt: rating.ratedAt.toISOString() };
}
