// Saving the editor's draft: validate with the shared schema first and send only a valid
// body; a refusal from the server is keyed onto the same inputs as the client's own errors.
import type { TFunction } from '../../../i18n/i18n-context.tsx';
import type { SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import type { Procedure, ProcedureInput } from '../api/procedure.types.ts';
import { createProcedure, updateProcedure } from '../api/procedures.api.ts';
import type { ProcedureDraft } from './procedure-draft.ts';
import { procedureFieldKey } from './procedure-error-keys.ts';
import { validateDraft } from './procedure-validate.ts';

/** Id prefix of the editor's inputs (see fieldId). */
export const EDITOR_PREFIX = 'proc';

/** The calls that save a procedure (replaced in tests). */
export interface ProcedureSender {
  create: (input: ProcedureInput) => Promise<Procedure>;
  update: (id: string, input: ProcedureInput) => Promise<Procedure>;
}
const API: ProcedureSender = { create: createProcedure, update: updateProcedure };

/** Either the saved procedure or the errors to show beside the fields and in the summary. */
export type SaveOutcome =
  | { saved: Procedure }
  | { saved?: undefined; fields: FieldErrors; summary: SummaryItem[] };

/** Validates `draft` and, when valid, creates it or replaces `procedure`; `onSend` runs just before the request. */
export async function saveDraft(
  draft: ProcedureDraft,
  procedure: Procedure | undefined,
  t: TFunction,
  { api = API, onSend }: { api?: ProcedureSender; onSend?: () => void } = {},
): Promise<SaveOutcome> {
  const { input, errors } = validateDraft(draft, t);
  if (Object.keys(errors).length)
    return { fields: errors, summary: summaryItems(errors, EDITOR_PREFIX) };
  onSend?.();
  try {
    return { saved: procedure ? await api.update(procedure.id, input) : await api.create(input) };
  } catch (error) {
    return serverErrors(error, EDITOR_PREFIX, t, (segments) => procedureFieldKey(segments, draft));
  }
}
