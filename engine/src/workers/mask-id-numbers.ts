const ID_NUMBER = /\b(\d{3})\d{11}(\d{3}[\dXx])\b/g;

/** Masks resident ID numbers for logs: `110***********123X` (first three, last four). */
export function maskIdNumbers(text: string): string {
  return text.replace(ID_NUMBER, '$1***********$2');
}
