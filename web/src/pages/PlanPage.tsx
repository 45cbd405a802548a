import { PLAN_SECTIONS, PLAN_STATUS_LABELS } from '@cqs/shared/plans/index';
import { useParams } from 'react-router-dom';
import { type Lang, useI18n } from '../i18n/i18n-context.tsx';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { hasRole, useAuth } from '../modules/identity/index.ts';
import {
  getPlanGrades,
  listIndicators,
  loadTrends,
  PanelProblem,
  TargetsTable,
} from '../modules/ioc/index.ts';
import {
  getPlan,
  type Plan,
  PlanBudgetTable,
  PlanTasksTable,
  PlanWithdrawal,
  planExportUrl,
  TargetEditor,
} from '../modules/plans/index.ts';
import { Loading } from '../ui/Notice.tsx';

const STATUS_EN = { draft: 'Draft', issued: 'Issued' } as const;

/** Who may change a plan (plans.access.ts PLAN_WRITERS; the server checks the unit). */
const PLAN_WRITERS = ['admin', 'leader', 'secretariat'] as const;

/**
 * The plan, its grades for the plan's year (GET /plans/{id}/grades?period=<year>, the
 * indicators module's scoring routes: when they fail or are absent the page says so and shows
 * the targets ungraded) and the trends of its linked indicators.
 */
async function loadPlanPage(id: string, signal: AbortSignal) {
  const plan = await getPlan(id, signal);
  const year = String(plan.year);
  const [grades, trends, indicators] = await Promise.all([
    getPlanGrades(plan.id, year, signal).catch(() => null),
    loadTrends(
      plan.targets.map((x) => x.indicatorCode),
      plan.unitCode,
      year,
      signal,
      40,
    ),
    listIndicators(signal).catch(() => []),
  ]);
  return { plan, grades, trends, indicators };
}

/** A pillar's name in the page's language (the catalogue in @cqs/shared/plans). */
function sectionName(code: string, lang: Lang, fallback: string): string {
  const s = PLAN_SECTIONS.find((x) => x.code === code);
  if (!s) return fallback;
  return lang === 'en' ? s.nameEn : s.name;
}

/**
 * The plan's pillars in catalogue order (as the server lists them), each with its targets and
 * tasks; a target's scope ("cấp xã") is added to its sentence, since one sentence may give two
 * targets. Tasks under no pillar come last, under `otherTasks`.
 */
function bySection(plan: Plan) {
  const groups = plan.sections.map((s) => ({
    code: s.code as string,
    name: s.name,
    targets: plan.targets
      .filter((x) => x.sectionCode === s.code)
      .map((x) => (x.scope ? { ...x, text: `${x.text} (${x.scope})` } : x)),
    tasks: plan.tasks.filter((k) => k.sectionCode === s.code),
  }));
  const rest = plan.tasks.filter((k) => !k.sectionCode);
  return { groups, rest };
}

/** /ke-hoach/:id — a plan: its pillars, graded targets, tasks and budget as written; files. */
export function PlanPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const { user } = useAuth();
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
  const { groups, rest } = bySection(plan);
  const writer = PLAN_WRITERS.some((role) => hasRole(user, role));
  const name = (g: { code: string; name: string }) => sectionName(g.code, lang, g.name);
  const withTargets = groups.filter((g) => g.targets.length > 0);
  const withTasks = groups.filter((g) => g.tasks.length > 0);
  const doc = [plan.documentNumber, plan.documentDate ? formatDate(plan.documentDate) : null]
    .filter(Boolean)
    .join(', ');
  return (
    <div className="page page--wide">
      <h1 className="page__title">{plan.title}</h1>
      <p className="muted">
        {plan.unitName ?? plan.unitCode} — {t('plans.year')} {plan.year} —{' '}
        {lang === 'en' ? STATUS_EN[plan.status] : PLAN_STATUS_LABELS[plan.status]}
      </p>
      {plan.withdrawn ? (
        <p className="notice notice--warning" role="status">
          {t('plans.withdrawn', {
            date: formatDateTime(plan.withdrawn.at),
            by: plan.withdrawn.byName ?? '—',
            reason: plan.withdrawn.reason,
          })}
        </p>
      ) : null}
      {plan.issuer || doc ? (
        <dl className="tasks-facts">
          {plan.issuer ? (
            <>
              <dt>{t('plans.issuer')}</dt>
              <dd>{plan.issuer}</dd>
            </>
          ) : null}
          {doc ? (
            <>
              <dt>{t('plans.document')}</dt>
              <dd>{doc}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
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

      <section aria-labelledby="plan-sections">
        <h2 id="plan-sections">{t('plans.sections')}</h2>
        <ul className="plans-sections">
          {plan.sections.map((s) => (
            <li key={s.code}>
              <strong>{name(s)}</strong>:{' '}
              {t('plans.sectionCounts', { targets: s.targets, tasks: s.tasks })}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="plan-targets">
        <h2 id="plan-targets">{t('plans.targets')}</h2>
        {state.data.grades ? null : (
          <p className="notice notice--info">{t('plans.gradesMissing')}</p>
        )}
        {withTargets.length === 0 ? <p className="muted">{t('plans.noTargets')}</p> : null}
        {withTargets.map((g) => (
          <section key={g.code} aria-labelledby={`targets-${g.code}`}>
            <h3 id={`targets-${g.code}`}>{name(g)}</h3>
            <TargetsTable
              targets={g.targets}
              grades={state.data?.grades ?? null}
              trends={state.data?.trends}
              caption={`${t('plans.targets')} — ${name(g)}`}
            />
            {g.targets
              .filter((x) => x.assignments.length > 0)
              .map((x) => (
                <p key={x.id} className="muted">
                  {x.text} —{' '}
                  {t('plans.assignedTo', {
                    list: x.assignments
                      .map((a) => `${a.unitName ?? a.unitCode}: ${a.value.toLocaleString('vi-VN')}`)
                      .join('; '),
                  })}
                </p>
              ))}
          </section>
        ))}
      </section>

      {writer && !plan.withdrawn ? (
        <TargetEditor
          plan={plan}
          indicators={state.data.indicators.map((i) => ({
            code: i.code,
            name: lang === 'en' ? i.nameEn : i.name,
          }))}
          onSaved={state.reload}
        />
      ) : null}

      <section aria-labelledby="plan-tasks">
        <h2 id="plan-tasks">{t('plans.tasks')}</h2>
        {plan.tasks.length === 0 ? <p className="muted">{t('plans.noTasks')}</p> : null}
        {withTasks.map((g) => (
          <section key={g.code} aria-labelledby={`tasks-${g.code}`}>
            <h3 id={`tasks-${g.code}`}>{name(g)}</h3>
            <PlanTasksTable tasks={g.tasks} caption={`${t('plans.tasks')} — ${name(g)}`} />
          </section>
        ))}
        {rest.length > 0 ? (
          <section aria-labelledby="tasks-other">
            <h3 id="tasks-other">{t('plans.otherTasks')}</h3>
            <PlanTasksTable tasks={rest} caption={t('plans.otherTasks')} />
          </section>
        ) : null}
      </section>

      <section aria-labelledby="plan-budget">
        <h2 id="plan-budget">{t('plans.budget')}</h2>
        {plan.budget.length === 0 ? (
          <p className="muted">{t('plans.noBudget')}</p>
        ) : (
          <PlanBudgetTable lines={plan.budget} caption={t('plans.budget')} />
        )}
      </section>

      {writer && !plan.withdrawn ? <PlanWithdrawal plan={plan} onDone={state.reload} /> : null}
    </div>
  );
}
