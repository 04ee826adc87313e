import type { Material } from './material.entity.ts';

/** A material as the api shows it (HTTP-API.md `Material`). */
export function materialView(material: Material) {
  return {
    id: material.id,
    kind: material.kind,
    filename: material.filename,
    contentType: material.contentType,
    size: material.size,
    sha256: material.sha256,
    uploadedAt: material.uploadedAt.toISOString(),
  };
}
