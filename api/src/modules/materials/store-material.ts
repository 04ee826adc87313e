import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../errors.ts';
import { ApplicationSchema } from '../applications/application.entity.ts';
import { ApplicationDraftSchema } from '../drafts/application-draft.entity.ts';
import { materialFilename } from './material-type.ts';
import type { MaterialStore } from './material-store.ts';
import { MaterialSchema, type Material } from './material.entity.ts';
import { MATERIALS_PER_APPLICATION, type Upload } from './receive-upload.ts';

/** The upload's kind and detected type, or the error that refuses it. */
export function checkUpload(
  upload: Upload,
  kinds: readonly string[],
): { kind: string; type: NonNullable<Upload['file']['type']> } {
  if (upload.kind === undefined || !kinds.includes(upload.kind)) {
    const expected = `send one of the materials of this bundle version: ${kinds.join(', ')}`;
    // Named back so the citizen sees which kind was refused (a material key is short kebab-case).
    const named =
      upload.kind === undefined
        ? `is missing; ${expected}`
        : `"${upload.kind.slice(0, 64)}" is not a material of this bundle version; ${expected}`;
    throw new AppError('VALIDATION_FAILED', { fields: { kind: named } });
  }
  if (upload.file.type === undefined) throw new AppError('MATERIAL_TYPE');
  return { kind: upload.kind, type: upload.file.type };
}

export interface MaterialTarget {
  ownerId: string;
  /** Exactly one of the two. */
  draftId?: string;
  applicationId?: string;
  /** The material keys of the bundle version the draft or application is on. */
  kinds: readonly string[];
}

/**
 * Checks an upload and keeps it: the kind must be one of the bundle's, the
 * content a PDF, JPEG or PNG, and the target below its limit. The parent row
 * is locked while counting, so that two uploads at once cannot pass the limit
 * together. The file gets its final name before the row is inserted; if the
 * insert fails the file is removed, and the temporary file always is.
 */
export async function storeMaterial(
  em: EntityManager,
  store: MaterialStore,
  upload: Upload,
  target: MaterialTarget,
  now: Date,
): Promise<Material> {
  const { file } = upload;
  const id = randomUUID();
  try {
    const { kind, type } = checkUpload(upload, target.kinds);
    const stored = em.transactional(async (tx) => {
      const parent =
        target.draftId === undefined
          ? { applicationId: target.applicationId ?? null }
          : { draftId: target.draftId };
      if (target.draftId !== undefined) {
        await tx.findOneOrFail(
          ApplicationDraftSchema,
          { id: target.draftId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
      } else {
        await tx.findOneOrFail(
          ApplicationSchema,
          { id: target.applicationId ?? '' },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
      }
      if ((await tx.count(MaterialSchema, parent)) >= MATERIALS_PER_APPLICATION) {
        throw new AppError('MATERIAL_LIMIT');
      }
      const row: Material = {
        id,
        ownerId: target.ownerId,
        draftId: target.draftId ?? null,
        applicationId: target.applicationId ?? null,
        kind,
        filename: materialFilename(upload.filename, type),
        contentType: type.contentType,
        size: file.size,
        sha256: file.sha256,
        uploadedAt: now,
      };
      await store.commit(file.tempPath, id);
      await tx.insert(MaterialSchema, row);
      return row;
    });
    // An insert or commit that fails leaves no file under the material's name.
    return await stored.catch(async (error: unknown) => {
      await store.remove([id]);
      throw error;
    });
  } finally {
    await store.remove([file.tempPath]);
  }
}
