import { describe, expect, it } from 'vitest';
import { detectMaterialType, materialFilename } from './material-type.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('detectMaterialType', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(detectMaterialType(new TextEncoder().encode('%PDF-1.7\n'))?.contentType).toBe('application/pdf');
    expect(detectMaterialType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))?.contentType).toBe(
      'image/png',
    );
    expect(detectMaterialType(bytes(0xff, 0xd8, 0xff, 0xe0))?.contentType).toBe('image/jpeg');
  });

  it('refuses anything else, such as a Windows executable or HTML', () => {
    expect(detectMaterialType(new TextEncoder().encode('MZ\x90\x00'))).toBeUndefined();
    expect(detectMaterialType(new TextEncoder().encode('<html><script>'))).toBeUndefined();
    expect(detectMaterialType(bytes())).toBeUndefined();
  });
});

describe('materialFilename', () => {
  it('keeps the base name and gives it the extension of the detected type', () => {
    const png = detectMaterialType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))!;
    expect(materialFilename('C:\\Users\\me\\户口簿.pdf', png)).toBe('户口簿.png');
    expect(materialFilename('../../etc/passwd', png)).toBe('passwd.png');
    expect(materialFilename('a"b\r\n.png', png)).toBe('ab.png');
    expect(materialFilename(undefined, png)).toBe('material.png');
  });
});
