import { ApiError, ClientErrorCode } from '../errors.ts';

type Translate = (key: string) => string;

const CLIENT_CODES: readonly string[] = Object.values(ClientErrorCode);

/**
 * The text to show for a failed request: the client's own failures in the user's language,
 * the api's errors with the message the api wrote for them.
 */
export function errorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('errors.HTTP_ERROR');
  if (error.status === 429) return t('errors.tooManyRequests');
  if (CLIENT_CODES.includes(error.code)) return t(`errors.${error.code}`);
  return error.message;
}
