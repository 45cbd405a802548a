// Ordered processing steps: add, remove, move up/down. The order is the row position.
import { useT } from '../../../i18n/i18n-context.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import {
  STEP_ROLES,
  STEP_UNIT_KINDS,
  type StepRole,
  type StepUnitKind,
  TIME_UNITS,
  type TimeUnit,
} from '../api/procedure.types.ts';
import { moveItem, refocus } from './move.ts';
import { newStep, type StepDraft } from './procedure-draft.ts';

/** Edits the step rows. */
export function StepsEditor({
  steps,
  onChange,
  errors,
}: {
  steps: StepDraft[];
  onChange: (steps: StepDraft[]) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const update = (index: number, patch: Partial<StepDraft>) =>
    onChange(steps.map((step, i) => (i === index ? { ...step, ...patch } : step)));
  const move = (from: number, to: number, control: 'up' | 'down') => {
    onChange(moveItem(steps, from, to));
    const stay = control === 'up' ? to > 0 : to < steps.length - 1;
    refocus(`proc-steps-${to}-${stay ? control : control === 'up' ? 'down' : 'up'}`);
  };
  const roles = STEP_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const kinds = STEP_UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }));
  const units = TIME_UNITS.map((u) => ({ value: u, label: t(`timeUnit.${u}`) }));

  return (
    <section className="section" id="proc-steps" tabIndex={-1} aria-labelledby="proc-steps-title">
      <h2 id="proc-steps-title" className="section__title">
        {t('steps.title')}
      </h2>
      {errors.steps ? <p className="field__error">{errors.steps}</p> : null}
      {steps.length === 0 ? <p className="muted">{t('steps.none')}</p> : null}
      <ol className="step-list">
        {steps.map((step, i) => {
          const label = t('steps.rowLegend', { n: i + 1 });
          return (
            <li key={step.uid}>
              <fieldset className="repeat-row repeat-row--step">
                <legend className="repeat-row__legend">{label}</legend>
                <TextField
                  id={`proc-steps-${i}-name`}
                  label={t('steps.name')}
                  value={step.name}
                  error={errors[`steps.${i}.name`]}
                  onChange={(e) => update(i, { name: e.target.value })}
                />
                <SelectField
                  id={`proc-steps-${i}-role`}
                  label={t('steps.role')}
                  value={step.role}
                  options={roles}
                  error={errors[`steps.${i}.role`]}
                  onChange={(e) => update(i, { role: e.target.value as StepRole })}
                />
                <SelectField
                  id={`proc-steps-${i}-unitKind`}
                  label={t('steps.unitKind')}
                  value={step.unitKind}
                  options={kinds}
                  error={errors[`steps.${i}.unitKind`]}
                  onChange={(e) => update(i, { unitKind: e.target.value as StepUnitKind })}
                />
                <TextField
                  id={`proc-steps-${i}-duration-value`}
                  label={t('steps.duration')}
                  inputMode="decimal"
                  className="field--short"
                  value={step.durationValue}
                  error={errors[`steps.${i}.duration.value`]}
                  onChange={(e) => update(i, { durationValue: e.target.value })}
                />
                <SelectField
                  id={`proc-steps-${i}-duration-unit`}
                  label={t('steps.durationUnit')}
                  value={step.durationUnit}
                  options={units}
                  error={errors[`steps.${i}.duration.unit`]}
                  onChange={(e) => update(i, { durationUnit: e.target.value as TimeUnit })}
                />
                <div className="button-group button-group--tight">
                  <button
                    type="button"
                    id={`proc-steps-${i}-up`}
                    className="button button--secondary button--small"
                    disabled={i === 0}
                    onClick={() => move(i, i - 1, 'up')}
                  >
                    {t('action.moveUp')}
                    <span className="visually-hidden"> ({label})</span>
                  </button>
                  <button
                    type="button"
                    id={`proc-steps-${i}-down`}
                    className="button button--secondary button--small"
                    disabled={i === steps.length - 1}
                    onClick={() => move(i, i + 1, 'down')}
                  >
                    {t('action.moveDown')}
                    <span className="visually-hidden"> ({label})</span>
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => onChange(steps.filter((_, j) => j !== i))}
                  >
                    {t('action.remove')}
                    <span className="visually-hidden"> ({label})</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...steps, newStep()])}
      >
        {t('steps.add')}
      </button>
    </section>
  );
}
