// The satisfaction indicators tab: a period, and per unit ratings, mean score, satisfied
// share, petitions and their on-time rate, with the total row the server recomputed.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, todayVn } from '../../../lib/format.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { TextField } from '../../../ui/Field.tsx';
import { LoadError, Loading } from '../../../ui/Notice.tsx';
import { getStats, type StatsRow } from '../api/feedback.api.ts';

const percent = (r: number | null) =>
  r === null ? '—' : `${(r * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
const mean = (m: number | null) =>
  m === null
    ? '—'
    : m.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function Row({ r, total }: { r: StatsRow; total?: boolean }) {
  const Cell = total ? 'th' : 'td';
  return (
    <tr className={total ? 'fb-total' : undefined}>
      <th scope="row">{r.unitName}</th>
      <Cell className="fb-num">{r.ratings}</Cell>
      <Cell className="fb-num">{mean(r.meanScore)}</Cell>
      <Cell className="fb-num">{percent(r.satisfiedRate)}</Cell>
      <Cell className="fb-num">{r.petitionsReceived}</Cell>
      <Cell className="fb-num">{r.petitionsOnTime}</Cell>
      <Cell className="fb-num">{r.petitionsLate + r.petitionsOpenOverdue}</Cell>
      <Cell className="fb-num">{percent(r.onTimeRate)}</Cell>
    </tr>
  );
}

export function FeedbackStats() {
  const t = useT();
  const today = todayVn();
  const [draft, setDraft] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const [period, setPeriod] = useState(draft);
  const stats = useAsync((signal) => getStats(period, signal), [period.from, period.to]);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setPeriod(draft);
  };
  return (
    <>
      <form className="fb-filters" onSubmit={apply}>
        <TextField
          id="stats-from"
          type="date"
          label={t('feedback.stats.from')}
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <TextField
          id="stats-to"
          type="date"
          label={t('feedback.stats.to')}
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        <button type="submit" className="button button--secondary">
          {t('feedback.stats.show')}
        </button>
      </form>
      <p className="muted fb-rule">{t('feedback.stats.rule')}</p>
      {stats.loading && !stats.data ? <Loading /> : null}
      {stats.error ? <LoadError error={stats.error} onRetry={stats.reload} /> : null}
      {stats.data && stats.data.items.length === 0 ? (
        <p className="muted">{t('feedback.stats.empty')}</p>
      ) : null}
      {stats.data && stats.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--dense">
            <caption>
              {t('feedback.stats.caption', {
                from: formatDate(stats.data.from),
                to: formatDate(stats.data.to),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('feedback.stats.colUnit')}</th>
                <th scope="col">{t('feedback.stats.colRatings')}</th>
                <th scope="col">{t('feedback.stats.colMean')}</th>
                <th scope="col">{t('feedback.stats.colSatisfied')}</th>
                <th scope="col">{t('feedback.stats.colPetitions')}</th>
                <th scope="col">{t('feedback.stats.colOnTime')}</th>
                <th scope="col">{t('feedback.stats.colLate')}</th>
                <th scope="col">{t('feedback.stats.colOnTimeRate')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.data.items.map((r) => (
                <Row key={r.unitCode} r={r} />
              ))}
            </tbody>
            <tfoot>
              <Row r={{ ...stats.data.total, unitName: stats.data.total.unitName }} total />
            </tfoot>
          </table>
        </div>
      ) : null}
    </>
  );
}
