// Changing a plan's target after import (issue 12 deliver 1): the indicator it is graded by,
// the comparator and values, and handing it down to the plan unit's child units with their
// own values (giao chỉ tiêu cho cấp dưới). PATCH …/targets/{id} and PUT …/assignments; the
// server checks that the caller writes plans of that unit (403/404 otherwise).
import { COMPARATORS, type Comparator } from '@cqs/shared/plans/index';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { useUnitOptions } from '../../org/index.ts';
import type { Plan, PlanTarget } from '../api/plan.types.ts';
import { assignPlanTarget, updatePlanTarget } from '../api/plans.api.ts';
import { parsePlanNumber, showPlanNumber } from '../lib/plan-number.ts';

interface Draft {
  indicatorCode: string;
  comparator: Comparator;
  targetValue: string;
  stretchValue: string;
  baseline: string;
  unitOfMeasure: string;
}

type DraftErrors = Partial<Record<keyof Draft, string>>;

const draftOf = (x: PlanTarget): Draft => ({
  indicatorCode: x.indicatorCode ?? '',
  comparator: x.comparator,
  targetValue: showPlanNumber(x.targetValue),
  stretchValue: showPlanNumber(x.stretchValue),
  baseline: showPlanNumber(x.baseline),
  unitOfMeasure: x.unitOfMeasure,
});

const short = (text: string) => (text.length > 110 ? `${text.slice(0, 107)}…` : text);

export function TargetEditor({
  plan,
  indicators,
  onSaved,
}: {
  plan: Plan;
  /** The indicators a target may be graded by (code and name). */
  indicators: { code: string; name: string }[];
  /** Called after a change is stored: the page reloads the plan and its grades. */
  onSaved: () => void;
}) {
  const t = useT();
  const [targetId, setTargetId] = useState('');
  const target = plan.targets.find((x) => x.id === targetId);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [values, setValues] = useState<Record<string, string>>({});
  const [valueErrors, setValueErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { units } = useUnitOptions();
  const children = useMemo(
    () => (units ?? []).filter((u) => u.parentCode === plan.unitCode && !u.validTo),
    [units, plan.unitCode],
  );
  // A target picked (or the plan reloaded after a save): its stored values fill the forms.
  useEffect(() => {
    setDraft(target ? draftOf(target) : null);
    setValues(
      Object.fromEntries(
        (target?.assignments ?? []).map((a) => [a.unitCode, showPlanNumber(a.value)]),
      ),
    );
    setErrors({});
    setValueErrors({});
  }, [target]);

  const run = async (save: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setNotice(null);
    try {
      await save();
      setNotice({ kind: 'success', text: done });
      onSaved();
    } catch (err) {
      setNotice({ kind: 'error', text: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };

  const saveTarget = (e: FormEvent) => {
    e.preventDefault();
    if (!target || !draft) return;
    const found: DraftErrors = {};
    const targetValue = parsePlanNumber(draft.targetValue);
    const stretchValue = parsePlanNumber(draft.stretchValue);
    const baseline = parsePlanNumber(draft.baseline);
    if (targetValue === null) found.targetValue = t('plans.edit.required');
    else if (targetValue === 'invalid') found.targetValue = t('plans.edit.number');
    if (stretchValue === 'invalid') found.stretchValue = t('plans.edit.number');
    if (baseline === 'invalid') found.baseline = t('plans.edit.number');
    if (!draft.unitOfMeasure.trim()) found.unitOfMeasure = t('plans.edit.required');
    setErrors(found);
    if (Object.keys(found).length) return;
    void run(
      () =>
        updatePlanTarget(plan.id, target.id, {
          indicatorCode: draft.indicatorCode || null,
          comparator: draft.comparator,
          targetValue: targetValue as number,
          stretchValue: stretchValue as number | null,
          baseline: baseline as number | null,
          unitOfMeasure: draft.unitOfMeasure.trim(),
        }),
      t('plans.edit.saved'),
    );
  };

  const saveAssignments = (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    const found: Record<string, string> = {};
    const items: { unitCode: string; value: number }[] = [];
    for (const u of children) {
      const v = parsePlanNumber(values[u.code] ?? '');
      if (v === 'invalid') found[u.code] = t('plans.edit.number');
      else if (v !== null) items.push({ unitCode: u.code, value: v });
    }
    setValueErrors(found);
    if (Object.keys(found).length) return;
    void run(() => assignPlanTarget(plan.id, target.id, items), t('plans.edit.assigned'));
  };

  const set = (patch: Partial<Draft>) => draft && setDraft({ ...draft, ...patch });
  return (
    <section className="plans-edit" aria-labelledby="plan-edit">
      <h2 id="plan-edit">{t('plans.edit.title')}</h2>
      <p className="muted">{t('plans.edit.intro')}</p>
      {notice ? (
        <p
          className={`notice notice--${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      ) : null}
      <SelectField
        id="plan-edit-target"
        label={t('plans.edit.target')}
        value={targetId}
        onChange={(e) => {
          setTargetId(e.target.value);
          setNotice(null);
        }}
        options={[
          { value: '', label: t('form.choose') },
          ...plan.targets.map((x) => ({
            value: x.id,
            label: `${x.position}. ${short(x.scope ? `${x.text} (${x.scope})` : x.text)}`,
          })),
        ]}
      />
      {target && draft ? (
        <>
          <form onSubmit={saveTarget} noValidate aria-labelledby="plan-edit-values">
            <h3 id="plan-edit-values">{t('plans.edit.values')}</h3>
            <SelectField
              id="plan-edit-indicator"
              label={t('plans.edit.indicator')}
              hint={t('plans.edit.indicatorHint')}
              value={draft.indicatorCode}
              onChange={(e) => set({ indicatorCode: e.target.value })}
              options={[
                { value: '', label: t('plans.edit.noIndicator') },
                ...indicators.map((i) => ({ value: i.code, label: `${i.name} (${i.code})` })),
              ]}
            />
            <div className="filters">
              <SelectField
                id="plan-edit-comparator"
                label={t('plans.edit.comparator')}
                value={draft.comparator}
                onChange={(e) => set({ comparator: e.target.value as Comparator })}
                options={COMPARATORS.map((c) => ({
                  value: c,
                  label: t(
                    `plans.edit.comparator.${c === '>=' ? 'atLeast' : c === '<=' ? 'atMost' : 'equal'}`,
                  ),
                }))}
              />
              <TextField
                id="plan-edit-value"
                label={t('plans.edit.targetValue')}
                inputMode="decimal"
                value={draft.targetValue}
                error={errors.targetValue}
                onChange={(e) => set({ targetValue: e.target.value })}
              />
              <TextField
                id="plan-edit-stretch"
                label={`${t('plans.edit.stretch')} ${t('form.optional')}`}
                inputMode="decimal"
                value={draft.stretchValue}
                error={errors.stretchValue}
                onChange={(e) => set({ stretchValue: e.target.value })}
              />
              <TextField
                id="plan-edit-baseline"
                label={`${t('plans.edit.baseline')} ${t('form.optional')}`}
                inputMode="decimal"
                value={draft.baseline}
                error={errors.baseline}
                onChange={(e) => set({ baseline: e.target.value })}
              />
              <TextField
                id="plan-edit-measure"
                label={t('plans.edit.measure')}
                value={draft.unitOfMeasure}
                error={errors.unitOfMeasure}
                onChange={(e) => set({ unitOfMeasure: e.target.value })}
              />
            </div>
            <button type="submit" className="button" disabled={busy}>
              {t('plans.edit.save')}
            </button>
          </form>
          <form onSubmit={saveAssignments} noValidate aria-labelledby="plan-edit-assign">
            <h3 id="plan-edit-assign">{t('plans.edit.assign')}</h3>
            {children.length === 0 ? (
              <p className="muted">{t('plans.edit.noChildren')}</p>
            ) : (
              <>
                <p className="muted">{t('plans.edit.assignHint')}</p>
                <div className="plans-edit__children">
                  {children.map((u) => (
                    <TextField
                      key={u.code}
                      id={`plan-assign-${u.code}`}
                      label={`${u.fullName || u.name} (${u.code})`}
                      inputMode="decimal"
                      value={values[u.code] ?? ''}
                      error={valueErrors[u.code]}
                      onChange={(e) => setValues({ ...values, [u.code]: e.target.value })}
                    />
                  ))}
                </div>
                <button type="submit" className="button" disabled={busy}>
                  {t('plans.edit.assignSave')}
                </button>
              </>
            )}
          </form>
        </>
      ) : null}
    </section>
  );
}
