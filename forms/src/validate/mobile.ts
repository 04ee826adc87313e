/**
 * Mainland China mobile numbers: 11 digits starting 13–19. Written without the +86 prefix,
 * the way citizens give them and registries store them.
 */
export const MOBILE_PATTERN = '^1[3-9]\\d{9}$';

export function isMobileNumber(value: string): boolean {
  return new RegExp(MOBILE_PATTERN).test(value);
}
