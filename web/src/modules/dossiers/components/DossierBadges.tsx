// Status and deadline badges: colour, icon and words together, never colour alone.
import { useT } from '../../../i18n/i18n-context.tsx';
import type { DossierSummary } from '../api/dossier.types.ts';
import { outcomeTone, urgencyOf } from '../lib/urgency.ts';
import { UrgencyIcon } from './UrgencyIcon.tsx';

/** The deadline badge of a dossier; a finished one shows its outcome (early / on time / late). */
export function UrgencyBadge({
  dossier,
}: {
  dossier: Pick<DossierSummary, 'status' | 'overdue' | 'dueSoon' | 'outcome'>;
}) {
  const t = useT();
  const urgency = urgencyOf(dossier);
  if (urgency === 'closed') {
    if (!dossier.outcome) return null;
    const tone = outcomeTone(dossier.outcome);
    return (
      <span className={`dq-badge dq-badge--${tone}`}>
        <UrgencyIcon name={tone === 'bad' ? 'late' : 'done'} />
        {t(`dossiers.outcome.${dossier.outcome}`)}
      </span>
    );
  }
  return (
    <span className={`dq-badge dq-badge--${urgency}`}>
      <UrgencyIcon name={urgency} />
      {t(`dossiers.urgency.${urgency}`)}
    </span>
  );
}

/** The workflow status as words. */
export function StatusBadge({ status }: { status: DossierSummary['status'] }) {
  const t = useT();
  return <span className="dq-badge dq-badge--status">{t(`dossiers.status.${status}`)}</span>;
}
