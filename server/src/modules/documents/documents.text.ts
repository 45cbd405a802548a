// Small pure helpers of documents: the words a document is found by, its number as written.
import { foldVietnamese } from '@cqs/shared/procedures/index';
import type { DocumentRow } from './documents.repository.js';

/** The words a document is found by (folded: no diacritics, lower case). */
export function searchTextOf(parts: (string | null | undefined)[]): string {
  return foldVietnamese(parts.filter(Boolean).join(' '))
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "05/KH-UBND" of a document, or null before it has a number. */
export function numberSymbolOf(
  d: Pick<DocumentRow, 'code_number' | 'code_notation'>,
): string | null {
  return d.code_number ? `${d.code_number}/${d.code_notation}` : null;
}
