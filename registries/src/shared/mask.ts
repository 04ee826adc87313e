const ID_NUMBER = /([1-9]\d{5})\d{8}(\d{3}[\dX])/g;

/** Masks resident ID numbers (keeps the region code and the last four characters) for logs. */
export function maskIdNumbers(text: string): string {
  return text.replace(ID_NUMBER, '$1********$2');
}
