// The dossier's header facts: deadline with the working time left, where and how it came in,
// who handles it, and the outcome once processing is over.
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime, formatMoney } from '../../../lib/format.ts';
import type { Dossier } from '../api/dossier.types.ts';
import { useWorkingDays } from '../hooks/use-dossiers.ts';
import { remainingTime, urgencyOf } from '../lib/urgency.ts';

/** "Còn 3 ngày làm việc", "Quá hạn 2 ngày làm việc"… or nothing once the clock has stopped. */
function RemainingText({ dossier }: { dossier: Dossier }) {
  const t = useT();
  const isWorkingDay = useWorkingDays(dossier.dueAt);
  const urgency = urgencyOf(dossier);
  if (urgency === 'closed') return null;
  if (urgency === 'paused') return <span>{t('dossiers.remaining.paused')}</span>;
  const r = remainingTime(Date.now(), dossier.dueAt, isWorkingDay);
  const text =
    r.kind === 'left' || r.kind === 'over'
      ? t(`dossiers.remaining.${r.kind}`, { n: r.days })
      : t(`dossiers.remaining.${r.kind}`, { time: r.time });
  return <strong>{text}</strong>;
}

/** The overview list of a dossier. */
export function DossierSummaryList({ dossier }: { dossier: Dossier }) {
  const t = useT();
  const rows: [string, ReactNode][] = [
    [t('dossiers.detail.procedure'), `${dossier.procedure.code} — ${dossier.procedure.name}`],
    [
      t('dossiers.detail.due'),
      <>
        {formatDateTime(dossier.dueAt)} <RemainingText dossier={dossier} />
      </>,
    ],
  ];
  if (dossier.originalDueAt && dossier.originalDueAt !== dossier.dueAt)
    rows.push([t('dossiers.detail.originalDue'), formatDateTime(dossier.originalDueAt)]);
  rows.push(
    [t('dossiers.detail.received'), formatDateTime(dossier.receivedAt)],
    [t('dossiers.detail.unit'), dossier.unitName ?? dossier.unitCode],
    [t('dossiers.detail.channel'), t(`dossiers.channel.${dossier.channel}`)],
    [
      t('dossiers.detail.assignee'),
      dossier.assignee
        ? `${dossier.assignee.fullName} (${dossier.assignee.username})`
        : t('dossiers.detail.unassigned'),
    ],
    [t('dossiers.detail.fees'), formatMoney(dossier.feesDue ?? 0)],
    [
      t('dossiers.detail.delivery'),
      dossier.resultDelivery?.method === 'postal'
        ? t('dossiers.detail.deliveryPostal', { address: dossier.resultDelivery.address ?? '' })
        : t('dossiers.detail.deliveryDesk'),
    ],
  );
  if (dossier.finishedAt) {
    rows.push([
      t('dossiers.detail.finished'),
      `${formatDateTime(dossier.finishedAt)}${
        dossier.outcome ? ` — ${t(`dossiers.outcome.${dossier.outcome}`)}` : ''
      }`,
    ]);
    if (dossier.resultSummary)
      rows.push([t('dossiers.detail.resultSummary'), dossier.resultSummary]);
    rows.push([
      t('dossiers.detail.approved'),
      dossier.approvedAt ? formatDateTime(dossier.approvedAt) : t('dossiers.detail.notApproved'),
    ]);
  }
  if (dossier.returnedAt)
    rows.push([t('dossiers.detail.returnedAt'), formatDateTime(dossier.returnedAt)]);

  return (
    <dl className="summary-list">
      {rows.map(([label, value]) => (
        <div key={label} className="summary-list__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
