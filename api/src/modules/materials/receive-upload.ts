import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import type { MaterialStore, ReceivedFile } from './material-store.ts';

/** Largest material, in bytes (HTTP-API.md). */
export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;
/** Most materials one draft or application holds. */
export const MATERIALS_PER_APPLICATION = 20;

export interface Upload {
  file: ReceivedFile;
  filename: string | undefined;
  /** The `kind` field (a material key of the bundle), when sent. */
  kind: string | undefined;
}

/**
 * Reads a multipart upload: one `file` part, streamed to a temporary file, and
 * the `kind` field. The size limit stops the stream at 10 MB; the caller
 * commits or discards the temporary file.
 */
export async function receiveUpload(request: FastifyRequest, store: MaterialStore): Promise<Upload> {
  let file: ReceivedFile | undefined;
  let filename: string | undefined;
  let kind: string | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: MATERIAL_MAX_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 5 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        file = await store.receive(part.file);
        filename = part.filename;
      } else if (part.fieldname === 'kind' && typeof part.value === 'string') {
        kind = part.value;
      }
    }
  } catch (error) {
    if (file !== undefined) await store.remove([file.tempPath]);
    throw uploadError(error);
  }
  if (file === undefined) {
    throw new AppError('VALIDATION_FAILED', { fields: { file: 'must be sent as a multipart file part' } });
  }
  return { file, filename, kind };
}

function uploadError(error: unknown): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('MATERIAL_TOO_LARGE');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', { message: 'Send the material as multipart/form-data.' });
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('BAD_REQUEST', { message: 'Send one file and its kind per request.' });
    default:
      return error;
  }
}
