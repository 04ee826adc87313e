/**
 * Dates in the Workbench are shown on the Shanghai calendar, where the time limits are set,
 * in the user's language.
 */
export function formatDateTime(iso: string | null, locale: string): string {
  if (iso === null) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

export function formatTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(date);
}

/** A short form of a UUID that clerks can read out and compare. */
export function shortId(id: string | null): string {
  return id === null ? '' : id.slice(0, 8).toUpperCase();
}
