// Client-side checks of the draft, keyed by the same dotted paths the server uses, so both
// kinds of error land beside the same inputs. The server stays the authority.
import type { TFunction } from '../../../i18n/i18n-context.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import { fieldProblems } from './form-schema.ts';
import type { ProcedureDraft } from './procedure-draft.ts';

const isNumber = (text: string, min: number) => {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) && n >= min;
};

/** Problems of the draft; empty when it may be sent. */
export function validateDraft(d: ProcedureDraft, t: TFunction): FieldErrors {
  const e: FieldErrors = {};
  if (!d.code.trim()) e.code = t('procedure.codeRequired');
  if (!d.name.trim()) e.name = t('procedure.nameRequired');
  if (!d.field.trim()) e.field = t('procedure.fieldRequired');
  if (!d.implementingAgency.trim()) e.implementingAgency = t('procedure.agencyRequired');
  if (!isNumber(d.processingValue, 0.01))
    e['processingTime.value'] = t('procedure.processingTimeInvalid');
  d.fees.forEach((f, i) => {
    if (!f.name.trim()) e[`fees.${i}.name`] = t('fees.nameRequired', { n: i + 1 });
    if (!isNumber(f.amount, 0) || !Number.isInteger(Number(f.amount)))
      e[`fees.${i}.amount`] = t('fees.amountInvalid', { n: i + 1 });
  });
  d.steps.forEach((s, i) => {
    if (!s.name.trim()) e[`steps.${i}.name`] = t('steps.nameRequired', { n: i + 1 });
    if (!isNumber(s.durationValue, 0))
      e[`steps.${i}.duration.value`] = t('steps.durationInvalid', { n: i + 1 });
  });
  d.components.forEach((c, i) => {
    const n = i + 1;
    if (!c.key.trim()) e[`components.${i}.key`] = t('components.keyRequired', { n });
    else if (d.components.filter((o) => o.key.trim() === c.key.trim()).length > 1)
      e[`components.${i}.key`] = t('components.keyDuplicate', { n });
    if (!c.name.trim()) e[`components.${i}.name`] = t('components.nameRequired', { n });
    if (!isNumber(c.maxFiles, 1))
      e[`components.${i}.attachment.maxFiles`] = t('components.maxFilesInvalid', { n });
    if (!isNumber(c.maxSizeMb, 0.01))
      e[`components.${i}.attachment.maxSizeMb`] = t('components.maxSizeInvalid', { n });
    if (c.schemaError !== undefined)
      e[`components.${i}.formSchema`] = t('schema.unreadable', { n });
    c.form.fields.forEach((f, j) => {
      const problems = fieldProblems(f, c.form.fields);
      const where = { n, m: j + 1 };
      const base = `components.${i}.fields.${j}`;
      if (problems.key === 'required') e[`${base}.key`] = t('schema.keyRequired', where);
      if (problems.key === 'format') e[`${base}.key`] = t('schema.keyFormat', where);
      if (problems.key === 'duplicate') e[`${base}.key`] = t('schema.keyDuplicate', where);
      if (problems.title) e[`${base}.title`] = t('schema.titleRequired', where);
      if (problems.options) e[`${base}.options`] = t('schema.optionsRequired', where);
      if (problems.pattern) e[`${base}.pattern`] = t('schema.patternInvalid', where);
    });
  });
  return e;
}
