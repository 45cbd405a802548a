// Working hours and receipt cut-off of one unit (giờ làm việc, giờ tiếp nhận).
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, isAbort } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { parseTime } from '../../../lib/format.ts';
import { errorText } from '../../../ui/error-text.ts';
import { TextField } from '../../../ui/Field.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import { inSubtrees, UnitSelect, useUnitOptions } from '../../org/index.ts';
import { getWorkingHours, putWorkingHours } from '../api/calendar.api.ts';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../api/calendar.types.ts';

type Slot = 'morningStart' | 'morningEnd' | 'afternoonStart' | 'afternoonEnd' | 'cutoff';
const flatten = (h: WorkingHours): Record<Slot, string> => ({
  morningStart: h.morning.start,
  morningEnd: h.morning.end,
  afternoonStart: h.afternoon.start,
  afternoonEnd: h.afternoon.end,
  cutoff: h.cutoff,
});
const SLOTS: Slot[] = ['morningStart', 'morningEnd', 'afternoonStart', 'afternoonEnd', 'cutoff'];

/**
 * Loads and saves the settings of the chosen unit. `editRoots` says where the user may change
 * them: null everywhere (system administrator), else in the subtrees of those units (a unit
 * administrator); elsewhere, and for other staff (`[]`), the hours are shown read-only.
 */
export function WorkingHoursForm({ editRoots }: { editRoots: readonly string[] | null }) {
  const t = useT();
  const [unitCode, setUnitCode] = useState('');
  const { units } = useUnitOptions();
  const canEdit = !!unitCode && inSubtrees(units ?? [], editRoots)(unitCode);
  const [values, setValues] = useState(flatten(DEFAULT_WORKING_HOURS));
  const [errors, setErrors] = useState<Partial<Record<Slot, string>>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setMessage(null);
    if (!unitCode) return;
    const controller = new AbortController();
    getWorkingHours(unitCode, controller.signal).then(
      (hours) => setValues(flatten(hours)),
      (error: unknown) => {
        if (isAbort(error)) return;
        // No settings yet: start from the defaults.
        if (error instanceof ApiError && error.status === 404)
          setValues(flatten(DEFAULT_WORKING_HOURS));
        else setMessage({ ok: false, text: errorText(error, t) });
      },
    );
    return () => controller.abort();
  }, [unitCode, t]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = Object.fromEntries(SLOTS.map((s) => [s, parseTime(values[s])])) as Record<
      Slot,
      string | null
    >;
    const local: Partial<Record<Slot, string>> = {};
    for (const s of SLOTS) if (!parsed[s]) local[s] = t('validation.time');
    if (
      !local.morningEnd &&
      !local.afternoonStart &&
      (parsed.morningEnd ?? '') > (parsed.afternoonStart ?? '')
    )
      local.afternoonStart = t('hours.order');
    setErrors(local);
    if (Object.keys(local).length || !unitCode) return;
    setBusy(true);
    setMessage(null);
    try {
      const saved = await putWorkingHours(unitCode, {
        morning: { start: parsed.morningStart ?? '', end: parsed.morningEnd ?? '' },
        afternoon: { start: parsed.afternoonStart ?? '', end: parsed.afternoonEnd ?? '' },
        cutoff: parsed.cutoff ?? '',
      });
      if (saved) setValues(flatten(saved));
      setMessage({ ok: true, text: t('hours.saved') });
    } catch (error) {
      setMessage({ ok: false, text: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="hours-title">
      <h2 id="hours-title" className="section__title">
        {t('hours.title')}
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <UnitSelect
          id="hours-unit"
          label={t('hours.unit')}
          value={unitCode}
          onChange={setUnitCode}
        />
        {unitCode ? (
          <>
            <div className="grid grid--2">
              {SLOTS.map((slot) => (
                <TextField
                  key={slot}
                  id={`hours-${slot}`}
                  label={t(`hours.${slot}`)}
                  hint={t('hint.time24')}
                  inputMode="numeric"
                  className="field--short"
                  value={values[slot]}
                  error={errors[slot]}
                  readOnly={!canEdit}
                  onChange={(e) => setValues((v) => ({ ...v, [slot]: e.target.value }))}
                />
              ))}
            </div>
            {canEdit ? (
              <button type="submit" className="button" disabled={busy}>
                {t('hours.save')}
              </button>
            ) : null}
          </>
        ) : null}
        {message ? (
          message.ok ? (
            <Notice>{message.text}</Notice>
          ) : (
            <p className="notice notice--error" role="alert">
              {message.text}
            </p>
          )
        ) : null}
      </form>
    </section>
  );
}
