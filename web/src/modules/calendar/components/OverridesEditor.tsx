// The year's overrides: extra days off and weekend days worked, saved together with PUT.
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { LoadError, Loading, Notice } from '../../../ui/Notice.tsx';
import { putOverrides } from '../api/calendar.api.ts';
import type { Overrides } from '../api/calendar.types.ts';
import { useOverrides } from '../hooks/use-calendar-days.ts';
import { DateListEditor } from './DateListEditor.tsx';

/** Edits the overrides of `year`; `onSaved` lets the calendar reload. */
export function OverridesEditor({
  year,
  canEdit,
  onSaved,
}: {
  year: number;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const t = useT();
  const loaded = useOverrides(year);
  const [draft, setDraft] = useState<Overrides>({ daysOff: [], workingDays: [] });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (loaded.data) setDraft(loaded.data);
    setMessage(null);
  }, [loaded.data]);

  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await putOverrides(year, draft);
      setMessage({ ok: true, text: t('overrides.saved', { year }) });
      onSaved();
    } catch (error) {
      setMessage({ ok: false, text: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="overrides-title">
      <h2 id="overrides-title" className="section__title">
        {t('overrides.title', { year })}
      </h2>
      <p className="field__hint">{t('overrides.intro')}</p>
      {loaded.error ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
      {loaded.loading ? (
        <Loading />
      ) : (
        <div className="grid grid--2">
          <DateListEditor
            id="overrides-days-off"
            year={year}
            legend={t('overrides.daysOff')}
            hint={t('overrides.daysOffHint')}
            dates={draft.daysOff}
            onChange={(daysOff) => setDraft((d) => ({ ...d, daysOff }))}
          />
          <DateListEditor
            id="overrides-working-days"
            year={year}
            legend={t('overrides.workingDays')}
            hint={t('overrides.workingDaysHint')}
            dates={draft.workingDays}
            onChange={(workingDays) => setDraft((d) => ({ ...d, workingDays }))}
          />
        </div>
      )}
      {canEdit ? (
        <button type="button" className="button" disabled={busy || loaded.loading} onClick={save}>
          {t('overrides.save')}
        </button>
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
    </section>
  );
}
