// The staff petition queue: soonest deadline first, with the dossier queue's deadline colours
// (a coloured edge AND an icon AND words, never colour alone).
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { UrgencyIcon } from '../../dossiers/index.ts';
import type { PetitionSummary } from '../api/feedback.api.ts';
import { petitionUrgency } from '../lib/urgency.ts';

export function PetitionUrgencyBadge({
  p,
}: {
  p: Pick<PetitionSummary, 'overdue' | 'dueSoon' | 'nextDueAt'>;
}) {
  const t = useT();
  const u = petitionUrgency(p);
  if (!u) return null;
  return (
    <span className={`dq-badge dq-badge--${u}`}>
      <UrgencyIcon name={u} />
      {t(`feedback.urgency.${u}`)}
    </span>
  );
}

export function PetitionTable({
  items,
  href,
}: {
  items: PetitionSummary[];
  href: (id: string) => string;
}) {
  const t = useT();
  if (!items.length) return <p className="muted">{t('feedback.queue.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--dense dq-table">
        <caption className="visually-hidden">{t('feedback.queue.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('feedback.queue.colNumber')}</th>
            <th scope="col">{t('feedback.queue.colDossier')}</th>
            <th scope="col">{t('feedback.queue.colContent')}</th>
            <th scope="col">{t('feedback.queue.colDue')}</th>
            <th scope="col">{t('feedback.queue.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id} className={`dq-row--${petitionUrgency(p) ?? 'closed'}`}>
              <th scope="row" className="nowrap">
                <Link to={href(p.id)}>{p.number}</Link>
              </th>
              <td>
                <span className="nowrap">{p.dossierCode}</span>
                <br />
                <span className="muted">{p.procedureName}</span>
              </td>
              <td>{p.content.length > 120 ? `${p.content.slice(0, 120)}…` : p.content}</td>
              <td className="nowrap">{p.nextDueAt ? formatDateTime(p.nextDueAt) : '—'}</td>
              <td>
                <div className="dq-status">
                  <span className="dq-badge dq-badge--status">
                    {t(`feedback.status.${p.status}`)}
                  </span>
                  <PetitionUrgencyBadge p={p} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
