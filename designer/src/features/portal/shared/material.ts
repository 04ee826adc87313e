import { isRecord } from '../../../app/json-guards.ts';
import { isIsoDate } from './parse-list.ts';

/** An uploaded file as the api describes it (HTTP-API.md `Material`). */
export interface Material {
  id: string;
  /** The bundle's material key it was uploaded for. */
  kind: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export function parseMaterial(value: unknown): Material | undefined {
  if (!isRecord(value)) return undefined;
  const { id, kind, filename, contentType, size, sha256, uploadedAt } = value;
  if (typeof id !== 'string' || typeof kind !== 'string' || typeof filename !== 'string') return undefined;
  if (typeof contentType !== 'string' || typeof size !== 'number' || typeof sha256 !== 'string')
    return undefined;
  if (!isIsoDate(uploadedAt)) return undefined;
  return { id, kind, filename, contentType, size, sha256, uploadedAt };
}

/** What the api accepts (recognised by content); checked here first to spare a useless upload. */
export const MATERIAL_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MATERIAL_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;

/** A readable size: `812 KB`, `3.4 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
