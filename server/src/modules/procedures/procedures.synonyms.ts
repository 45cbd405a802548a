// The catalogue's search synonyms (procedure_synonym), read and replaced as one list by
// system administrators; every replacement is audited with the list before and after.
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { ValidationError } from '../../platform/errors.js';
import { proceduresRepository as repo } from './procedures.repository.js';
import { matchWords } from './procedures.search.js';
import type { ProceduresDeps } from './procedures.service.js';
import { DEFAULT_SYNONYMS } from './procedures.synonyms-default.js';

type Db = Kysely<Database>;

/** The list as the API shows it. */
export interface SynonymList {
  items: { terms: string[] }[];
}

/** The groups in force: the saved list, or the starting list while none was saved. */
export async function synonymGroups(db: Db): Promise<string[][]> {
  const saved = await repo.listSynonyms(db);
  return saved.length > 0 ? saved : DEFAULT_SYNONYMS.map((terms) => [...terms]);
}

/** The synonym groups in list order. */
export async function listSynonyms(db: Db): Promise<SynonymList> {
  return { items: (await synonymGroups(db)).map((terms) => ({ terms })) };
}

/**
 * A term must mean something to the search (some letter or digit) and may appear once in
 * the whole list: a term in two groups would silently join them.
 */
function checkList(list: SynonymList): void {
  const errors: { path: string; message: string }[] = [];
  const firstSeen = new Map<string, string>();
  list.items.forEach((group, g) => {
    group.terms.forEach((term, t) => {
      const path = `body.items.${g}.terms.${t}`;
      const folded = matchWords(term).join(' ');
      if (folded === '') {
        errors.push({ path, message: 'Từ đồng nghĩa cần có chữ cái hoặc chữ số.' });
        return;
      }
      const earlier = firstSeen.get(folded);
      if (earlier) {
        errors.push({
          path,
          message: `"${term}" trùng với "${earlier}" đã có trong danh sách (không phân biệt dấu, hoa thường).`,
        });
        return;
      }
      firstSeen.set(folded, term);
    });
  });
  if (errors.length > 0) {
    throw new ValidationError(
      'Danh sách từ đồng nghĩa có lỗi; sửa các mục được chỉ ra rồi lưu lại.',
      errors,
    );
  }
}

/** Replaces the whole list (what an administrator's editor saves), audited. */
export async function replaceSynonyms(
  deps: ProceduresDeps,
  actor: Actor,
  list: SynonymList,
): Promise<SynonymList> {
  checkList(list);
  const groups = list.items.map((g) => g.terms);
  return deps.db.transaction().execute(async (trx) => {
    const before = await listSynonyms(trx);
    await repo.replaceSynonyms(trx, groups);
    const after = { items: groups.map((terms) => ({ terms })) };
    await recordAudit(trx, actor, {
      action: 'procedure_synonym.replace',
      entityType: 'procedure_synonym',
      entityId: 'all',
      before,
      after,
    });
    return after;
  });
}
