import { ApiError } from '../api/client.ts';
import type { TFunction } from '../i18n/i18n-context.tsx';

/** The message to show for a failed call: the server's Vietnamese detail when there is one. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.detail) return error.detail;
    if (error.status === 0) return t('error.network');
    if (error.status === 401) return t('error.unauthenticated');
    if (error.status === 403) return t('error.forbidden');
    if (error.status === 404) return t('error.notFound');
  }
  return t('error.unexpected');
}
