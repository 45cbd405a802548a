import {
  DOCUMENT_TYPES,
  REVIEW_STEP_LABELS,
  REVIEW_STEP_ROLES,
  type ReviewFlowsView,
} from '@cqs/shared/documents/index';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  documentsErrorText,
  getReviewFlows,
  roleUnits,
  saveReviewFlow,
  useAllUnits,
} from '../modules/documents/index.ts';
import { useAuth } from '../modules/identity/index.ts';
import { CheckboxField, SelectField } from '../ui/Field.tsx';
import { LoadError, Loading, Notice } from '../ui/Notice.tsx';

const ALL_TYPES = '*';
const typeLabel = (code: string, all: string) =>
  code === ALL_TYPES ? all : (DOCUMENT_TYPES.find((x) => x.code === code)?.name ?? code);

/**
 * /van-ban/quy-trinh-trinh-duyet — a unit's approval flows (trình duyệt) per document type: which
 * steps a draft goes through before the signer (the drafting department's head, the office's
 * check of form, the leader). Its leaders and administrators change them; drafts submitted
 * afterwards take the new flow.
 */
export function ReviewFlowsPage() {
  const t = useT();
  useDocumentTitle(t('documents.flows.title'));
  const { user } = useAuth();
  const { nameOf } = useAllUnits();
  const editableUnits = roleUnits(user, ['leader', 'admin']);
  const units =
    editableUnits.length > 0
      ? editableUnits
      : roleUnits(user, ['specialist', 'desk_officer', 'secretariat']);
  const [unit, setUnit] = useState(units[0] ?? '');
  useEffect(() => {
    if (!unit && units[0]) setUnit(units[0]);
  }, [unit, units]);
  const state = useAsync(
    (signal) => (unit ? getReviewFlows(unit, signal) : Promise.resolve(undefined)),
    [unit],
  );
  const flows: ReviewFlowsView | undefined = state.data;
  const [type, setType] = useState(ALL_TYPES);
  const [steps, setSteps] = useState<string[]>(['office', 'leader']);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  // The form shows the flow in force for the chosen type.
  useEffect(() => {
    if (!flows) return;
    const own = flows.flows.find((f) => f.typeCode === type) ??
      flows.flows.find((f) => f.typeCode === ALL_TYPES) ?? { steps: flows.defaultSteps };
    setSteps(own.steps.map((s) => s.role));
  }, [flows, type]);

  const change = async (typeCode: string, next: string[] | null, message: string) => {
    if (busy) return;
    setBusy(true);
    setError('');
    setDone('');
    try {
      state.setData(await saveReviewFlow(unit, typeCode, next));
      setDone(message);
    } catch (e) {
      setError(documentsErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (steps.length === 0) {
      setError(t('documents.flows.stepsRequired'));
      return;
    }
    void change(
      type,
      steps,
      t('documents.flows.saved', { type: typeLabel(type, t('documents.flows.allTypes')) }),
    );
  };

  return (
    <div className="page">
      <p className="back-link">
        <Link to="/van-ban">{t('documents.doc.back')}</Link>
      </p>
      <h1 className="page__title">{t('documents.flows.title')}</h1>
      <p className="muted">{t('documents.flows.lead')}</p>
      {units.length > 1 ? (
        <SelectField
          id="flows-unit"
          label={t('documents.flows.unit')}
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
          options={units.map((u) => ({ value: u, label: nameOf(u) }))}
        />
      ) : null}
      {units.length === 0 ? (
        <p className="muted">{t('documents.flows.noUnit')}</p>
      ) : state.error ? (
        <LoadError error={state.error} onRetry={state.reload} />
      ) : !flows ? (
        <Loading />
      ) : (
        <>
          {done ? <Notice>{done}</Notice> : null}
          {error ? (
            <p className="notice notice--warning" role="alert">
              {error}
            </p>
          ) : null}
          <section className="section" aria-labelledby="flows-current-title">
            <h2 id="flows-current-title" className="section__title">
              {t('documents.flows.current', { unit: nameOf(unit) })}
            </h2>
            <div className="table-wrap">
              <table className="table table--dense">
                <caption className="visually-hidden">
                  {t('documents.flows.current', { unit: nameOf(unit) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('documents.flows.type')}</th>
                    <th scope="col">{t('documents.flows.steps')}</th>
                    {flows.editable ? (
                      <th scope="col">
                        <span className="visually-hidden">{t('documents.flows.reset')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {flows.flows.map((f) => (
                    <tr key={f.typeCode}>
                      <td>{typeLabel(f.typeCode, t('documents.flows.allTypes'))}</td>
                      <td>{f.steps.map((s) => s.label).join(' → ')}</td>
                      {flows.editable ? (
                        <td>
                          <button
                            type="button"
                            className="button button--small button--link"
                            disabled={busy}
                            onClick={() =>
                              void change(f.typeCode, null, t('documents.flows.resetDone'))
                            }
                          >
                            {t('documents.flows.reset')}
                            <span className="visually-hidden">
                              : {typeLabel(f.typeCode, t('documents.flows.allTypes'))}
                            </span>
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                  <tr>
                    <td>{t('documents.flows.default')}</td>
                    <td>{flows.defaultSteps.map((s) => s.label).join(' → ')}</td>
                    {flows.editable ? <td /> : null}
                  </tr>
                </tbody>
              </table>
            </div>
          </section>
          {flows.editable ? (
            <section className="panel" aria-labelledby="flows-edit-title">
              <h2 id="flows-edit-title" className="panel__title">
                {t('documents.flows.edit')}
              </h2>
              <form onSubmit={onSubmit} noValidate>
                <SelectField
                  id="flows-type"
                  label={t('documents.flows.type')}
                  value={type}
                  onChange={(e) => setType(e.target.value)}
                  options={[
                    { value: ALL_TYPES, label: t('documents.flows.allTypes') },
                    ...DOCUMENT_TYPES.map((x) => ({ value: x.code, label: x.name })),
                  ]}
                />
                <fieldset className="fieldset">
                  <legend>{t('documents.flows.stepsLegend')}</legend>
                  {REVIEW_STEP_ROLES.map((role) => (
                    <CheckboxField
                      key={role}
                      id={`flows-step-${role}`}
                      label={REVIEW_STEP_LABELS[role]}
                      checked={steps.includes(role)}
                      onChange={(e) =>
                        setSteps((s) =>
                          REVIEW_STEP_ROLES.filter((r) =>
                            r === role ? e.target.checked : s.includes(r),
                          ),
                        )
                      }
                    />
                  ))}
                </fieldset>
                <button
                  type="submit"
                  className="button"
                  disabled={busy}
                  aria-busy={busy || undefined}
                >
                  {t('documents.flows.save')}
                </button>
              </form>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
