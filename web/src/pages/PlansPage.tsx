import { PLAN_STATUS_LABELS } from '@cqs/shared/plans/index';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { PanelProblem } from '../modules/ioc/index.ts';
import { listPlansPage, PlanImport, type PlanSummary } from '../modules/plans/index.ts';
import { errorText } from '../ui/error-text.ts';
import { CheckboxField, TextField } from '../ui/Field.tsx';
import { Loading } from '../ui/Notice.tsx';

const YEAR = /^\d{4}$/;
const STATUS_EN = { draft: 'Draft', issued: 'Issued' } as const;

/** The page's URL query: the year, and withdrawn=1 when withdrawn plans are shown too. */
const query = (year: string, withdrawn: boolean): Record<string, string> => ({
  ...(year ? { year } : {}),
  ...(withdrawn ? { withdrawn: '1' } : {}),
});

/**
 * /ke-hoach — the plans the user may read (the units on their line), of one year or of every
 * year (the default: the demo's seed plans are 2023's), a page of 50 at a time; import a file.
 */
export function PlansPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('plans.title'));
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? '';
  const withdrawn = params.get('withdrawn') === '1';
  const [draft, setDraft] = useState(year);
  // The box follows the click at once; the URL (and the list) follow on the router's next
  // render — a controlled box bound to the URL alone would flick back meanwhile.
  const [showWithdrawn, setShowWithdrawn] = useState(withdrawn);
  useEffect(() => setShowWithdrawn(withdrawn), [withdrawn]);
  const [more, setMore] = useState<{ items: PlanSummary[]; cursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState('');
  const first = useAsync(
    async (signal) => {
      const page = await listPlansPage({ year, withdrawn }, signal);
      setMore({ items: [], cursor: page.nextCursor });
      return page.items;
    },
    [year, withdrawn],
  );
  const plans = first.data ? [...first.data, ...(more?.items ?? [])] : undefined;
  const draftOk = draft === '' || YEAR.test(draft);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (draftOk) setParams(query(draft, withdrawn));
  };
  const loadMore = async () => {
    if (!more?.cursor) return;
    setMoreError('');
    try {
      const page = await listPlansPage({ year, withdrawn, cursor: more.cursor });
      setMore({ items: [...more.items, ...page.items], cursor: page.nextCursor });
    } catch (err) {
      setMoreError(errorText(err, t));
    }
  };
  return (
    <div className="page page--wide">
      <h1 className="page__title">{t('plans.title')}</h1>
      <search>
        <form className="filters" onSubmit={onSubmit}>
          <TextField
            id="plans-year"
            label={t('plans.year')}
            hint={t('plans.allYears')}
            inputMode="numeric"
            value={draft}
            onChange={(e) => setDraft(e.target.value.trim())}
            error={draftOk ? undefined : t('plans.yearInvalid')}
          />
          <button type="submit" className="button">
            {t('action.apply')}
          </button>
          <CheckboxField
            id="plans-withdrawn"
            label={t('plans.showWithdrawn')}
            checked={showWithdrawn}
            onChange={(e) => {
              setShowWithdrawn(e.target.checked);
              setParams(query(year, e.target.checked));
            }}
          />
        </form>
      </search>
      {first.error ? <PanelProblem error={first.error} onRetry={first.reload} /> : null}
      {first.loading && !plans ? <Loading /> : null}
      {plans && plans.length === 0 ? <p className="muted">{t('plans.none')}</p> : null}
      {plans && plans.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('plans.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.col.title')}</th>
                <th scope="col">{t('plans.col.unit')}</th>
                <th scope="col">{t('plans.year')}</th>
                <th scope="col">{t('plans.col.status')}</th>
                <th scope="col" className="num">
                  {t('plans.col.counts')}
                </th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/ke-hoach/${encodeURIComponent(p.id)}`}>{p.title}</Link>
                  </td>
                  <td>{p.unitName ?? p.unitCode}</td>
                  <td>{p.year}</td>
                  <td>
                    {p.withdrawn
                      ? t('plans.withdrawnBadge')
                      : lang === 'en'
                        ? STATUS_EN[p.status]
                        : PLAN_STATUS_LABELS[p.status]}
                  </td>
                  <td className="num">
                    {p.targets} / {p.tasks}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {more?.cursor ? (
        <p>
          <button type="button" className="button button--secondary" onClick={loadMore}>
            {t('plans.more')}
          </button>
        </p>
      ) : null}
      {moreError ? (
        <p className="notice notice--error" role="alert">
          {moreError}
        </p>
      ) : null}
      <PlanImport />
    </div>
  );
}
