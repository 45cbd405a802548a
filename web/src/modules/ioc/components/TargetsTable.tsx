// A plan's targets with their grades (Vượt green / Đạt blue / Chưa đạt red / Chưa có số liệu
// grey — with a symbol and the words, never colour alone) and a trend sparkline each. Used by
// the dashboard and by the plan page.
import { useT } from '../../../i18n/i18n-context.tsx';
import type { PlanTarget } from '../../plans/index.ts';
import type { TargetGrade } from '../api/ioc.types.ts';
import { comparatorSign, countGrades, GRADES, gradeClass, gradeLabel } from '../lib/grades.ts';
import { formatNumber } from '../lib/period.ts';
import { sparklinePath } from '../lib/sparkline.ts';

/** The plan target's own fields (@cqs/shared/plans TargetView) the table shows. */
export type TargetRow = Pick<
  PlanTarget,
  'id' | 'text' | 'indicatorCode' | 'comparator' | 'targetValue' | 'stretchValue' | 'unitOfMeasure'
>;

function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const d = sparklinePath(values, 104, 24);
  if (!d) return <span className="muted">—</span>;
  return (
    <svg
      className="ioc-spark"
      width="104"
      height="24"
      viewBox="0 0 104 24"
      role="img"
      aria-label={label}
    >
      <path d={d} fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

const show = (v: number | null | undefined, measure?: string | null) =>
  v === null || v === undefined
    ? '—'
    : `${formatNumber(v, Number.isInteger(v) ? 0 : 2)}${measure === '%' ? '%' : measure ? ` ${measure}` : ''}`;

export function TargetsTable({
  targets,
  grades,
  trends,
  caption,
}: {
  targets: readonly TargetRow[];
  /** Null when the grades endpoint failed: the grade column says so. */
  grades: readonly TargetGrade[] | null;
  trends?: ReadonlyMap<string, readonly (number | null)[]>;
  caption: string;
}) {
  const t = useT();
  const byTarget = new Map((grades ?? []).map((g) => [g.targetId, g]));
  const counts = countGrades(targets.map((x) => byTarget.get(x.id)?.grade));
  return (
    <>
      {grades ? (
        <p className="ioc-grade-summary">
          {GRADES.map((g) => (
            <span key={g} className={gradeClass(g)}>
              {gradeLabel(g)}: {counts[g]}
            </span>
          ))}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="table ioc-targets">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ioc.targets.target')}</th>
              <th scope="col">{t('ioc.targets.goal')}</th>
              <th scope="col">{t('ioc.targets.result')}</th>
              <th scope="col">{t('ioc.targets.grade')}</th>
              <th scope="col">{t('ioc.targets.trend')}</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((x) => {
              const g = byTarget.get(x.id);
              const series = x.indicatorCode ? trends?.get(x.indicatorCode) : undefined;
              return (
                <tr key={x.id} data-target={x.id}>
                  <td>{x.text}</td>
                  <td>
                    {x.targetValue === null
                      ? '—'
                      : `${comparatorSign(x.comparator)} ${show(x.targetValue, x.unitOfMeasure)}`}
                    {x.stretchValue != null ? (
                      <span className="muted">
                        {' '}
                        (
                        {t('ioc.targets.stretch', { value: show(x.stretchValue, x.unitOfMeasure) })}
                        )
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {show(g?.value, x.unitOfMeasure)}
                    {g?.atRisk ? (
                      <span className="ioc-risk"> {t('ioc.targets.atRisk')}</span>
                    ) : null}
                  </td>
                  <td>
                    {grades ? (
                      <span className={gradeClass(g?.grade)}>{gradeLabel(g?.grade)}</span>
                    ) : (
                      <span className="muted">{t('ioc.targets.gradesMissing')}</span>
                    )}
                  </td>
                  <td>
                    {series ? (
                      <Sparkline
                        values={series}
                        label={t('ioc.targets.trendOf', { target: x.text })}
                      />
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
