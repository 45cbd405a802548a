import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { todayVn } from '../lib/format.ts';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { PanelProblem } from '../modules/ioc/index.ts';
import { listPlans, PlanImport } from '../modules/plans/index.ts';
import { TextField } from '../ui/Field.tsx';
import { Loading } from '../ui/Notice.tsx';

/** /ke-hoach — the plans of the user's units, by year; import a plan file. */
export function PlansPage() {
  const t = useT();
  useDocumentTitle(t('plans.title'));
  const [params, setParams] = useSearchParams();
  const year = params.get('year') || todayVn().slice(0, 4);
  const [draft, setDraft] = useState(year);
  const plans = useAsync((signal) => listPlans({ year }, signal), [year]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (/^\d{4}$/.test(draft)) setParams({ year: draft });
  };
  return (
    <div className="page">
      <h1 className="page__title">{t('plans.title')}</h1>
      <search>
        <form className="filters" onSubmit={onSubmit}>
          <TextField
            id="plans-year"
            label={t('plans.year')}
            inputMode="numeric"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            error={/^\d{4}$/.test(draft) ? undefined : t('plans.yearInvalid')}
          />
          <button type="submit" className="button">
            {t('action.apply')}
          </button>
        </form>
      </search>
      {plans.error ? <PanelProblem error={plans.error} onRetry={plans.reload} /> : null}
      {plans.loading && !plans.data ? <Loading /> : null}
      {plans.data && plans.data.length === 0 ? <p className="muted">{t('plans.none')}</p> : null}
      {plans.data && plans.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('plans.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.col.title')}</th>
                <th scope="col">{t('plans.col.unit')}</th>
                <th scope="col">{t('plans.year')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.data.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/ke-hoach/${encodeURIComponent(p.id)}`}>{p.title}</Link>
                  </td>
                  <td>{p.unitName ?? p.unitCode}</td>
                  <td>{p.year}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <PlanImport />
    </div>
  );
}
