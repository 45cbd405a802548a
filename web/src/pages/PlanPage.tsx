import { useParams } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { formatMoney } from '../lib/format.ts';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { getPlanGrades, loadTrends, PanelProblem, TargetsTable } from '../modules/ioc/index.ts';
import { budgetTotals, getPlan, type Plan, planExportUrl } from '../modules/plans/index.ts';
import { TaskTable } from '../modules/tasks/index.ts';
import { Loading } from '../ui/Notice.tsx';

async function loadPlanPage(id: string, signal: AbortSignal) {
  const plan = await getPlan(id, signal);
  const year = String(plan.year);
  const [grades, trends] = await Promise.all([
    getPlanGrades(plan.id, year, signal).catch(() => null),
    loadTrends(
      plan.targets.map((x) => x.indicator),
      plan.unitCode,
      year,
      signal,
      40,
    ),
  ]);
  return { plan, grades, trends };
}

/** Targets grouped under their sections; targets of no known section last. */
function sectionsWithTargets(plan: Plan) {
  const known = new Set(plan.sections.map((s) => s.code));
  const groups = plan.sections.map((s) => ({
    code: s.code,
    title: s.title,
    targets: plan.targets.filter((x) => x.sectionCode === s.code),
  }));
  const rest = plan.targets.filter((x) => !x.sectionCode || !known.has(x.sectionCode));
  if (rest.length) groups.push({ code: '', title: '', targets: rest });
  return groups.filter((g) => g.targets.length > 0);
}

/** /ke-hoach/:id — a plan: sections with graded targets, budget, tasks, files. */
export function PlanPage() {
  const t = useT();
  const { id = '' } = useParams();
  const state = useAsync((signal) => loadPlanPage(id, signal), [id]);
  const plan = state.data?.plan;
  useDocumentTitle(plan?.title ?? t('plans.title'));
  if (state.error)
    return (
      <div className="page">
        <h1 className="page__title">{t('plans.title')}</h1>
        <PanelProblem error={state.error} onRetry={state.reload} />
      </div>
    );
  if (!state.data || !plan) return <Loading />;
  const totals = budgetTotals(plan.budget);
  return (
    <div className="page page--wide">
      <h1 className="page__title">{plan.title}</h1>
      <p className="muted">
        {plan.unitName ?? plan.unitCode} — {t('plans.year')} {plan.year}
      </p>
      <p className="plans-files">
        <a
          className="button button--secondary button--small"
          href={planExportUrl(plan.id, 'json')}
          download
        >
          {t('plans.download.json')}
        </a>{' '}
        <a
          className="button button--secondary button--small"
          href={planExportUrl(plan.id, 'xlsx')}
          download
        >
          {t('plans.download.xlsx')}
        </a>
      </p>
      {state.data.grades ? null : <p className="notice notice--info">{t('plans.gradesMissing')}</p>}

      <section aria-labelledby="plan-targets">
        <h2 id="plan-targets">{t('plans.targets')}</h2>
        {sectionsWithTargets(plan).map((g) => (
          <section key={g.code || 'other'} aria-labelledby={`sec-${g.code || 'other'}`}>
            <h3 id={`sec-${g.code || 'other'}`}>{g.title || t('plans.otherTargets')}</h3>
            <TargetsTable
              targets={g.targets}
              grades={state.data?.grades ?? null}
              trends={state.data?.trends}
              caption={g.title || t('plans.otherTargets')}
            />
          </section>
        ))}
      </section>

      <section aria-labelledby="plan-budget">
        <h2 id="plan-budget">{t('plans.budget')}</h2>
        {plan.budget.length === 0 ? (
          <p className="muted">{t('plans.noBudget')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('plans.budget')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.col.item')}</th>
                  <th scope="col" className="num">
                    {t('plans.col.total')}
                  </th>
                  <th scope="col" className="num">
                    {t('plans.col.central')}
                  </th>
                  <th scope="col" className="num">
                    {t('plans.col.local')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {plan.budget.map((b, i) => (
                  <tr key={b.id ?? i}>
                    <td>{b.title}</td>
                    <td className="num">{formatMoney(b.total)}</td>
                    <td className="num">{formatMoney(b.central)}</td>
                    <td className="num">{formatMoney(b.local)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('plans.col.sum')}</th>
                  <td className="num">{formatMoney(totals.total)}</td>
                  <td className="num">{formatMoney(totals.central)}</td>
                  <td className="num">{formatMoney(totals.local)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="plan-tasks">
        <h2 id="plan-tasks">{t('plans.tasks')}</h2>
        <TaskTable tasks={plan.tasks} caption={t('plans.tasks')} />
      </section>
    </div>
  );
}
