// Client-side validation of the draft with the server's own zod schema (style.md rule 14):
// the API body is parsed with ProcedureInputSchema and each issue is keyed like a server
// problem, so both kinds of error land beside the same inputs. Only what the body cannot
// show is checked here by hand. The server stays the authority.
import { checkProcedureRules, ProcedureInputSchema } from '@cqs/shared/procedures/index';
import { z } from 'zod';
import type { TFunction } from '../../../i18n/i18n-context.tsx';
import { issuesByPath } from '../../../lib/problem-paths.ts';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import type { ProcedureInput } from '../api/procedure.types.ts';
import { fromDraft, type ProcedureDraft } from './procedure-draft.ts';
import { procedureFieldKey } from './procedure-error-keys.ts';

/** The cross-field rules alone, so they are reported even while a field is still invalid. */
const CrossFieldRules = z
  .custom<Parameters<typeof checkProcedureRules>[0]>()
  .superRefine(checkProcedureRules);

/**
 * Problems the API body cannot show: a stored form the editor could not read (it would be
 * sent empty) and duplicate field keys (they collapse into one property of the form).
 */
export function draftOnlyProblems(d: ProcedureDraft, t: TFunction): FieldErrors {
  const e: FieldErrors = {};
  d.components.forEach((c, i) => {
    const n = i + 1;
    if (c.schemaError !== undefined)
      e[`components.${i}.formSchema`] = t('schema.unreadable', { n });
    c.form.fields.forEach((f, j) => {
      if (c.form.fields.findIndex((o) => o.key === f.key) < j)
        e[`components.${i}.fields.${j}.key`] = t('schema.keyDuplicate', { n, m: j + 1 });
    });
  });
  return e;
}

/** The API body of the draft, and its problems keyed by editor field (empty when it may be sent). */
export function validateDraft(
  d: ProcedureDraft,
  t: TFunction,
): { input: ProcedureInput; errors: FieldErrors } {
  const input = fromDraft(d);
  const parsed = ProcedureInputSchema.safeParse(input);
  if (parsed.success) return { input, errors: draftOnlyProblems(d, t) };
  const rules = CrossFieldRules.safeParse(input);
  const issues = [...parsed.error.issues, ...(rules.error?.issues ?? [])];
  const keyOf = (segments: string[]) => procedureFieldKey(segments, d);
  return { input, errors: { ...issuesByPath(issues, keyOf), ...draftOnlyProblems(d, t) } };
}
