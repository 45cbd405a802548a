// Entering the value of an indicator the system cannot compute (nhập số liệu chỉ tiêu): the
// 766 sub-indicators without a data source, a plan's targets measured outside the platform,
// figures imported from elsewhere. POST /indicator-values (issue 12 deliver 8); the current
// value is shown first so an officer sees what they replace.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useI18n, useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { errorText } from '../../../ui/error-text.ts';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import {
  type EnteredValue,
  enterIndicatorValue,
  getIndicatorValue,
  listIndicators,
} from '../api/ioc.api.ts';
import { useScopeUnits } from '../hooks/use-scope-units.ts';
import { ENTERING_ROLES } from '../lib/entering.ts';
import { parseEntryValue } from '../lib/entry-value.ts';
import { formatNumber, formatPeriod } from '../lib/period.ts';
import {
  composePeriod,
  PERIOD_PARTS,
  type PeriodPart,
  recentYears,
  splitPeriod,
} from '../lib/period-choice.ts';

/** What the form starts with (from the URL: a link from the 766 panel fills all three). */
export interface EntryStart {
  indicator: string;
  unit: string;
  period: string;
}

interface Errors {
  indicator?: string;
  unit?: string;
  value?: string;
}

export function EnterValueForm({ start, thisYear }: { start: EntryStart; thisYear: number }) {
  const t = useT();
  const { lang } = useI18n();
  const scope = useScopeUnits(ENTERING_ROLES);
  const definitions = useAsync(async (signal) => {
    const all = await listIndicators(signal);
    return all.filter((d) => d.kind !== 'computed');
  }, []);
  const split = splitPeriod(start.period) ?? { year: String(thisYear), part: '' as PeriodPart };
  const [indicator, setIndicator] = useState(start.indicator);
  const [unit, setUnit] = useState(start.unit);
  const [year, setYear] = useState(split.year);
  const [part, setPart] = useState<PeriodPart>(split.part);
  const [value, setValue] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState('');
  const [saved, setSaved] = useState<EnteredValue | null>(null);
  const [busy, setBusy] = useState(false);
  const chosenUnit = unit || scope.roots[0] || '';
  const period = composePeriod(year, part);
  const definition = definitions.data?.find((d) => d.code === indicator);
  const current = useAsync(
    (signal) =>
      indicator && chosenUnit
        ? getIndicatorValue(indicator, chosenUnit, period, { signal })
        : Promise.resolve(null),
    [indicator, chosenUnit, period, saved],
  );
  const years = recentYears(thisYear);
  if (!years.includes(year)) years.push(year);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure('');
    setSaved(null);
    const found: Errors = {};
    if (!definition) found.indicator = t('ioc.entry.pickIndicator');
    if (!chosenUnit) found.unit = t('ioc.entry.pickUnit');
    const parsed = parseEntryValue(value, definition?.unit ?? '');
    if (!parsed.ok) found.value = t(`ioc.entry.value.${parsed.problem}`);
    setErrors(found);
    if (Object.keys(found).length || !parsed.ok || !definition) return;
    setBusy(true);
    try {
      const stored = await enterIndicatorValue({
        indicator: definition.code,
        unit: chosenUnit,
        period,
        value: parsed.value,
        comment: comment.trim() || null,
      });
      setSaved(stored);
      setValue('');
      setComment('');
    } catch (err) {
      if (err instanceof ApiError && err.errors.some((p) => p.path.includes('value')))
        setErrors({ value: err.detail });
      setFailure(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const unitName = (code: string) => `${scope.nameOf(code)} (${code})`;
  // '%' beside the value; a count needs no unit word ('count' is the definition's code for it).
  const measure = definition && definition.unit !== 'count' ? definition.unit : '';
  return (
    <form className="ioc-entry" onSubmit={onSubmit} noValidate aria-labelledby="ioc-entry-title">
      <h2 id="ioc-entry-title">{t('ioc.entry.formTitle')}</h2>
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      {saved ? (
        <p className="notice notice--success" role="status">
          {t('ioc.entry.saved', {
            indicator: definition
              ? lang === 'en'
                ? definition.nameEn
                : definition.name
              : saved.indicator,
            unit: unitName(saved.unit),
            period: formatPeriod(saved.period, lang),
            value: formatNumber(saved.value, 2),
          })}
        </p>
      ) : null}
      {definitions.error ? (
        <p className="notice notice--error" role="alert">
          {errorText(definitions.error, t)}
        </p>
      ) : null}
      <SelectField
        id="entry-indicator"
        label={t('ioc.entry.indicator')}
        value={indicator}
        error={errors.indicator}
        hint={definition?.definition}
        aria-busy={definitions.loading || undefined}
        onChange={(e) => setIndicator(e.target.value)}
        options={[
          {
            value: '',
            label: definitions.loading ? t('status.loading') : t('form.choose'),
          },
          ...(definitions.data ?? []).map((d) => ({
            value: d.code,
            label: `${lang === 'en' ? d.nameEn : d.name} (${d.code})`,
          })),
        ]}
      />
      <SelectField
        id="entry-unit"
        label={t('ioc.entry.unit')}
        value={chosenUnit}
        error={errors.unit}
        onChange={(e) => setUnit(e.target.value)}
        options={[
          ...(scope.units.length ? [] : [{ value: '', label: t('form.choose') }]),
          ...scope.units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
        ]}
      />
      <div className="filters">
        <SelectField
          id="entry-year"
          label={t('ioc.entry.year')}
          value={year}
          onChange={(e) => setYear(e.target.value)}
          options={years.map((y) => ({ value: y, label: y }))}
        />
        <SelectField
          id="entry-part"
          label={t('ioc.entry.part')}
          value={part}
          onChange={(e) => setPart(e.target.value as PeriodPart)}
          options={PERIOD_PARTS.map((p) => ({
            value: p,
            label: p ? formatPeriod(composePeriod(year, p), lang) : t('ioc.entry.wholeYear'),
          }))}
        />
      </div>
      {indicator && chosenUnit ? (
        <p className="muted" data-testid="entry-current">
          {current.loading
            ? t('status.loading')
            : current.data?.value != null
              ? t('ioc.entry.current', {
                  value: formatNumber(current.data.value, 2),
                  measure,
                  period: formatPeriod(period, lang),
                })
              : t('ioc.entry.noCurrent', { period: formatPeriod(period, lang) })}
        </p>
      ) : null}
      <TextField
        id="entry-value"
        label={measure ? `${t('ioc.entry.value')} (${measure})` : t('ioc.entry.value')}
        hint={t('ioc.entry.valueHint')}
        inputMode="decimal"
        value={value}
        error={errors.value}
        onChange={(e) => setValue(e.target.value)}
      />
      <TextAreaField
        id="entry-comment"
        label={`${t('ioc.entry.comment')} ${t('form.optional')}`}
        hint={t('ioc.entry.commentHint')}
        rows={3}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('status.saving') : t('ioc.entry.submit')}
      </button>
    </form>
  );
}
