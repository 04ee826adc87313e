import type { FastifyReply } from 'fastify';
import { AppError } from '../../errors.ts';
import type { MaterialStore } from './material-store.ts';
import type { Material } from './material.entity.ts';

/**
 * Sends a material as a download: its detected type, as an attachment (never
 * shown inline), with nosniff, and not cached by shared caches. A file that
 * is missing or no longer matches its checksum is not sent.
 */
export async function sendMaterial(reply: FastifyReply, store: MaterialStore, material: Material) {
  const bytes = await store.read(material.id, material.sha256);
  if (bytes === undefined) throw new AppError('MATERIAL_CORRUPTED');
  return reply
    .header('content-type', material.contentType)
    .header('content-disposition', contentDisposition(material.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(bytes);
}

/** RFC 6266: an ASCII fallback name and the UTF-8 name (RFC 8187). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
