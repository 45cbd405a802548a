// The unit's plan for the year: its targets graded, with trends (dashboard panel).
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { getPlan, listPlans } from '../../plans/index.ts';
import { getIndicatorTrend, getPlanGrades } from '../api/ioc.api.ts';
import { gradeLabel } from '../lib/grades.ts';
import { formatPeriod } from '../lib/period.ts';
import { ChartPanel } from './ChartPanel.tsx';
import { TargetsTable } from './TargetsTable.tsx';

/** Trends of up to `max` indicators (failures left out: a missing sparkline, not an error). */
export async function loadTrends(
  indicators: readonly (string | null)[],
  unit: string,
  year: string,
  signal: AbortSignal,
  max = 12,
): Promise<Map<string, (number | null)[]>> {
  const codes = [...new Set(indicators.filter((c): c is string => !!c))].slice(0, max);
  const results = await Promise.allSettled(
    codes.map((c) => getIndicatorTrend(c, unit, year, signal)),
  );
  const out = new Map<string, (number | null)[]>();
  results.forEach((r, i) => {
    const code = codes[i];
    if (code && r.status === 'fulfilled')
      out.set(
        code,
        r.value.months.map((m) => m.value),
      );
  });
  return out;
}

async function loadPanel(unit: string, year: string, signal: AbortSignal) {
  const plans = await listPlans({ unit, year }, signal);
  const first = plans[0];
  if (!first) return null;
  const plan = await getPlan(first.id, signal);
  const [grades, trends] = await Promise.all([
    getPlanGrades(plan.id, year, signal).catch(() => null),
    loadTrends(
      plan.targets.map((x) => x.indicatorCode),
      unit,
      year,
      signal,
    ),
  ]);
  return { plan, grades, trends };
}

export function TargetsPanel({ unit, year }: { unit: string; year: string }) {
  const t = useT();
  const state = useAsync((signal) => loadPanel(unit, year, signal), [unit, year]);
  const title = t('ioc.targets.title');
  const data = state.data;
  const byId = new Map((data?.grades ?? []).map((g) => [g.targetId, g]));
  return (
    <ChartPanel
      id="targets"
      title={title}
      subtitle={data ? `${data.plan.title} — ${formatPeriod(year)}` : formatPeriod(year)}
      loading={state.loading}
      error={state.error}
      onRetry={state.reload}
      table={
        data
          ? {
              headers: [
                t('ioc.targets.target'),
                t('ioc.col.indicator'),
                t('ioc.targets.goal'),
                t('ioc.targets.result'),
                t('ioc.targets.grade'),
              ],
              rows: data.plan.targets.map((x) => [
                x.text,
                x.indicatorCode,
                x.targetValue,
                byId.get(x.id)?.value ?? null,
                gradeLabel(byId.get(x.id)?.grade).slice(2),
              ]),
            }
          : null
      }
      footer={
        data ? (
          <p>
            <Link to={`/ke-hoach/${encodeURIComponent(data.plan.id)}`}>
              {t('ioc.targets.openPlan')}
            </Link>
          </p>
        ) : null
      }
    >
      {data === null ? <p className="muted">{t('ioc.targets.noPlan')}</p> : null}
      {data ? (
        <TargetsTable
          targets={data.plan.targets}
          grades={data.grades}
          trends={data.trends}
          caption={title}
        />
      ) : null}
    </ChartPanel>
  );
}
