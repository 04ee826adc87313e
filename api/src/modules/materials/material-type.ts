/** The file types a material may be, by what its first bytes say (magic numbers). */
export const MATERIAL_TYPES = [
  { contentType: 'application/pdf', extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { contentType: 'image/png', extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { contentType: 'image/jpeg', extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
] as const;

export type MaterialType = (typeof MATERIAL_TYPES)[number];

/** Bytes needed to recognise any of the types. */
export const SNIFF_BYTES = 8;

/** The type the content is, whatever its name or declared type says; undefined for anything else. */
export function detectMaterialType(head: Uint8Array): MaterialType | undefined {
  return MATERIAL_TYPES.find((type) => type.magic.every((byte, index) => head[index] === byte));
}

/**
 * A safe file name to show and to send back in Content-Disposition: the base
 * name without control characters or path separators, with the extension of
 * the detected type (a PNG named `scan.pdf` becomes `scan.png`).
 */
export function materialFilename(declared: string | undefined, type: MaterialType): string {
  const base = (declared ?? '')
    .split(/[\\/]/)
    .at(-1)
    ?.split('')
    .filter((character) => character.charCodeAt(0) >= 0x20 && character !== '\u007f' && character !== '"')
    .join('')
    .trim();
  const stem = (base ?? '').replace(/\.[^.]*$/, '').slice(0, 200) || 'material';
  return `${stem}.${type.extension}`;
}
