// The search synonym list (GET/PUT /api/v1/procedure-synonyms, administrators), edited as
// text: one group per line, its interchangeable terms separated by commas.
import { apiRequest } from '../../../api/client.ts';

export interface SynonymList {
  items: { terms: string[] }[];
}

const PATH = '/api/v1/procedure-synonyms';

/** The administrators' page of the list. */
export const SYNONYMS_PATH = '/quan-tri/thu-tuc/tu-dong-nghia';

export function getSynonyms(signal: AbortSignal): Promise<SynonymList> {
  return apiRequest<SynonymList>(PATH, { signal });
}

export function saveSynonyms(list: SynonymList): Promise<SynonymList> {
  return apiRequest<SynonymList>(PATH, { method: 'PUT', json: list });
}

/** "sổ đỏ, sổ hồng" lines → groups; blank lines and empty terms are dropped. */
export function parseSynonymText(text: string): SynonymList {
  return {
    items: text
      .split('\n')
      .map((line) =>
        line
          .split(',')
          .map((term) => term.trim())
          .filter((term) => term.length > 0),
      )
      .filter((terms) => terms.length > 0)
      .map((terms) => ({ terms })),
  };
}

/** Groups → the editor's text. */
export function synonymText(list: SynonymList): string {
  return list.items.map((g) => g.terms.join(', ')).join('\n');
}

/** The editor's line of a server problem path `body.items.<n>…` (1-based), if any. */
export function lineOfPath(path: string): number | null {
  const m = /^body\.items\.(\d+)/.exec(path);
  return m ? Number(m[1]) + 1 : null;
}
