// Words of the documents vocabulary through the message catalogue (so English works too), and
// the documents' way of saying an API failure (a route not there yet said plainly).
import { DOCUMENT_TYPES } from '@cqs/shared/documents/index';
import { ApiError } from '../../../api/client.ts';
import type { TFunction } from '../../../i18n/i18n-context.tsx';
import { type MessageKey, vi } from '../../../i18n/vi.ts';
import { errorText } from '../../../ui/error-text.ts';

/** A type's name (Phụ lục III of ND30; kept in Vietnamese: they are the documents' own names). */
export function typeName(code: string): string {
  return DOCUMENT_TYPES.find((type) => type.code === code)?.name ?? code;
}

/** The message of `key` when the catalogue has it, else `fallback`. */
function known(t: TFunction, key: string, fallback: string): string {
  return key in vi ? t(key as MessageKey) : fallback;
}

/** A status in words. */
export const statusText = (t: TFunction, status: string) =>
  known(t, `documents.status.${status}`, status);
/** An urgency in words. */
export const urgencyText = (t: TFunction, urgency: string) =>
  known(t, `documents.urgency.${urgency}`, urgency);
/** A confidentiality in words. */
export const confidentialityText = (t: TFunction, c: string) =>
  known(t, `documents.confidentiality.${c}`, c);
/** A handling role in words. */
export const roleText = (t: TFunction, role: string) => known(t, `documents.role.${role}`, role);
/** A history event in words (an unknown one by its code). */
export const eventText = (t: TFunction, action: string) =>
  known(t, `documents.event.${action}`, action);
/** Where an incoming document came from. */
export const sourceText = (t: TFunction, source: string) =>
  known(t, `documents.source.${source}`, source);
/** What a file of a document is. */
export const fileKindText = (t: TFunction, kind: string) =>
  known(t, `documents.doc.fileKind.${kind}`, kind);

/** True when the API answered that the route does not exist (yet). */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.code === 'route_not_found';
}

/** The message for a failed documents call: the server's detail, or "not on the server yet". */
export function documentsErrorText(error: unknown, t: TFunction): string {
  if (isMissingRoute(error)) return t('documents.error.notYet');
  return errorText(error, t);
}
