// A plan's budget (kinh phí) as printed: its own subtotal and total rows in bold, amounts in
// đồng. No sum is added: the plan's rows already hold its sums (see lib/budget.ts).
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney } from '../../../lib/format.ts';
import type { BudgetLine } from '../api/plan.types.ts';
import { budgetRowKind, currencyNotes } from '../lib/budget.ts';

const money = (v: number | null) => (v === null ? '—' : formatMoney(v));

export function PlanBudgetTable({
  lines,
  caption,
}: {
  lines: readonly BudgetLine[];
  caption: string;
}) {
  const t = useT();
  const notes = currencyNotes(lines);
  return (
    <>
      {notes.length > 0 ? (
        <p className="muted">{t('plans.budget.note', { note: notes.join(', ') })}</p>
      ) : null}
      <div className="table-wrap">
        <table className="table plans-budget">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.col.no')}</th>
              <th scope="col">{t('plans.col.item')}</th>
              <th scope="col">{t('plans.col.executor')}</th>
              <th scope="col">{t('plans.col.period')}</th>
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
            {lines.map((b) => {
              const kind = budgetRowKind(b);
              return (
                <tr key={b.id} className={kind === 'item' ? undefined : `plans-budget__${kind}`}>
                  <td>{b.no ?? ''}</td>
                  {kind === 'item' ? <td>{b.name}</td> : <th scope="row">{b.name}</th>}
                  <td>{b.executor ?? ''}</td>
                  <td>{b.period ?? ''}</td>
                  <td className="num">{money(b.total)}</td>
                  <td className="num">{money(b.central)}</td>
                  <td className="num">{money(b.local)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
